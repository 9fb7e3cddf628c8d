package org.helpdesk.database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;

import org.flywaydb.core.Flyway;

/**
 * Brings the database schema up to date when the application is deployed, before anything else
 * touches it. Flyway records what it applied in {@code flyway_schema_history} and takes a database
 * lock while it works, so several cluster nodes starting at once apply each migration once.
 *
 * <p>What only PostgreSQL can have (its full-text search, db/postgresql) is a history of its own
 * ({@code flyway_postgresql_history}), applied after the schema on PostgreSQL alone, so that the
 * embedded H2 keeps the same schema without it.
 *
 * <p>Demo data (db/demo) is a separate Flyway history ({@code flyway_demo_history}) loaded only
 * where the server configuration sets {@code helpdesk.demo-data=true}: the embedded default,
 * never production (wildfly-config/src/main/cli/configure-demo-data.cli).
 *
 * <p>A failure here fails the deployment at once: an application on a schema it does not know
 * must not start.
 */
@Startup
@Singleton
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigration {

    /** The server property that turns the demo data on. */
    public static final String DEMO_DATA_PROPERTY = "helpdesk.demo-data";

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/HelpdeskDS")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        int applied = flyway("classpath:db/migration", "flyway_schema_history").migrate().migrationsExecuted;
        LOG.info(() -> "Database schema migrated: " + applied + " migration(s) applied");
        if (isPostgreSQL()) {
            int added = flyway("classpath:db/postgresql", "flyway_postgresql_history")
                    .migrate()
                    .migrationsExecuted;
            LOG.info(() -> "PostgreSQL's own schema migrated: " + added + " migration(s) applied");
        }
        if (Boolean.getBoolean(DEMO_DATA_PROPERTY)) {
            int loaded = flyway("classpath:db/demo", "flyway_demo_history").migrate().migrationsExecuted;
            LOG.info(() -> "Demo data: " + loaded + " script(s) loaded");
        }
    }

    private boolean isPostgreSQL() {
        try (Connection connection = dataSource.getConnection()) {
            return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
        } catch (SQLException failure) {
            throw new IllegalStateException("The database cannot be reached to migrate its schema", failure);
        }
    }

    private Flyway flyway(String location, String historyTable) {
        return Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations(location)
                .table(historyTable)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
