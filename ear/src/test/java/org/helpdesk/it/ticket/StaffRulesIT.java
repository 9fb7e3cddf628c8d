package org.helpdesk.it.ticket;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;
import javax.naming.InitialContext;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.transaction.UserTransaction;

import org.helpdesk.attachment.AttachmentService;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.ConflictException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.directory.User;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.security.Permissions;
import org.helpdesk.ticket.EventType;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketSearch;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TriageService;
import org.helpdesk.ticket.Urgency;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.SOUTH;
import static org.helpdesk.it.support.Fixtures.fileOfSize;
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scope, Rules 6, 7 and 8, and staff's changes of a ticket, in the EJB layer. */
@ExtendWith(ArquillianExtension.class)
class StaffRulesIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    @Inject
    private AttachmentService attachments;

    private long versionOf(long id) throws Exception {
        return Callers.as("olivia", () -> tickets.view(id)).version();
    }

    // Scope

    @Test
    void staffSeeTicketsAtTheirLocationsOnly() throws Exception {
        long south = fileTicket("ron", SOUTH, uniqueSubject("South"));

        assertThrows(NotFoundException.class, () -> Callers.as("mark", () -> tickets.view(south)));
        assertThrows(
                NotFoundException.class,
                () -> Callers.run("mark", () -> triage.changeStatus(south, 0L, Status.CLOSED)));
        assertEquals(
                "ron",
                Callers.as("olivia", () -> tickets.view(south)).requester().username());
    }

    // Rule 6

    @Test
    void requestersCannotSetStatusAssigneeOrCategory() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Own"));
        long version = versionOf(id);

        assertThrows(
                EJBAccessException.class,
                () -> Callers.run("alice", () -> triage.changeStatus(id, version, Status.CLOSED)));
        assertThrows(EJBAccessException.class, () -> Callers.run("alice", () -> triage.assign(id, version, 4L)));
        assertThrows(EJBAccessException.class, () -> Callers.run("alice", () -> triage.categorise(id, version, 1L)));
        assertThrows(EJBAccessException.class, () -> triage.changeStatus(id, version, Status.CLOSED));

        TicketDetails unchanged = Callers.as("alice", () -> tickets.view(id));
        assertEquals(Status.OPEN, unchanged.status());
        assertNull(unchanged.assignee());
        assertNull(unchanged.category());
    }

    @Test
    void staffChangesAreRecordedWithWhoFromAndTo() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Triage"));

        Callers.run("mark", () -> triage.assign(id, versionOf(id), 4L));
        Callers.run("mark", () -> triage.categorise(id, versionOf(id), 3L));
        Callers.run("mark", () -> triage.changeStatus(id, versionOf(id), Status.RESOLVED));

        TicketDetails ticket = Callers.as("alice", () -> tickets.view(id));
        assertEquals("Mark Mendez", ticket.assignee().displayName());
        assertNull(ticket.assignee().username(), "a requester sees staff by display name only");
        assertEquals(
                "mark", Callers.as("olivia", () -> tickets.view(id)).assignee().username(), "staff see it");
        assertEquals("Technical", ticket.category().name());
        assertEquals(Status.RESOLVED, ticket.status());
        assertEquals(
                List.of(EventType.ASSIGNEE_CHANGED, EventType.CATEGORY_CHANGED, EventType.STATUS_CHANGED),
                ticket.history().stream().map(TicketDetails.HistoryEntry::type).toList());
        TicketDetails.HistoryEntry assignee = ticket.history().get(0);
        assertNull(assignee.from());
        assertEquals("Mark Mendez", assignee.to(), "people are named as the pages name them");
        TicketDetails.HistoryEntry status = ticket.history().get(2);
        assertEquals("open", status.from());
        assertEquals("resolved", status.to());
        assertEquals("Mark Mendez", status.actor().displayName());
        assertFalse(status.automatic());
    }

    @Test
    void onlyStaffOfTheTicketsLocationCanBeAssigned() throws Exception {
        long south = fileTicket("ron", SOUTH, uniqueSubject("South assign"));

        assertThrows(
                InvalidInputException.class,
                () -> Callers.run("olivia", () -> triage.assign(south, versionOf(south), 4L)));
        assertThrows(
                InvalidInputException.class,
                () -> Callers.run("olivia", () -> triage.assign(south, versionOf(south), 2L)));
        assertEquals(
                List.of("olivia"),
                Callers.as("olivia", () -> triage.assignableStaff(south)).stream()
                        .map(TicketDetails.Person::username)
                        .toList());
    }

    @Test
    void aStaleStaffChangeIsRefused() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Two staff"));
        long seen = versionOf(id);
        Callers.run("mark", () -> triage.changeStatus(id, seen, Status.IN_PROGRESS));

        assertThrows(
                ConcurrentChangeException.class,
                () -> Callers.run("olivia", () -> triage.changeStatus(id, seen, Status.CLOSED)));
        assertEquals(
                Status.IN_PROGRESS, Callers.as("alice", () -> tickets.view(id)).status());
    }

    private static final Set<String> STAFF = Set.of(Permissions.CREATE_TICKETS, Permissions.MANAGE_TICKETS);

    /**
     * Runs the work in a transaction of its own with an entity manager outside the EJBs: the test's
     * own staff member and their location access (the demo users stay as they are).
     */
    private static <T> T inTransaction(java.util.function.Function<EntityManager, T> work) throws Exception {
        UserTransaction transaction = InitialContext.doLookup("java:jboss/UserTransaction");
        EntityManagerFactory factory = InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
        transaction.begin();
        EntityManager em = factory.createEntityManager();
        try {
            em.joinTransaction();
            T result = work.apply(em);
            transaction.commit();
            return result;
        } catch (Exception failure) {
            transaction.rollback();
            throw failure;
        } finally {
            em.close();
        }
    }

    /** A new account at North and South; the test gives it staff permissions through {@link Callers}. */
    private static long newStaffMember(String username) throws Exception {
        return inTransaction(em -> {
            User user = new User(username, "Moved Staff", null);
            em.persist(user);
            em.flush();
            for (long location : List.of(NORTH, SOUTH)) {
                em.createNativeQuery("INSERT INTO user_location (user_id, location_id) VALUES (?, ?)")
                        .setParameter(1, user.getId())
                        .setParameter(2, location)
                        .executeUpdate();
            }
            return user.getId();
        });
    }

    private static void asStaff(String username, Callers.ThrowingRunnable action) throws Exception {
        Callers.as(username, STAFF, () -> {
            action.run();
            return null;
        });
    }

    @Test
    void staffAreOnlyTheRequesterOfTheirOwnTicketAtALocationTheyNoLongerHave() throws Exception {
        String moved = "moved-" + System.nanoTime();
        long movedId = newStaffMember(moved);
        String subject = uniqueSubject("Own ticket elsewhere");
        long id = Callers.as(
                moved,
                STAFF,
                () -> tickets.submit(
                        new NewTicket(subject, "Details of " + subject, Urgency.MEDIUM, SOUTH), List.of()));
        assertTrue(Callers.as(moved, STAFF, () -> tickets.view(id)).staffPowers(), "while at South");
        inTransaction(em -> em.createNativeQuery("DELETE FROM user_location WHERE user_id = ? AND location_id = ?")
                .setParameter(1, movedId)
                .setParameter(2, SOUTH)
                .executeUpdate());
        Callers.run("olivia", () -> triage.addInternalNote(id, "Note at South", List.of(fileOfSize("n.txt", 5))));
        long version = versionOf(id);

        TicketDetails asRequester = Callers.as(moved, STAFF, () -> tickets.view(id));
        assertFalse(asRequester.staffPowers());
        assertTrue(asRequester.messages().isEmpty(), "no internal notes for the requester");
        assertThrows(
                ForbiddenException.class, () -> asStaff(moved, () -> triage.changeStatus(id, version, Status.CLOSED)));
        assertThrows(ForbiddenException.class, () -> asStaff(moved, () -> triage.assignableStaff(id)));
        assertThrows(ForbiddenException.class, () -> asStaff(moved, () -> triage.addInternalNote(id, "x", List.of())));
        long noteFile = Callers.as("olivia", () -> tickets.view(id))
                .messages()
                .get(0)
                .attachments()
                .get(0)
                .id();
        assertThrows(
                NotFoundException.class,
                () -> asStaff(moved, () -> attachments.download(id, noteFile, file -> new ByteArrayOutputStream())));

        asStaff(moved, () -> tickets.respond(id, "Any news?", List.of()));
        TicketDetails afterwards = Callers.as("olivia", () -> tickets.view(id));
        assertEquals(Status.OPEN, afterwards.status(), "a requester's response does not put it in progress");
        assertEquals(1, afterwards.messages().stream().filter(m -> m.internal()).count());
        assertTrue(afterwards.staffPowers());
    }

    // Rule 7

    @Test
    void internalNotesAndTheirFilesAreHiddenFromTheRequesterByTheQuery() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Notes"));
        TicketDetails before = Callers.as("alice", () -> tickets.view(id));

        Callers.run(
                "mark", () -> triage.addInternalNote(id, "Requester is on leave", List.of(fileOfSize("note.txt", 10))));

        TicketDetails requesterView = Callers.as("alice", () -> tickets.view(id));
        TicketDetails staffView = Callers.as("mark", () -> tickets.view(id));
        assertTrue(requesterView.messages().isEmpty());
        assertEquals(before.updatedAt(), requesterView.updatedAt());
        assertEquals(Status.OPEN, requesterView.status());
        assertEquals(1, staffView.messages().size());
        assertTrue(staffView.messages().get(0).internal());

        long noteFile = staffView.messages().get(0).attachments().get(0).id();
        assertThrows(
                NotFoundException.class,
                () -> Callers.run(
                        "alice", () -> attachments.download(id, noteFile, file -> new ByteArrayOutputStream())));
    }

    @Test
    void requestersCannotWriteInternalNotes() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("No notes"));

        assertThrows(
                EJBAccessException.class, () -> Callers.run("alice", () -> triage.addInternalNote(id, "x", List.of())));
    }

    // Rule 8

    @Test
    void aStaffResponseToAnOpenTicketPutsItInProgressInTheSameTransaction() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Rule 8"));

        Callers.run("mark", () -> tickets.respond(id, "We are on it", List.of()));

        TicketDetails ticket = Callers.as("alice", () -> tickets.view(id));
        assertEquals(Status.IN_PROGRESS, ticket.status());
        assertEquals("We are on it", ticket.messages().get(0).text());
        TicketDetails.HistoryEntry change = ticket.history().get(0);
        assertEquals("open", change.from());
        assertEquals("in_progress", change.to());
        assertTrue(change.automatic());
        assertEquals("Mark Mendez", change.actor().displayName());
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.class,
            names = {"IN_PROGRESS", "RESOLVED"})
    void aStaffResponseLeavesOtherStatusesAlone(Status start) throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Rule 8 " + start));
        Callers.run("mark", () -> triage.changeStatus(id, versionOf(id), start));

        Callers.run("mark", () -> tickets.respond(id, "Update", List.of()));

        assertEquals(start, Callers.as("alice", () -> tickets.view(id)).status());
    }

    @Test
    void aStaffResponseToAClosedTicketIsRefused() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Rule 8 closed"));
        Callers.run("mark", () -> triage.changeStatus(id, versionOf(id), Status.CLOSED));

        assertThrows(ConflictException.class, () -> Callers.run("mark", () -> tickets.respond(id, "Late", List.of())));
    }

    @Test
    void anInternalNoteNeverChangesTheStatus() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Note on open"));

        Callers.run("mark", () -> triage.addInternalNote(id, "Looking", List.of()));

        assertEquals(Status.OPEN, Callers.as("alice", () -> tickets.view(id)).status());
    }

    @Test
    void staffOwnListHoldsOnlyTheirOwnRequests() throws Exception {
        String marker = uniqueSubject("Staff own");
        fileTicket("alice", NORTH, marker);

        assertEquals(
                0,
                Callers.as("mark", () -> tickets.myTickets(new TicketSearch(marker, null, 1, 10)))
                        .totalItems());
    }
}
