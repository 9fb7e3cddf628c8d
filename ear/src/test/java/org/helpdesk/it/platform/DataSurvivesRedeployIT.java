package org.helpdesk.it.platform;

import java.net.http.HttpResponse;
import java.util.UUID;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What is stored stays stored when the application is undeployed and deployed again. */
@ExtendWith(ArquillianExtension.class)
class DataSurvivesRedeployIT {

    private static final String HELPDESK = "helpdesk";

    @Deployment(name = HELPDESK, managed = false, testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @ArquillianResource
    private Deployer deployer;

    @Test
    void aCategoryCreatedBeforeARedeployIsThereAfterIt() throws Exception {
        String name = "Survivor " + UUID.randomUUID();
        deployer.deploy(HELPDESK);
        try {
            HttpResponse<String> created = HelpdeskClient.basic("olivia", "demo")
                    .postJson("/api/v1/categories", "{\"name\":\"" + name + "\"}");
            assertEquals(201, created.statusCode(), created.body());
        } finally {
            deployer.undeploy(HELPDESK);
        }

        deployer.deploy(HELPDESK);
        try {
            HttpResponse<String> categories =
                    HelpdeskClient.basic("alice", "demo").getJson("/api/v1/categories");
            assertEquals(200, categories.statusCode());
            assertTrue(categories.body().contains(name), categories.body());
        } finally {
            deployer.undeploy(HELPDESK);
        }
    }
}
