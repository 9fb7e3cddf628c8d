package org.helpdesk.it.staff;

import java.util.List;
import java.util.Set;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.common.ConflictException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.directory.Category;
import org.helpdesk.directory.CategoryService;
import org.helpdesk.directory.UserAccount;
import org.helpdesk.directory.UserAdministration;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.security.Accounts;
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
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The queue, categories and users' access, in the EJB layer: staff allowed, requesters and anonymous refused. */
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
}
