package org.helpdesk.it.directory;

import java.io.InputStream;
import java.net.InetAddress;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldif.LDIFReader;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real LDAP server for the directory tests: UnboundID's in-memory directory server, listening on
 * 127.0.0.1 at {@code it.ldap.port} (10393, as the ldap profile's server configuration expects)
 * with the tree of {@code directory/helpdesk.ldif}. Registered before Arquillian's extension, it
 * starts before the test class's server work and stops after it, also when a test fails. The tests
 * change the directory through it as its administrators would.
 */
public final class TestDirectory implements BeforeAllCallback, AfterAllCallback {

    static final String BASE_DN = "dc=helpdesk,dc=test";
    static final String PEOPLE = "ou=people," + BASE_DN;
    static final String GROUPS = "ou=groups," + BASE_DN;

    /** The service account Helpdesk searches with (-Dhelpdesk.ldap.bind-dn in the ldap profile). */
    static final String SERVICE_DN = "cn=helpdesk,ou=services," + BASE_DN;

    static final String SERVICE_PASSWORD = "service-Secret-1";

    private static InMemoryDirectoryServer server;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE_DN);
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig(
                "ldap", InetAddress.getByName("127.0.0.1"), Integer.getInteger("it.ldap.port", 10393), null));
        server = new InMemoryDirectoryServer(config);
        try (InputStream ldif = TestDirectory.class.getResourceAsStream("/directory/helpdesk.ldif");
                LDIFReader reader = new LDIFReader(ldif)) {
            server.importFromLDIF(true, reader);
        }
        server.startListening();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.shutDown(true);
            server = null;
        }
    }

    static String user(String uid) {
        return "uid=" + uid + "," + PEOPLE;
    }

    static void changePassword(String uid, String password) throws LDAPException {
        server.modify(user(uid), new Modification(ModificationType.REPLACE, "userPassword", password));
    }

    static void disable(String uid) throws LDAPException {
        server.modify(user(uid), new Modification(ModificationType.REPLACE, "employeeType", "disabled"));
    }

    static void remove(String uid) throws LDAPException {
        server.delete(user(uid));
    }

    /** Renames a group, e.g. "RBT" to "RBT Archive"; its members stay members. */
    static void renameGroup(String from, String to) throws LDAPException {
        server.modifyDN("cn=" + from + "," + GROUPS, "cn=" + to, true);
    }

    /** The directory goes away: listeners closed, open connections dropped. */
    static void stop() {
        server.shutDown(true);
    }

    static void start() throws LDAPException {
        server.startListening();
    }
}
