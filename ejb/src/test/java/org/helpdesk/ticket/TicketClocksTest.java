package org.helpdesk.ticket;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Set;

import org.helpdesk.directory.Location;
import org.helpdesk.directory.User;
import org.helpdesk.sla.BusinessCalendar;
import org.helpdesk.sla.SlaClock.State;
import org.helpdesk.sla.SlaTarget;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a ticket's events do to its stored SLA clocks, in a location working Monday to Friday,
 * 09:00 to 17:00 UTC; targets 1 h to the first response, 8 h to the resolution.
 */
class TicketClocksTest {

    private static final BusinessCalendar OFFICE =
            BusinessCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());
    private static final SlaTarget TARGET = new SlaTarget(Duration.ofHours(1), Duration.ofHours(8));
    /** A Monday. */
    private static final Instant FILED = Instant.parse("2026-06-01T09:00:00Z");

    private final User requester = new User("alice", "Alice", "hash");
    private final User staff = new User("mark", "Mark", "hash");

    private Ticket filed() {
        Ticket ticket = new Ticket(requester, new Location("North Clinic"), "Printer", "Broken", Urgency.HIGH, FILED);
        ticket.startClocks(OFFICE, TARGET);
        return ticket;
    }

    private static Instant at(String utc) {
        return Instant.parse(utc);
    }

    @Test
    void filingStartsBothClocksAndTheQueueSeesTheFirstDue() {
        Ticket ticket = filed();
        assertEquals(
                at("2026-06-01T10:00:00Z"),
                ticket.firstResponseClock().orElseThrow().due());
        assertEquals(
                at("2026-06-01T17:00:00Z"),
                ticket.resolutionClock().orElseThrow().due());
        assertEquals(at("2026-06-01T10:00:00Z"), ticket.getSlaDueAt());
    }

    @Test
    void aStaffResponseStopsTheFirstResponseClockAndARequesterResponseDoesNot() {
        Ticket ticket = filed();
        ticket.respond(requester, false, "More details", at("2026-06-01T09:10:00Z"));
        assertTrue(ticket.firstResponseClock().orElseThrow().isRunning());

        ticket.respond(staff, true, "On it", at("2026-06-01T09:30:00Z"));
        ticket.followClocks(OFFICE, at("2026-06-01T09:30:00Z"));

        assertEquals(
                State.MET,
                ticket.firstResponseClock()
                        .orElseThrow()
                        .read(at("2026-06-02T09:00:00Z"))
                        .state());
        assertEquals(at("2026-06-01T17:00:00Z"), ticket.getSlaDueAt(), "now the resolution clock is next");
    }

    @Test
    void resolvingPausesReopeningResumesAndClosingStops() {
        Ticket ticket = filed();
        ticket.respond(staff, true, "On it", at("2026-06-01T09:30:00Z"));
        ticket.changeStatus(staff, Status.RESOLVED, at("2026-06-01T13:00:00Z"));
        ticket.followClocks(OFFICE, at("2026-06-01T13:00:00Z"));
        assertEquals(
                State.PAUSED,
                ticket.resolutionClock()
                        .orElseThrow()
                        .read(at("2026-06-05T09:00:00Z"))
                        .state());
        assertNull(ticket.getSlaDueAt(), "no clock runs: not in the queue's due filters");

        // The requester answers on Wednesday 15:00: 4 h were left, 2 h on Wednesday, 2 h on Thursday.
        ticket.respond(requester, false, "Still broken", at("2026-06-03T15:00:00Z"));
        ticket.followClocks(OFFICE, at("2026-06-03T15:00:00Z"));
        assertEquals(Status.OPEN, ticket.getStatus());
        assertEquals(at("2026-06-04T11:00:00Z"), ticket.getSlaDueAt());

        ticket.changeStatus(staff, Status.CLOSED, at("2026-06-04T12:00:00Z"));
        ticket.followClocks(OFFICE, at("2026-06-04T12:00:00Z"));
        assertEquals(
                State.MISSED,
                ticket.resolutionClock()
                        .orElseThrow()
                        .read(at("2026-06-05T09:00:00Z"))
                        .state());
        assertNull(ticket.getSlaDueAt());
    }

    @Test
    void resolvingWithoutAResponseAnswersTheRequesterToo() {
        Ticket ticket = filed();
        ticket.changeStatus(staff, Status.RESOLVED, at("2026-06-01T09:20:00Z"));
        ticket.followClocks(OFFICE, at("2026-06-01T09:20:00Z"));
        assertEquals(
                State.MET,
                ticket.firstResponseClock()
                        .orElseThrow()
                        .read(at("2026-06-01T12:00:00Z"))
                        .state());
    }

    @Test
    void followingTwiceChangesNothing() {
        Ticket ticket = filed();
        ticket.changeStatus(staff, Status.RESOLVED, at("2026-06-01T13:00:00Z"));
        ticket.followClocks(OFFICE, at("2026-06-01T13:00:00Z"));
        ticket.followClocks(OFFICE, at("2026-06-02T13:00:00Z"));
        assertEquals(
                at("2026-06-01T13:00:00Z"),
                ticket.resolutionClock().orElseThrow().pausedAt());
    }
}
