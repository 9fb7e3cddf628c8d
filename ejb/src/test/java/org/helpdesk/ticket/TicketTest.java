package org.helpdesk.ticket;

import java.time.Instant;

import org.helpdesk.common.ConflictException;
import org.helpdesk.directory.Location;
import org.helpdesk.directory.User;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The ticket's own invariants, without a database. */
class TicketTest {

    private static final Instant FILED = Instant.parse("2026-01-01T09:00:00Z");
    private static final Instant LATER = FILED.plusSeconds(60);

    private final User requester = new User("alice", "Alice", "hash");
    private final User staff = new User("mark", "Mark", "hash");

    private Ticket newTicket() {
        return new Ticket(requester, new Location("North Clinic"), "Printer", "Broken", Urgency.HIGH, FILED);
    }

    private Ticket ticketIn(Status status) {
        Ticket ticket = newTicket();
        ticket.changeStatus(staff, status, FILED);
        return ticket;
    }

    @Test
    void aNewTicketIsOpen() {
        Ticket ticket = newTicket();

        assertEquals(Status.OPEN, ticket.getStatus());
        assertEquals(FILED, ticket.getCreatedAt());
        assertEquals(FILED, ticket.getUpdatedAt());
    }

    @Test
    void aStaffResponseToAnOpenTicketPutsItInProgress() {
        Ticket ticket = newTicket();

        TicketMessage message = ticket.respond(staff, true, "On it", LATER);

        assertEquals(Status.IN_PROGRESS, ticket.getStatus());
        assertFalse(message.isInternal());
        assertEquals(LATER, ticket.getUpdatedAt());
    }

    @ParameterizedTest
    @EnumSource(
            value = Status.class,
            names = {"IN_PROGRESS", "RESOLVED"})
    void aStaffResponseLeavesOtherStatusesAlone(Status status) {
        Ticket ticket = ticketIn(status);

        ticket.respond(staff, true, "Update", LATER);

        assertEquals(status, ticket.getStatus());
    }

    @Test
    void theRequestersResponseReopensAResolvedTicket() {
        Ticket ticket = ticketIn(Status.RESOLVED);

        ticket.respond(requester, false, "Still broken", LATER);

        assertEquals(Status.OPEN, ticket.getStatus());
    }

    @Test
    void theRequestersResponseLeavesAnOpenTicketOpen() {
        Ticket ticket = newTicket();

        ticket.respond(requester, false, "More details", LATER);

        assertEquals(Status.OPEN, ticket.getStatus());
    }

    @Test
    void aClosedTicketTakesNoResponseFromAnyone() {
        Ticket ticket = ticketIn(Status.CLOSED);

        assertThrows(ConflictException.class, () -> ticket.respond(requester, false, "Hello?", LATER));
        assertThrows(ConflictException.class, () -> ticket.respond(staff, true, "Hello?", LATER));
    }

    @Test
    void anInternalNoteChangesNeitherStatusNorTheVisibleUpdateTime() {
        Ticket ticket = newTicket();

        TicketMessage note = ticket.addInternalNote(staff, "Check the toner", LATER);

        assertTrue(note.isInternal());
        assertEquals(Status.OPEN, ticket.getStatus());
        assertEquals(FILED, ticket.getUpdatedAt());
    }

    @Test
    void anUnchangedRequestTextChangesNothing() {
        Ticket ticket = newTicket();

        ticket.updateRequest(requester, "Printer", "Broken", LATER);

        assertEquals(FILED, ticket.getUpdatedAt());
    }

    @Test
    void aChangedRequestTextIsTakenWithItsTime() {
        Ticket ticket = newTicket();

        ticket.updateRequest(requester, "Printer on floor 2", "Broken", LATER);

        assertEquals("Printer on floor 2", ticket.getSubject());
        assertEquals(LATER, ticket.getUpdatedAt());
    }
}
