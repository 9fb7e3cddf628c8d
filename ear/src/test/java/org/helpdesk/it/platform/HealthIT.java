package org.helpdesk.it.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** MicroProfile Health on the management interface, with the database in readiness. */
@ExtendWith(ArquillianExtension.class)
class HealthIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        String management = System.getProperty("helpdesk.management.url", "http://127.0.0.1:10090");
        return HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(management + path)).build(),
                        HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsUp() throws Exception {
        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().replace(" ", "").contains("\"status\":\"UP\""), response.body());
    }

    @Test
    void readinessIncludesTheDatabase() throws Exception {
        HttpResponse<String> response = get("/health/ready");

        assertEquals(200, response.statusCode(), response.body());
        String body = response.body().replace(" ", "");
        assertTrue(body.contains("{\"name\":\"helpdesk-database\",\"status\":\"UP\"}"), response.body());
    }
}
