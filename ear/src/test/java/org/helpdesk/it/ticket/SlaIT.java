package org.helpdesk.it.ticket;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.sla.BusinessCalendar;
import org.helpdesk.sla.SlaClock;
import org.helpdesk.ticket.EventType;
import org.helpdesk.ticket.QueueRow;
import org.helpdesk.ticket.QueueSearch;
import org.helpdesk.ticket.SlaBreaches;
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
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The SLA clocks as stored by the events that own them, in the server and its database: due times
 * on filing, the first staff response, resolving and reopening; the breach recorded once however
 * many callers look at once; the queue's filters and order by due time. North Clinic has the
 * default calendar of V8 (Monday to Friday, 09:00 to 17:00, UTC); the tickets are medium (8 h to
 * the first response, 24 h to the resolution).
 */
@ExtendWith(ArquillianExtension.class)
class SlaIT {

    private static final BusinessCalendar NORTH_HOURS =
            BusinessCalendar.weekdays(ZoneOffset.UTC, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    @Inject
    private TicketQueue queue;

    @Inject
    private SlaBreaches breaches;

    @Resource(lookup = "java:jboss/datasources/HelpdeskDS")
    private DataSource database;

    @Resource
    private ManagedExecutorService executor;

    /** One ticket's SLA columns as stored. */
    private record Stored(
            Instant createdAt,
            Instant firstResponseDue,
            Instant firstResponseStopped,
            Instant resolutionDue,
            Instant resolutionPaused,
            Instant resolutionStopped,
            Instant slaDue,
            Instant slaWatch) {}

    private Stored stored(long id) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT created_at, first_response_due_at, first_response_stopped_at, resolution_due_at, "
                                + "resolution_paused_at, resolution_stopped_at, sla_due_at, sla_watch_at "
                                + "FROM ticket WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                return new Stored(
                        instant(row, 1),
                        instant(row, 2),
                        instant(row, 3),
                        instant(row, 4),
                        instant(row, 5),
                        instant(row, 6),
                        instant(row, 7),
                        instant(row, 8));
            }
        }
    }

    private static Instant instant(ResultSet row, int column) throws Exception {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Sets a ticket's SLA columns as if time had passed (the test cannot wait for business hours). */
    private void update(long id, String assignments, Instant... values) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement update =
                        connection.prepareStatement("UPDATE ticket SET " + assignments + " WHERE id = ?")) {
            for (int i = 0; i < values.length; i++) {
                update.setObject(i + 1, OffsetDateTime.ofInstant(values[i], ZoneOffset.UTC));
            }
            update.setLong(values.length + 1, id);
            assertEquals(1, update.executeUpdate());
        }
    }

    private long breachEvents(long id) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT COUNT(*) FROM ticket_event WHERE ticket_id = ? AND type = 'SLA_BREACHED'")) {
            count.setLong(1, id);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private long version(String username, long id) throws Exception {
        return Callers.as(username, () -> tickets.view(id)).version();
    }

    @Test
    void filingStoresBothDueTimesInTheLocationsWorkingHours() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("SLA filed"));

        Stored clocks = stored(id);
        assertEquals(NORTH_HOURS.plusWorkingTime(clocks.createdAt(), Duration.ofHours(8)), clocks.firstResponseDue());
        assertEquals(NORTH_HOURS.plusWorkingTime(clocks.createdAt(), Duration.ofHours(24)), clocks.resolutionDue());
        assertEquals(clocks.firstResponseDue(), clocks.slaDue(), "the first response is due first");
        assertEquals(clocks.firstResponseDue(), clocks.slaWatch());
        assertNull(clocks.firstResponseStopped());
        assertNull(clocks.resolutionPaused());
    }

    @Test
    void aStaffResponseStopsTheFirstResponseClockAndStaffSeeItMet() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("SLA answered"));
        Callers.run("alice", () -> tickets.respond(id, "A detail more", List.of()));
        assertNull(stored(id).firstResponseStopped(), "the requester's own answer is no first response");

        Callers.run("mark", () -> tickets.respond(id, "We are on it", List.of()));

        Stored clocks = stored(id);
        assertNotNull(clocks.firstResponseStopped());
        assertEquals(clocks.resolutionDue(), clocks.slaDue(), "the resolution clock is the one that runs now");
        TicketDetails.Sla sla = Callers.as("mark", () -> tickets.view(id)).sla();
        assertEquals(SlaClock.State.MET, sla.firstResponse().state());
        assertEquals(SlaClock.State.RUNNING, sla.resolution().state());
        assertNull(Callers.as("alice", () -> tickets.view(id)).sla(), "requesters do not see the desk's clocks");
    }

    @Test
    void resolvingPausesTheResolutionClockAndReopeningGivesBackTheWorkingTimeThatWasLeft() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("SLA paused"));
        Callers.run("mark", () -> triage.changeStatus(id, version("mark", id), Status.RESOLVED));

        Stored resolved = stored(id);
        assertNotNull(resolved.resolutionPaused());
        assertNull(resolved.slaDue(), "no clock runs while the ticket waits for its requester");
        assertNotNull(resolved.firstResponseStopped(), "resolving answers the requester");
        assertEquals(
                SlaClock.State.PAUSED,
                Callers.as("mark", () -> tickets.view(id)).sla().resolution().state());

        // As if it had been resolved on Monday 1 June 2026 at 13:00 with its due time at 17:00 that
        // day: four working hours were left when the requester answers.
        Instant pausedAt = Instant.parse("2026-06-01T13:00:00Z");
        Instant dueAt = Instant.parse("2026-06-01T17:00:00Z");
        update(id, "resolution_paused_at = ?, resolution_due_at = ?", pausedAt, dueAt);
        Callers.run("alice", () -> tickets.respond(id, "It broke again", List.of()));

        Instant reopenedAt = Callers.as("mark", () -> tickets.view(id)).history().stream()
                .filter(event -> event.type() == EventType.STATUS_CHANGED && "open".equals(event.to()))
                .reduce((first, second) -> second)
                .orElseThrow()
                .at();
        Stored reopened = stored(id);
        assertNull(reopened.resolutionPaused());
        assertEquals(NORTH_HOURS.plusWorkingTime(reopenedAt, Duration.ofHours(4)), reopened.resolutionDue());
        assertEquals(reopened.resolutionDue(), reopened.slaDue());

        Callers.run("mark", () -> triage.changeStatus(id, version("mark", id), Status.CLOSED));
        Stored closed = stored(id);
        assertNotNull(closed.resolutionStopped());
        assertNull(closed.slaDue());
        assertNull(closed.slaWatch(), "a stopped clock is not watched for a breach");
    }

    @Test
    void aBreachIsRecordedOnceHoweverManyLookAtOnceAndOnlyStaffSeeIt() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("SLA breached"));
        Instant passed = Instant.now().minus(35, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        update(id, "first_response_due_at = ?, sla_due_at = ?, sla_watch_at = ?", passed, passed, passed);

        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Callable<Integer> run = () -> Callers.as("mark", () -> breaches.recordDueBreaches());
            runs.add(executor.submit(run));
        }
        for (Future<Integer> run : runs) {
            run.get();
        }
        Callers.as("olivia", () -> breaches.recordDueBreaches());

        assertEquals(1, breachEvents(id));
        Stored clocks = stored(id);
        assertEquals(clocks.resolutionDue(), clocks.slaWatch(), "the resolution clock is watched next");
        assertEquals(passed, clocks.slaDue(), "still overdue in the queue");
        TicketDetails.HistoryEntry breach = Callers.as("mark", () -> tickets.view(id)).history().stream()
                .filter(event -> event.type() == EventType.SLA_BREACHED)
                .findFirst()
                .orElseThrow();
        assertEquals("first_response", breach.to());
        assertNull(breach.actor());
        assertEquals(passed, breach.at(), "recorded at the moment it passed its due time");
        assertTrue(
                Callers.as("alice", () -> tickets.view(id)).history().stream()
                        .noneMatch(event -> event.type() == EventType.SLA_BREACHED),
                "the requester's history leaves the desk's breaches out");
        assertThrows(EJBAccessException.class, () -> Callers.as("alice", () -> breaches.recordDueBreaches()));
        assertThrows(EJBAccessException.class, () -> Callers.as("nora", () -> breaches.recordDueBreaches()));
    }

    @Test
    void aClockStoppedBeforeTheBreachIsRecordedRecordsNone() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("SLA answered in time"));
        Callers.run("mark", () -> tickets.respond(id, "Answered", List.of()));
        Instant passed = Instant.now().minus(5, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MILLIS);
        // a watch left behind as by a concurrent change: the claim checks the clock itself
        update(id, "first_response_due_at = ?, sla_watch_at = ?", passed, passed);

        Callers.as("mark", () -> breaches.recordDueBreaches());

        assertEquals(0, breachEvents(id));
        assertEquals(stored(id).resolutionDue(), stored(id).slaWatch());
    }

    @Test
    void theQueueFiltersBreachedAndDueWithinAnHourAndSortsByDueTime() throws Exception {
        String word = "slaqueue" + System.nanoTime();
        long overdue = fileTicket("alice", NORTH, word + " overdue");
        long soon = fileTicket("alice", NORTH, word + " soon");
        long later = fileTicket("alice", NORTH, word + " later");
        long resolved = fileTicket("alice", NORTH, word + " resolved");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        update(overdue, "sla_due_at = ?", now.minus(35, ChronoUnit.MINUTES));
        update(soon, "sla_due_at = ?", now.plus(30, ChronoUnit.MINUTES));
        update(later, "sla_due_at = ?", now.plus(3, ChronoUnit.HOURS));
        Callers.run("mark", () -> triage.changeStatus(resolved, version("mark", resolved), Status.RESOLVED));

        assertEquals(List.of(overdue), ids(word, QueueSearch.Due.BREACHED, QueueSearch.Sort.CREATED, false));
        assertEquals(List.of(soon), ids(word, QueueSearch.Due.WITHIN_HOUR, QueueSearch.Sort.CREATED, false));
        assertEquals(List.of(overdue, soon, later, resolved), ids(word, null, QueueSearch.Sort.DUE, true));
        assertEquals(List.of(resolved, later, soon, overdue), ids(word, null, QueueSearch.Sort.DUE, false));

        QueueRow row = Callers.as("mark", () -> queue.search(search(word, QueueSearch.Due.BREACHED, null, false)))
                .rows()
                .items()
                .get(0);
        assertEquals(now.minus(35, ChronoUnit.MINUTES), row.slaDueAt());
    }

    private List<Long> ids(String word, QueueSearch.Due due, QueueSearch.Sort sort, boolean ascending)
            throws Exception {
        return Callers.as("mark", () -> queue.search(search(word, due, sort, ascending))).rows().items().stream()
                .map(QueueRow::id)
                .toList();
    }

    private static QueueSearch search(String word, QueueSearch.Due due, QueueSearch.Sort sort, boolean ascending) {
        return new QueueSearch(null, NORTH, null, null, null, word, null, due, sort, ascending, 1, 25);
    }
}
