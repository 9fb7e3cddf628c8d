package org.helpdesk.health;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness means serving (GET /health/ready on the management interface): a load balancer sends
 * users to a node only when this check is UP, so it is UP only when the node's pages and REST API
 * answer and its database does.
 *
 * <p>Serving: WildFly registers the EAR's health checks, and reports its deployment OK, seconds
 * before the web module's context is reachable; trusting that, a balancer would send users to a
 * node that answers 404. So the node asks itself, on its public HTTP listener, as a user would:
 * {@code GET /login} must be 200 and an anonymous {@code GET /api/v1/me} the 401 challenge, on
 * every probe (two small local requests), so that a node whose application is being undeployed
 * leaves the rotation too. The address is the one WildFly's {@code http} socket binding uses
 * ({@code jboss.bind.address}, {@code jboss.http.port} and the port offset); a server whose
 * listener is elsewhere names it in the system property {@code helpdesk.readiness.url}.
 *
 * <p>One check, not two: WildFly registers checks one by one, and between a database check and a
 * serving check the node would briefly be UP with only the first.
 */
@Readiness
@ApplicationScoped
public class HelpdeskReadiness implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Resource(lookup = "java:jboss/datasources/HelpdeskDS")
    private DataSource dataSource;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(TIMEOUT).build();

    @Override
    public HealthCheckResponse call() {
        URI base = publicUrl();
        boolean serving = answers(base.resolve("/login"), 200) && answers(base.resolve("/api/v1/me"), 401);
        boolean database = databaseAnswers();
        return HealthCheckResponse.named("helpdesk")
                .status(serving && database)
                .withData("serving", serving ? "UP" : "DOWN")
                .withData("database", database ? "UP" : "DOWN")
                .build();
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid((int) TIMEOUT.toSeconds());
        } catch (SQLException e) {
            return false;
        }
    }

    private boolean answers(URI uri, int expectedStatus) {
        try {
            HttpRequest request =
                    HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == expectedStatus;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static URI publicUrl() {
        String configured = System.getProperty("helpdesk.readiness.url");
        if (configured != null && !configured.isBlank()) {
            return URI.create(configured);
        }
        String host = System.getProperty("jboss.bind.address", "127.0.0.1");
        if (host.equals("0.0.0.0") || host.equals("::")) {
            host = "127.0.0.1";
        }
        int port =
                Integer.getInteger("jboss.http.port", 8080) + Integer.getInteger("jboss.socket.binding.port-offset", 0);
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port);
    }
}
