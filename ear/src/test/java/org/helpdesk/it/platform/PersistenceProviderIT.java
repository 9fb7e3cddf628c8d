package org.helpdesk.it.platform;

import java.sql.Connection;
import java.util.List;
import javax.naming.InitialContext;
import javax.sql.DataSource;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.eclipse.persistence.internal.jpa.EntityManagerImpl;
import org.eclipse.persistence.jpa.JpaEntityManagerFactory;
import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EclipseLink, bundled in the EAR, is the JPA provider, and the migrations built the schema. */
@ExtendWith(ArquillianExtension.class)
class PersistenceProviderIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    private static EntityManagerFactory entityManagerFactory() throws Exception {
        return InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
    }

    @Test
    void theProviderIsEclipseLink() throws Exception {
        EntityManagerFactory factory = entityManagerFactory();

        JpaEntityManagerFactory eclipseLink = factory.unwrap(JpaEntityManagerFactory.class);
        assertTrue(eclipseLink.getDatabaseSession().isConnected());
        EntityManager em = factory.createEntityManager();
        try {
            assertInstanceOf(EntityManagerImpl.class, em.getDelegate());
        } finally {
            em.close();
        }
    }

    @Test
    void eclipseLinkComesFromTheEarNotFromTheServer() throws Exception {
        String location = JpaEntityManagerFactory.class
                .getProtectionDomain()
                .getCodeSource()
                .getLocation()
                .toString();

        assertTrue(
                location.contains("helpdesk") && location.contains("org.eclipse.persistence"),
                "EclipseLink loaded from " + location);
    }

    @Test
    void theDatabaseIsTheOneThisRunWasConfiguredFor() throws Exception {
        String expected = System.getProperty("helpdesk.it.database");
        try (Connection connection =
                ((DataSource) InitialContext.doLookup("java:jboss/datasources/HelpdeskDS")).getConnection()) {
            assertEquals(expected, connection.getMetaData().getDatabaseProductName());
        }
    }

    @Test
    void theMigrationsCreatedTheSchemaAndTheDemoData() throws Exception {
        EntityManager em = entityManagerFactory().createEntityManager();
        try {
            @SuppressWarnings("unchecked")
            List<String> applied = em.createNativeQuery(
                            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE ORDER BY \"installed_rank\"")
                    .getResultList();
            assertTrue(applied.contains("1"), "applied migrations: " + applied);

            Number locations =
                    (Number) em.createQuery("SELECT COUNT(l) FROM Location l").getSingleResult();
            assertEquals(3, locations.intValue());
        } finally {
            em.close();
        }
    }
}
