package org.helpdesk.it.staff;

import java.util.List;
import java.util.Set;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.common.ConflictException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.directory.AccessChange;
import org.helpdesk.directory.AccessLogEntry;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.CategoryService;
import org.helpdesk.directory.NewUser;
import org.helpdesk.directory.PasswordChange;
import org.helpdesk.directory.ProfileService;
import org.helpdesk.directory.UserAccount;
import org.helpdesk.directory.UserAdministration;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.security.Account;
import org.helpdesk.security.Accounts;
import org.helpdesk.security.Passwords;
import org.helpdesk.security.Permissions;
import org.helpdesk.ticket.QueuePage;
import org.helpdesk.ticket.QueueRow;
import org.helpdesk.ticket.QueueSearch;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketQueue;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TriageService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.SOUTH;
import static org.helpdesk.it.support.Fixtures.count;
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.helpdesk.it.support.Fixtures.uniqueUsername;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue, categories, users' access and accounts, in the EJB layer: staff allowed (administrators
 * for the administration), everyone else and anonymous refused; every access change in the log.
 */
@ExtendWith(ArquillianExtension.class)
class AdministrationIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private TicketQueue queue;

    @Inject
    private CategoryService categories;

    @Inject
    private UserAdministration administration;

    @Inject
    private Accounts accounts;

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    @Inject
    private PasswordChange passwords;

    @Inject
    private ProfileService profiles;

    private static final String TEMPORARY = "temporary-42";

    private static QueueSearch search(String text) {
        return new QueueSearch(null, null, null, null, null, text, null, null, false, 1, 25);
    }

    @Test
    void theQueueIsStaffOnlyAndScoped() throws Exception {
        String marker = uniqueSubject("Queue");
        long north = fileTicket("alice", NORTH, marker);
        long south = fileTicket("ron", SOUTH, marker);

        QueuePage marks = Callers.as("mark", () -> queue.search(search(marker)));
        QueuePage olivias = Callers.as("olivia", () -> queue.search(search(marker)));

        assertEquals(
                List.of(north), marks.rows().items().stream().map(QueueRow::id).toList());
        assertEquals(1L, marks.countsByStatus().get(Status.OPEN));
        assertEquals(
                List.of(south, north),
                olivias.rows().items().stream().map(QueueRow::id).toList());
        assertThrows(EJBAccessException.class, () -> Callers.as("alice", () -> queue.search(search(marker))));
        assertThrows(EJBAccessException.class, () -> queue.search(search(marker)));
    }

    @Test
    void theQueueSortsByUrgencyRank() throws Exception {
        String marker = uniqueSubject("Urgency sort");
        long low = fileTicket("alice", NORTH, marker + " low");
        long other = fileTicket("alice", NORTH, marker + " other");
        Callers.run(
                "mark",
                () -> triage.changeStatus(
                        other, Callers.as("mark", () -> tickets.view(other)).version(), Status.IN_PROGRESS));

        QueuePage byStatus = Callers.as(
                "mark",
                () -> queue.search(new QueueSearch(
                        null, null, null, null, null, marker, null, QueueSearch.Sort.STATUS, true, 1, 25)));

        assertEquals(
                List.of(low, other),
                byStatus.rows().items().stream().map(QueueRow::id).toList());
    }

    @Test
    void categoriesAreManagedByAdministratorsOnly() throws Exception {
        String name = uniqueSubject("Category");
        Category created = Callers.as("olivia", () -> categories.create(name));

        Callers.run("olivia", () -> categories.rename(created.getId(), name + " renamed"));
        Callers.run("olivia", () -> categories.setActive(created.getId(), false));

        Category stored = Callers.as("alice", categories::categories).stream()
                .filter(category -> category.getId().equals(created.getId()))
                .findFirst()
                .orElseThrow();
        assertEquals(name + " renamed", stored.getName());
        assertFalse(stored.isActive());
        assertThrows(EJBAccessException.class, () -> Callers.run("alice", () -> categories.delete(created.getId())));
        assertThrows(EJBAccessException.class, () -> Callers.run("mark", () -> categories.delete(created.getId())));
        assertThrows(EJBAccessException.class, () -> Callers.as("mark", () -> categories.create(name + " by mark")));
        assertThrows(InvalidInputException.class, () -> Callers.as("olivia", () -> categories.create("billing")));
        Callers.run("olivia", () -> categories.delete(created.getId()));
    }

    @Test
    void aCategoryInUseIsNotDeleted() throws Exception {
        Category category = Callers.as("olivia", () -> categories.create(uniqueSubject("Used")));
        long id = fileTicket("alice", NORTH, uniqueSubject("Categorised"));
        Callers.run(
                "mark",
                () -> triage.categorise(
                        id, Callers.as("mark", () -> tickets.view(id)).version(), category.getId()));

        assertThrows(ConflictException.class, () -> Callers.run("olivia", () -> categories.delete(category.getId())));
    }

    @Test
    void anInactiveCategoryIsNotOfferedForTriage() throws Exception {
        Category category = Callers.as("olivia", () -> categories.create(uniqueSubject("Retired")));
        Callers.run("olivia", () -> categories.setActive(category.getId(), false));
        long id = fileTicket("alice", NORTH, uniqueSubject("Retired category"));

        assertThrows(
                InvalidInputException.class,
                () -> Callers.run(
                        "mark",
                        () -> triage.categorise(
                                id, Callers.as("mark", () -> tickets.view(id)).version(), category.getId())));
    }

    @Test
    void usersAccessIsChangedByStaffAndAppliesAtOnce() throws Exception {
        UserAccount lou = Callers.as("olivia", administration::users).stream()
                .filter(user -> user.username().equals("lou"))
                .findFirst()
                .orElseThrow();
        try {
            UserAccount changed =
                    Callers.as("olivia", () -> administration.changeAccess(lou.id(), Set.of("MANAGER"), Set.of(NORTH)));

            assertEquals(Set.of("create_tickets", "manage_tickets"), changed.permissions());
            assertTrue(accounts.findActive("lou").orElseThrow().permissions().contains("manage_tickets"));
        } finally {
            Callers.run("olivia", () -> administration.changeAccess(lou.id(), Set.of("RBT"), Set.of()));
        }
        assertEquals(
                Set.of("create_tickets"),
                accounts.findActive("lou").orElseThrow().permissions());
        assertThrows(EJBAccessException.class, () -> Callers.as("alice", administration::users));
        assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "olivia", () -> administration.changeAccess(lou.id(), Set.of("no spaces allowed"), Set.of())));
        assertThrows(
                InvalidInputException.class,
                () -> Callers.as("olivia", () -> administration.changeAccess(lou.id(), Set.of("ROOT"), Set.of())));
    }

    @Test
    void nobodyChangesTheirOwnAccessAndStaffWithoutAdministerNobodys() throws Exception {
        UserAccount olivia = Callers.as("olivia", administration::users).stream()
                .filter(user -> user.username().equals("olivia"))
                .findFirst()
                .orElseThrow();
        UserAccount mark = Callers.as("olivia", administration::users).stream()
                .filter(user -> user.username().equals("mark"))
                .findFirst()
                .orElseThrow();

        assertThrows(
                ForbiddenException.class,
                () -> Callers.as("olivia", () -> administration.changeAccess(olivia.id(), Set.of("BCBA"), Set.of())));
        assertThrows(EJBAccessException.class, () -> Callers.as("mark", administration::users));
        assertThrows(
                EJBAccessException.class,
                () -> Callers.as(
                        "mark", () -> administration.changeAccess(mark.id(), Set.of("OWNER"), Set.of(NORTH, SOUTH))));
        assertEquals(
                Set.of("create_tickets", "manage_tickets", "administer"),
                accounts.findActive("olivia").orElseThrow().permissions());
        assertEquals(
                Set.of("create_tickets", "manage_tickets"),
                accounts.findActive("mark").orElseThrow().permissions());
    }

    @Test
    void administratorsCreateUsersWithATemporaryPassword() throws Exception {
        String name = uniqueUsername("created");

        UserAccount created = Callers.as(
                "olivia",
                () -> administration.createUser(new NewUser(
                        name, " Cora Created ", "cora@helpdesk.test", Set.of("RBT"), Set.of(NORTH), TEMPORARY)));

        assertEquals(name, created.username());
        assertEquals("Cora Created", created.displayName());
        assertEquals("cora@helpdesk.test", created.email());
        assertEquals(Set.of("RBT"), created.groups());
        assertEquals(
                List.of(NORTH), created.locations().stream().map(l -> l.id()).toList());
        assertTrue(created.active());
        assertTrue(created.mustChangePassword());
        Account account = accounts.findActive(name).orElseThrow();
        assertTrue(Passwords.matches(TEMPORARY, account.passwordHash()));
        assertEquals(
                Set.of(Permissions.PASSWORD_CHANGE_REQUIRED),
                account.permissions(),
                "no permission until the temporary password is changed");
        assertThrows(EJBAccessException.class, () -> Callers.as(name, profiles::me));
        AccessLogEntry entry = latestEntry(name);
        assertEquals(AccessChange.Kind.USER_CREATED, entry.kind());
        assertEquals("olivia", entry.actor());
        assertEquals("groups: RBT; locations: North Clinic; temporary password", entry.after());
    }

    @Test
    void aDuplicateNameOrBadInputIsRefusedWithEveryReasonAndStoresNothing() throws Exception {
        String name = uniqueUsername("dup");
        Callers.run(
                "olivia",
                () -> administration.createUser(new NewUser(name, "First", null, Set.of(), Set.of(), TEMPORARY)));
        long users = count("SELECT COUNT(u) FROM User u");
        long changes = count("SELECT COUNT(c) FROM AccessChange c");

        InvalidInputException duplicate = assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "olivia",
                        () -> administration.createUser(
                                new NewUser(name.toUpperCase(), "Second", null, Set.of(), Set.of(), TEMPORARY))));
        InvalidInputException bad = assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "olivia",
                        () -> administration.createUser(new NewUser(
                                "two words", " ", "not-an-address", Set.of("ROOT"), Set.of(987_654L), "short"))));
        InvalidInputException reserved = assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "olivia",
                        () -> administration.createUser(
                                new NewUser("anonymous", "Nobody", null, Set.of(), Set.of(), TEMPORARY))));

        assertEquals(
                "The user name " + name.toUpperCase() + " is taken: choose another.",
                duplicate.fieldErrors().get("username"));
        assertEquals(
                Set.of("username", "displayName", "email", "groups", "locations", "temporaryPassword"),
                bad.fieldErrors().keySet());
        assertEquals(
                "The password is too short: use at least 10 characters.",
                bad.fieldErrors().get("temporaryPassword"));
        assertTrue(reserved.fieldErrors().containsKey("username"));
        assertEquals(users, count("SELECT COUNT(u) FROM User u"), "no account stored");
        assertEquals(changes, count("SELECT COUNT(c) FROM AccessChange c"), "nothing logged");
    }

    @Test
    void onlyAdministratorsAdministerAccountsAndReadTheLog() throws Exception {
        long lou = userId("lou");
        NewUser request =
                new NewUser(uniqueUsername("elevated"), "Elevated", null, Set.of("OWNER"), Set.of(), TEMPORARY);
        for (String caller : List.of("mark", "alice", "nora")) {
            assertThrows(EJBAccessException.class, () -> Callers.as(caller, () -> administration.createUser(request)));
            assertThrows(
                    EJBAccessException.class, () -> Callers.as(caller, () -> administration.setActive(lou, false)));
            assertThrows(
                    EJBAccessException.class,
                    () -> Callers.as(caller, () -> administration.setTemporaryPassword(lou, TEMPORARY)));
            assertThrows(EJBAccessException.class, () -> Callers.as(caller, administration::accessLog));
        }
        assertThrows(EJBAccessException.class, () -> administration.createUser(request));
        assertThrows(EJBAccessException.class, () -> administration.setActive(lou, false));
        assertThrows(EJBAccessException.class, administration::accessLog);
        assertTrue(accounts.findActive(request.username()).isEmpty());
        assertTrue(accounts.findActive("lou").isPresent());
    }

    @Test
    void aDeactivatedUserHasNoAccountUntilReactivated() throws Exception {
        long id = createdUser(uniqueUsername("leaver"));
        String name = username(id);

        Callers.run("olivia", () -> administration.setActive(id, false));
        assertTrue(accounts.findActive(name).isEmpty(), "cannot sign in");
        AccessLogEntry deactivated = latestEntry(name);
        Callers.run("olivia", () -> administration.setActive(id, true));

        assertTrue(accounts.findActive(name).isPresent());
        assertEquals(AccessChange.Kind.ACTIVATION, deactivated.kind());
        assertEquals("active", deactivated.before());
        assertEquals("inactive", deactivated.after());
        assertEquals("active", latestEntry(name).after());
        long olivia = userId("olivia");
        assertThrows(
                ForbiddenException.class, () -> Callers.as("olivia", () -> administration.setActive(olivia, false)));
        assertTrue(accounts.findActive("olivia").isPresent());
        assertThrows(
                NotFoundException.class, () -> Callers.as("olivia", () -> administration.setActive(987_654L, false)));
    }

    @Test
    void aTemporaryPasswordIsChangedWithTheCurrentOneAndALongEnoughNewOne() throws Exception {
        long id = createdUser(uniqueUsername("newcomer"));
        String name = username(id);

        InvalidInputException wrongCurrent = assertThrows(
                InvalidInputException.class,
                () -> Callers.run(name, () -> passwords.changeOwn("not-the-password", "a new password")));
        InvalidInputException tooShort = assertThrows(
                InvalidInputException.class, () -> Callers.run(name, () -> passwords.changeOwn(TEMPORARY, "short")));
        InvalidInputException same = assertThrows(
                InvalidInputException.class, () -> Callers.run(name, () -> passwords.changeOwn(TEMPORARY, TEMPORARY)));
        assertTrue(accounts.findActive(name).orElseThrow().mustChangePassword(), "still temporary after refusals");
        Callers.run(name, () -> passwords.changeOwn(TEMPORARY, "my own password"));

        assertEquals(
                "The current password is not correct.",
                wrongCurrent.fieldErrors().get("currentPassword"));
        assertEquals(
                "The password is too short: use at least 10 characters.",
                tooShort.fieldErrors().get("newPassword"));
        assertTrue(same.fieldErrors().containsKey("newPassword"));
        Account account = accounts.findActive(name).orElseThrow();
        assertFalse(account.mustChangePassword());
        assertTrue(Passwords.matches("my own password", account.passwordHash()));
        assertEquals(Set.of("create_tickets"), account.permissions());
        assertEquals(name, Callers.as(name, profiles::me).username());
        AccessLogEntry changed = latestEntry(name);
        assertEquals(AccessChange.Kind.PASSWORD_CHANGED, changed.kind());
        assertEquals(name, changed.actor());
        assertEquals("temporary password", changed.before());
        assertThrows(ForbiddenException.class, () -> passwords.changeOwn("my own password", "anonymous try"));
    }

    @Test
    void administratorsSetTemporaryPasswordsOfOthersOnly() throws Exception {
        long id = createdUser(uniqueUsername("forgetful"));
        String name = username(id);
        Callers.run(name, () -> passwords.changeOwn(TEMPORARY, "my own password"));

        Callers.run("olivia", () -> administration.setTemporaryPassword(id, "reset-by-olivia"));

        Account account = accounts.findActive(name).orElseThrow();
        assertTrue(account.mustChangePassword());
        assertTrue(Passwords.matches("reset-by-olivia", account.passwordHash()));
        assertFalse(Passwords.matches("my own password", account.passwordHash()));
        AccessLogEntry reset = latestEntry(name);
        assertEquals(AccessChange.Kind.PASSWORD_RESET, reset.kind());
        assertEquals("olivia", reset.actor());
        assertFalse(reset.after().contains("reset-by-olivia"), "the log holds no password");
        InvalidInputException tooShort = assertThrows(
                InvalidInputException.class,
                () -> Callers.as("olivia", () -> administration.setTemporaryPassword(id, "short")));
        assertTrue(tooShort.fieldErrors().containsKey("temporaryPassword"));
        long olivia = userId("olivia");
        String oliviasHash = accounts.findActive("olivia").orElseThrow().passwordHash();
        assertThrows(
                ForbiddenException.class,
                () -> Callers.as("olivia", () -> administration.setTemporaryPassword(olivia, "olivia's own")));
        assertEquals(oliviasHash, accounts.findActive("olivia").orElseThrow().passwordHash());
    }

    @Test
    void changesOfGroupsAndLocationsAreLoggedWithBeforeAndAfter() throws Exception {
        long id = createdUser(uniqueUsername("mover"));
        String name = username(id);

        List<AccessLogEntry> entries;
        long unchangedSaves;
        try {
            Callers.run("olivia", () -> administration.changeAccess(id, Set.of("MANAGER"), Set.of(NORTH, SOUTH)));
            entries = Callers.as("olivia", administration::accessLog).stream()
                    .filter(entry -> entry.username().equals(name))
                    .toList();
            Callers.run("olivia", () -> administration.changeAccess(id, Set.of("MANAGER"), Set.of(NORTH, SOUTH)));
            unchangedSaves = Callers.as("olivia", administration::accessLog).stream()
                    .filter(entry -> entry.username().equals(name))
                    .count();
        } finally {
            // The other tests count on the demo staff alone at each location.
            Callers.run("olivia", () -> administration.setActive(id, false));
        }

        AccessLogEntry groups = entries.stream()
                .filter(entry -> entry.kind() == AccessChange.Kind.GROUPS)
                .findFirst()
                .orElseThrow();
        AccessLogEntry locations = entries.stream()
                .filter(entry -> entry.kind() == AccessChange.Kind.LOCATIONS)
                .findFirst()
                .orElseThrow();
        assertEquals("RBT", groups.before());
        assertEquals("MANAGER", groups.after());
        assertEquals("North Clinic", locations.before());
        assertEquals("North Clinic, South Clinic", locations.after());
        assertEquals("olivia", groups.actor());
        assertEquals(entries.size(), unchangedSaves, "an unchanged save records nothing");
    }

    @Test
    void aDirectoryUsersGroupsAndPasswordAreTheDirectorysOnlyTheirLocationsChangeHere() throws Exception {
        String name = uniqueUsername("dir");
        long id = directoryAccount(name, "BCBA");
        try {
            InvalidInputException groups = assertThrows(
                    InvalidInputException.class,
                    () -> Callers.as("olivia", () -> administration.changeAccess(id, Set.of("OWNER"), Set.of())));
            InvalidInputException password = assertThrows(
                    InvalidInputException.class,
                    () -> Callers.as("olivia", () -> administration.setTemporaryPassword(id, TEMPORARY)));
            UserAccount moved =
                    Callers.as("olivia", () -> administration.changeAccess(id, Set.of("BCBA"), Set.of(SOUTH)));

            assertEquals(
                    "The directory decides the groups of " + name + ": change them there.",
                    groups.fieldErrors().get("groups"));
            assertTrue(password.fieldErrors().get("temporaryPassword").contains("directory"));
            assertEquals(Set.of("BCBA"), moved.groups());
            assertEquals(
                    List.of(SOUTH), moved.locations().stream().map(l -> l.id()).toList());
            assertTrue(moved.fromDirectory());
        } finally {
            Callers.run("olivia", () -> administration.setActive(id, false));
        }
    }

    /** An account as a directory user's first sign-in leaves it: no password, the directory's groups. */
    private static long directoryAccount(String name, String group) throws Exception {
        javax.sql.DataSource dataSource = javax.naming.InitialContext.doLookup("java:jboss/datasources/HelpdeskDS");
        long id = 900_000_000L + Math.abs(name.hashCode() % 1_000_000);
        try (java.sql.Connection connection = dataSource.getConnection();
                java.sql.PreparedStatement user = connection.prepareStatement(
                        "INSERT INTO app_user (id, username, display_name, password_hash, active, version, from_directory)"
                                + " VALUES (?, ?, ?, NULL, TRUE, 0, TRUE)");
                java.sql.PreparedStatement groups =
                        connection.prepareStatement("INSERT INTO user_group (user_id, group_name) VALUES (?, ?)")) {
            user.setLong(1, id);
            user.setString(2, name);
            user.setString(3, "Directory " + name);
            user.executeUpdate();
            groups.setLong(1, id);
            groups.setString(2, group);
            groups.executeUpdate();
        }
        return id;
    }

    /** A new account (RBT, North Clinic) with the temporary password {@link #TEMPORARY}. */
    private long createdUser(String name) throws Exception {
        return Callers.as(
                        "olivia",
                        () -> administration.createUser(
                                new NewUser(name, "Test " + name, null, Set.of("RBT"), Set.of(NORTH), TEMPORARY)))
                .id();
    }

    private long userId(String name) throws Exception {
        return Callers.as("olivia", administration::users).stream()
                .filter(user -> user.username().equals(name))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private String username(long id) throws Exception {
        return Callers.as("olivia", administration::users).stream()
                .filter(user -> user.id() == id)
                .findFirst()
                .orElseThrow()
                .username();
    }

    private AccessLogEntry latestEntry(String name) throws Exception {
        return Callers.as("olivia", administration::accessLog).stream()
                .filter(entry -> entry.username().equals(name))
                .findFirst()
                .orElseThrow();
    }
}
