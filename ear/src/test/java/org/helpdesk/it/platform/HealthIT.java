package org.helpdesk.it.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroProfile Health on the management interface. Readiness needs the node to answer its pages and
 * API, which a freshly deployed node does only after its first pages are compiled: the tests probe
 * it as a load balancer does, until it is UP (a bounded wait).
 */
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

    private static HttpResponse<String> readinessOnceUp() throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        HttpResponse<String> response = get("/health/ready");
        while (response.statusCode() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(500);
            response = get("/health/ready");
        }
        return response;
    }

    @Test
    void healthReportsUp() throws Exception {
        readinessOnceUp();
        HttpResponse<String> response = get("/health");

        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().replace(" ", "").contains("\"status\":\"UP\""), response.body());
    }

    @Test
    void readinessIncludesThePagesTheApiAndTheDatabase() throws Exception {
        HttpResponse<String> response = readinessOnceUp();

        assertEquals(200, response.statusCode(), response.body());
        String body = response.body().replace(" ", "");
        assertTrue(body.contains("{\"name\":\"helpdesk\",\"status\":\"UP\""), response.body());
        assertTrue(body.contains("\"serving\":\"UP\""), response.body());
        assertTrue(body.contains("\"database\":\"UP\""), response.body());
    }
}
