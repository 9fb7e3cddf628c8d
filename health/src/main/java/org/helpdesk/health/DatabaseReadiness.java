package org.helpdesk.health;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness includes the database: a node whose database does not answer is taken out of the load
 * balancer's rotation (GET /health/ready on the management interface).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int TIMEOUT_SECONDS = 2;

    @Resource(lookup = "java:jboss/datasources/HelpdeskDS")
    private DataSource dataSource;

    @Override
    public HealthCheckResponse call() {
        try (Connection connection = dataSource.getConnection()) {
            return HealthCheckResponse.named("helpdesk-database")
                    .status(connection.isValid(TIMEOUT_SECONDS))
                    .build();
        } catch (SQLException e) {
            return HealthCheckResponse.down("helpdesk-database");
        }
    }
}
