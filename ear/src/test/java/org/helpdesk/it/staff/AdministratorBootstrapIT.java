package org.helpdesk.it.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.naming.InitialContext;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.directory.AccessChange;
import org.helpdesk.directory.AccessLogEntry;
import org.helpdesk.directory.AdministratorBootstrap;
import org.helpdesk.directory.UserAdministration;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.security.Account;
import org.helpdesk.security.Accounts;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Passwords;
import org.helpdesk.security.Permissions;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The first administrator of a new installation (helpdesk.bootstrap.admin and the password from
 * HELPDESK_BOOTSTRAP_ADMIN_PASSWORD, applied at start): the same method the start-up calls, on the
 * test server's database, once with its administrators (nothing happens) and once with every
 * administrator deactivated for the test, as on a new installation.
 */
@ExtendWith(ArquillianExtension.class)
class AdministratorBootstrapIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private AdministratorBootstrap bootstrap;

    @Inject
    private Accounts accounts;

    @Inject
    private UserAdministration administration;

    @Test
    void whileAnAdministratorExistsTheBootstrapDoesNothing() {
        String name = uniqueUsername("root");

        assertFalse(bootstrap.createFirstAdministrator(name, "a long enough password"));
        assertFalse(bootstrap.createFirstAdministrator(name, null), "no password is needed when nothing is done");
        assertTrue(accounts.findActive(name).isEmpty());
    }

    @Test
    void withoutAnAdministratorItCreatesOneWithATemporaryPassword() throws Exception {
        String name = uniqueUsername("root");
        List<Long> administrators = activeAdministrators();
        assertFalse(administrators.isEmpty(), "olivia at least");
        setActive(administrators, false);
        try {
            InvalidInputException noPassword =
                    assertThrows(InvalidInputException.class, () -> bootstrap.createFirstAdministrator(name, null));
            InvalidInputException tooShort =
                    assertThrows(InvalidInputException.class, () -> bootstrap.createFirstAdministrator(name, "short"));
            InvalidInputException taken = assertThrows(
                    InvalidInputException.class,
                    () -> bootstrap.createFirstAdministrator("alice", "a long enough password"));
            assertTrue(noPassword.getMessage().contains(AdministratorBootstrap.PASSWORD_VARIABLE));
            assertTrue(tooShort.fieldErrors().containsKey("password"));
            assertTrue(taken.getMessage().contains("exists already"));
            assertTrue(accounts.findActive(name).isEmpty(), "refusals store nothing");

            assertTrue(bootstrap.createFirstAdministrator(name, "a long enough password"));

            Account created = accounts.findActive(name).orElseThrow();
            assertEquals(Set.of("OWNER"), created.groups());
            assertTrue(created.mustChangePassword());
            assertEquals(Set.of(Permissions.PASSWORD_CHANGE_REQUIRED), created.permissions());
            assertTrue(Passwords.matches("a long enough password", created.passwordHash()));
            assertFalse(
                    bootstrap.createFirstAdministrator(uniqueUsername("second"), "a long enough password"),
                    "once an administrator exists, nothing more");
        } finally {
            setActive(administrators, true);
        }
        AccessLogEntry entry = Callers.as("olivia", administration::accessLog).stream()
                .filter(logged -> logged.username().equals(name))
                .findFirst()
                .orElseThrow();
        assertEquals(AccessChange.Kind.USER_CREATED, entry.kind());
        assertEquals(AdministratorBootstrap.NAME_PROPERTY, entry.actor());
        long id = Callers.as("olivia", administration::users).stream()
                .filter(user -> user.username().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
        Callers.run("olivia", () -> administration.setActive(id, false));
    }

    /** The active accounts in a group that grants administer (olivia, and those other tests made). */
    private static List<Long> activeAdministrators() throws Exception {
        Set<String> groups = GroupPermissions.groupsGranting(Permissions.ADMINISTER);
        List<Long> ids = new ArrayList<>();
        try (Connection connection = dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT DISTINCT u.id FROM app_user u JOIN user_group g ON g.user_id = u.id "
                                + "WHERE u.active = TRUE AND g.group_name = ?")) {
            for (String group : groups) {
                query.setString(1, group);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getLong(1));
                    }
                }
            }
        }
        return ids;
    }

    private static void setActive(List<Long> ids, boolean active) throws Exception {
        try (Connection connection = dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE app_user SET active = ? WHERE id = ?")) {
            for (long id : ids) {
                update.setBoolean(1, active);
                update.setLong(2, id);
                update.executeUpdate();
            }
        }
    }

    private static DataSource dataSource() throws Exception {
        return InitialContext.doLookup("java:jboss/datasources/HelpdeskDS");
    }
}
