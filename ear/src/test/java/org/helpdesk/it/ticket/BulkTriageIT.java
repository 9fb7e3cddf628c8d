package org.helpdesk.it.ticket;

import java.util.List;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.common.ConflictException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.ticket.BulkChange;
import org.helpdesk.ticket.BulkResult;
import org.helpdesk.ticket.BulkTriage;
import org.helpdesk.ticket.EventType;
import org.helpdesk.ticket.ExportPosition;
import org.helpdesk.ticket.QueueRow;
import org.helpdesk.ticket.QueueSearch;
import org.helpdesk.ticket.SelectedTicket;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketDetails;
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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk triage in the EJB layer: each ticket through TriageService's rule in its own transaction,
 * with its history; the refusals listed with why; bad input refused before any ticket changes;
 * "all matching" applied to what was counted. And the export's chunks (keyset, scope).
 */
@ExtendWith(ArquillianExtension.class)
class BulkTriageIT {

    private static final long MARK = 4;
    private static final long TECHNICAL = 3;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private BulkTriage bulk;

    @Inject
    private TriageService triage;

    @Inject
    private TicketService tickets;

    @Inject
    private TicketQueue queue;

    private TicketDetails asOlivia(long id) throws Exception {
        return Callers.as("olivia", () -> tickets.view(id));
    }

    private SelectedTicket seen(long id) throws Exception {
        return new SelectedTicket(id, asOlivia(id).version());
    }

    private static QueueSearch textSearch(String text) {
        return new QueueSearch(null, null, null, null, null, text, null, null, false, 1, 25);
    }

    @Test
    void eachSelectedTicketChangesWithItsOwnHistory() throws Exception {
        String marker = uniqueSubject("Bulk status");
        long first = fileTicket("alice", NORTH, marker + " 1");
        long second = fileTicket("alice", NORTH, marker + " 2");
        long third = fileTicket("alice", NORTH, marker + " 3");

        BulkResult result = Callers.as(
                "mark",
                () -> bulk.applyToSelected(
                        List.of(seen(first), seen(second), seen(third)), BulkChange.status(Status.RESOLVED)));

        assertEquals(3, result.changed());
        assertEquals(List.of(), result.refused());
        for (long id : List.of(first, second, third)) {
            TicketDetails ticket = asOlivia(id);
            assertEquals(Status.RESOLVED, ticket.status());
            TicketDetails.HistoryEntry last =
                    ticket.history().get(ticket.history().size() - 1);
            assertEquals(EventType.STATUS_CHANGED, last.type());
            assertEquals("open", last.from());
            assertEquals("resolved", last.to());
            assertEquals("mark", last.actor().username());
        }
    }

    @Test
    void aTicketChangedMeanwhileIsListedAndTheOthersStillChange() throws Exception {
        String marker = uniqueSubject("Bulk race");
        long untouched = fileTicket("alice", NORTH, marker + " 1");
        long raced = fileTicket("alice", NORTH, marker + " 2");
        List<SelectedTicket> asShown = List.of(seen(untouched), seen(raced));
        Callers.run("olivia", () -> triage.categorise(raced, asOlivia(raced).version(), TECHNICAL));

        BulkResult result = Callers.as("mark", () -> bulk.applyToSelected(asShown, BulkChange.assign(MARK)));

        assertEquals(1, result.changed());
        assertEquals(1, result.refused().size());
        BulkResult.Refusal refusal = result.refused().get(0);
        assertEquals(raced, refusal.ticketId());
        assertEquals(BulkResult.Reason.CHANGED_MEANWHILE, refusal.reason());
        assertEquals("mark", asOlivia(untouched).assignee().username());
        assertNull(asOlivia(raced).assignee(), "the raced ticket keeps what the other change left");
        assertEquals("Technical", asOlivia(raced).category().name());
    }

    @Test
    void ticketsOutsideTheCallersScopeAreRefusedAsNotFound() throws Exception {
        String marker = uniqueSubject("Bulk scope");
        long north = fileTicket("alice", NORTH, marker + " north");
        long south = fileTicket("ron", SOUTH, marker + " south");
        long unknown = 987_654_321L;

        BulkResult result = Callers.as(
                "mark",
                () -> bulk.applyToSelected(
                        List.of(seen(north), seen(south), new SelectedTicket(unknown, 0L)),
                        BulkChange.categorise(TECHNICAL)));

        assertEquals(1, result.changed());
        assertEquals(
                List.of(south, unknown),
                result.refused().stream().map(BulkResult.Refusal::ticketId).toList());
        assertTrue(result.refused().stream().allMatch(refusal -> refusal.reason() == BulkResult.Reason.NOT_FOUND));
        assertTrue(
                result.refused().stream().allMatch(refusal -> refusal.message().equals("Ticket not found")),
                "a ticket out of scope reads exactly like one that does not exist (Rule 2)");
        assertNull(asOlivia(south).category());
        assertEquals("Technical", asOlivia(north).category().name());
    }

    @Test
    void anAssigneeWhoDoesNotWorkAtATicketsLocationIsRefusedForThatTicket() throws Exception {
        String marker = uniqueSubject("Bulk assignee");
        long north = fileTicket("alice", NORTH, marker + " north");
        long south = fileTicket("ron", SOUTH, marker + " south");

        BulkResult result = Callers.as(
                "olivia", () -> bulk.applyToSelected(List.of(seen(north), seen(south)), BulkChange.assign(MARK)));

        assertEquals(1, result.changed());
        assertEquals(south, result.refused().get(0).ticketId());
        assertEquals(BulkResult.Reason.REFUSED, result.refused().get(0).reason());
        assertNull(asOlivia(south).assignee());
        assertEquals("mark", asOlivia(north).assignee().username());
    }

    @Test
    void badInputIsRefusedBeforeAnyTicketChanges() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Bulk bad input"));
        List<SelectedTicket> one = List.of(seen(id));
        long versionBefore = asOlivia(id).version();

        InvalidInputException none = assertThrows(
                InvalidInputException.class,
                () -> Callers.as("mark", () -> bulk.applyToSelected(List.of(), BulkChange.status(Status.CLOSED))));
        assertEquals("Select at least one ticket.", none.fieldErrors().get("tickets"));
        InvalidInputException noAction = assertThrows(
                InvalidInputException.class, () -> Callers.as("mark", () -> bulk.applyToSelected(one, null)));
        assertTrue(noAction.fieldErrors().containsKey("action"));
        assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "mark",
                        () -> bulk.applyToSelected(one, new BulkChange(BulkChange.Field.STATUS, null, null, null))));
        InvalidInputException unknownCategory = assertThrows(
                InvalidInputException.class,
                () -> Callers.as("mark", () -> bulk.applyToSelected(one, BulkChange.categorise(999_999L))));
        assertTrue(unknownCategory.fieldErrors().containsKey("categoryId"));
        InvalidInputException unknownAssignee = assertThrows(
                InvalidInputException.class,
                () -> Callers.as("mark", () -> bulk.applyToSelected(one, BulkChange.assign(999_999L))));
        assertTrue(unknownAssignee.fieldErrors().containsKey("assigneeId"));
        assertThrows(
                InvalidInputException.class,
                () -> Callers.as("mark", () -> bulk.applyToSelected(one, BulkChange.assign(1L))),
                "a requester is no assignee");
        assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "mark",
                        () -> bulk.applyToMatching(
                                textSearch(uniqueSubject("matches nothing")), 0, BulkChange.assign(MARK))));

        assertEquals(versionBefore, asOlivia(id).version(), "nothing was stored");
    }

    @Test
    void allMatchingAppliesToWhatWasCountedUnderTheCallersScope() throws Exception {
        String marker = uniqueSubject("Bulk matching");
        long north1 = fileTicket("alice", NORTH, marker + " a");
        long north2 = fileTicket("alice", NORTH, marker + " b");
        long south = fileTicket("ron", SOUTH, marker + " c");
        QueueSearch filter = textSearch(marker);

        BulkTriage.MatchCount count = Callers.as("mark", () -> bulk.countMatching(filter));
        assertEquals(new BulkTriage.MatchCount(2, false), count, "mark sees only the North Clinic's two");

        long late = fileTicket("alice", NORTH, marker + " d");
        ConflictException moved = assertThrows(
                ConflictException.class,
                () -> Callers.as(
                        "mark", () -> bulk.applyToMatching(filter, count.count(), BulkChange.status(Status.CLOSED))));
        assertTrue(moved.getMessage().contains("now matches 3 tickets, not the 2 shown"), moved.getMessage());
        assertEquals(Status.OPEN, asOlivia(north1).status(), "nothing was changed");

        BulkResult result = Callers.as("mark", () -> bulk.applyToMatching(filter, 3, BulkChange.status(Status.CLOSED)));

        assertEquals(3, result.changed());
        for (long id : List.of(north1, north2, late)) {
            assertEquals(Status.CLOSED, asOlivia(id).status());
        }
        assertEquals(Status.OPEN, asOlivia(south).status(), "out of mark's scope, whatever the filter");
    }

    @Test
    void onlyStaffMayChangeTicketsInBulk() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Bulk requester"));
        List<SelectedTicket> own = List.of(seen(id));

        assertThrows(
                EJBAccessException.class,
                () -> Callers.as("alice", () -> bulk.applyToSelected(own, BulkChange.status(Status.CLOSED))));
        assertThrows(EJBAccessException.class, () -> Callers.as("alice", () -> bulk.countMatching(textSearch("x"))));
        assertThrows(EJBAccessException.class, () -> bulk.applyToSelected(own, BulkChange.status(Status.CLOSED)));
        assertEquals(Status.OPEN, asOlivia(id).status());
    }

    @Test
    void theExportReadsOnAfterEachChunkWithinTheCallersScope() throws Exception {
        String marker = uniqueSubject("Export chunks");
        long older = fileTicket("alice", NORTH, marker + " older");
        long newer = fileTicket("alice", NORTH, marker + " newer");
        fileTicket("ron", SOUTH, marker + " south");
        QueueSearch filter = textSearch(marker);

        List<QueueRow> all = Callers.as("mark", () -> queue.exportChunk(filter, null));
        assertEquals(List.of(newer, older), all.stream().map(QueueRow::id).toList(), "newest first, North only");
        List<QueueRow> afterNewest =
                Callers.as("mark", () -> queue.exportChunk(filter, ExportPosition.after(all.get(0))));
        assertEquals(List.of(older), afterNewest.stream().map(QueueRow::id).toList());
        assertFalse(Callers.as("olivia", () -> queue.exportChunk(filter, null)).isEmpty());
        assertEquals(
                3, Callers.as("olivia", () -> queue.exportChunk(filter, null)).size());
        assertThrows(EJBAccessException.class, () -> Callers.as("alice", () -> queue.exportChunk(filter, null)));
    }
}
