package org.helpdesk.it.support;

import java.io.File;
import java.net.URISyntaxException;

import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jsoup.Jsoup;

/**
 * The deployments the integration tests use: always the EAR this build produced, never a
 * hand-assembled subset of its classes.
 */
public final class Deployments {

    private Deployments() {}

    /** The built EAR exactly as an operator deploys it; for tests that work over HTTP. */
    public static EnterpriseArchive helpdesk() {
        return ShrinkWrap.create(ZipImporter.class, "helpdesk.ear")
                .importFrom(new File(System.getProperty("helpdesk.ear")))
                .as(EnterpriseArchive.class);
    }

    /** The library jar that holds the class, as the test run's class path has it. */
    private static File jarOf(Class<?> type) {
        try {
            return new File(
                    type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("No jar for " + type, e);
        }
    }

    /**
     * The built EAR plus the integration-test classes in its lib/, for tests that run inside the
     * server and call the EJBs. Elytron's API, which {@link Callers} uses to act as the demo users,
     * is visible to the whole EAR already (its jboss-deployment-structure.xml), and jsoup goes along for the tests that read pages. The browser and directory
     * tests stay out: they run only outside the server, on Selenium and on an LDAP server of the
     * test run.
     */
    public static EnterpriseArchive helpdeskWithTests() {
        JavaArchive tests = ShrinkWrap.create(JavaArchive.class, "helpdesk-integration-tests.jar")
                .addPackages(true, Filters.exclude(".*/(browser|directory|mail)/.*"), "org.helpdesk.it")
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
        return helpdesk().addAsLibrary(tests).addAsLibrary(jarOf(Jsoup.class));
    }
}
