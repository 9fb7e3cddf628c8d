package org.helpdesk.it.desk;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.dashboard.Dashboard;
import org.helpdesk.dashboard.DashboardFigures;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.ticket.EventType;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TriageService;
import org.helpdesk.ticket.Urgency;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The dashboard's figures against the tickets the test files in a location of its own: each
 * number must be exactly what those tickets' own timestamps and statuses say.
 */
@ExtendWith(ArquillianExtension.class)
class DashboardIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private Dashboard dashboard;

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    private long file(OwnScope scope, String subject) throws Exception {
        return scope.asRequester(() -> tickets.submit(
                new NewTicket(subject, "Details of " + subject, Urgency.HIGH, scope.locationId()), List.of()));
    }

    private void changeStatus(OwnScope scope, long id, Status status) throws Exception {
        long version = scope.asStaff(() -> tickets.view(id)).version();
        scope.asStaff(() -> {
            triage.changeStatus(id, version, status);
            return null;
        });
    }

    @Test
    void theFiguresAreExactlyWhatTheTicketsOfTheScopeSay() throws Exception {
        OwnScope scope = OwnScope.create("dash");
        fileTicket("alice", NORTH, uniqueSubject("Elsewhere")); // another location: in no figure below
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(file(scope, uniqueSubject("Dashboard " + i)));
            Thread.sleep(20);
        }
        long resolved = ids.get(0);
        long closed = ids.get(1);
        long reopened = ids.get(2);
        long inProgress = ids.get(3);
        // First responses at different delays; a second response changes nothing; a note is none.
        for (long id : List.of(reopened, resolved, closed)) {
            Thread.sleep(150);
            scope.asStaff(() -> {
                tickets.respond(id, "On it.", List.of());
                return null;
            });
        }
        scope.asStaff(() -> {
            tickets.respond(resolved, "Still on it.", List.of());
            triage.addInternalNote(inProgress, "Looked at it.", List.of());
            return null;
        });
        changeStatus(scope, inProgress, Status.IN_PROGRESS);
        changeStatus(scope, resolved, Status.RESOLVED);
        changeStatus(scope, closed, Status.CLOSED);
        changeStatus(scope, reopened, Status.RESOLVED);
        scope.asRequester(() -> {
            tickets.respond(reopened, "It is back.", List.of()); // reopens it: no longer resolved
            return null;
        });

        DashboardFigures figures = scope.asStaff(dashboard::figures);
        List<TicketDetails> filed = new ArrayList<>();
        for (long id : ids) {
            filed.add(scope.asStaff(() -> tickets.view(id)));
        }

        // Tickets per location and status: one location, the tickets' own statuses.
        Map<Status, Long> byStatus = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            byStatus.put(
                    status, filed.stream().filter(t -> t.status() == status).count());
        }
        assertEquals(Map.of(Status.OPEN, 2L, Status.IN_PROGRESS, 1L, Status.RESOLVED, 1L, Status.CLOSED, 1L), byStatus);
        assertEquals(
                List.of(new DashboardFigures.LocationCounts(scope.locationId(), scope.locationName(), byStatus)),
                figures.ticketsByLocation());

        // Filed and resolved per week, from the tickets' own times.
        LocalDate thisWeek = LocalDate.ofInstant(figures.asOf(), ZoneOffset.UTC)
                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        Map<LocalDate, Long> created = new HashMap<>();
        Map<LocalDate, Long> resolvedInWeek = new HashMap<>();
        for (TicketDetails ticket : filed) {
            created.merge(weekOf(ticket.createdAt()), 1L, Long::sum);
            resolutionOf(ticket).ifPresent(at -> resolvedInWeek.merge(weekOf(at), 1L, Long::sum));
        }
        List<DashboardFigures.WeekVolume> expectedWeeks = new ArrayList<>();
        for (int i = Dashboard.WEEKS - 1; i >= 0; i--) {
            LocalDate start = thisWeek.minusWeeks(i);
            expectedWeeks.add(new DashboardFigures.WeekVolume(
                    start, created.getOrDefault(start, 0L), resolvedInWeek.getOrDefault(start, 0L)));
        }
        assertEquals(expectedWeeks, figures.weeks());
        assertEquals(
                5,
                figures.weeks().stream()
                        .mapToLong(DashboardFigures.WeekVolume::created)
                        .sum());
        assertEquals(
                2,
                figures.weeks().stream()
                        .mapToLong(DashboardFigures.WeekVolume::resolved)
                        .sum());

        // First-response and resolution times: nearest-rank median and 90th percentile.
        List<Duration> firstResponses = new ArrayList<>();
        List<Duration> resolutions = new ArrayList<>();
        for (TicketDetails ticket : filed) {
            firstResponseOf(ticket).ifPresent(at -> firstResponses.add(Duration.between(ticket.createdAt(), at)));
            resolutionOf(ticket).ifPresent(at -> resolutions.add(Duration.between(ticket.createdAt(), at)));
        }
        assertEquals(3, firstResponses.size());
        assertEquals(2, resolutions.size());
        assertEquals(timeFigures(firstResponses), figures.firstResponse());
        assertEquals(timeFigures(resolutions), figures.resolution());

        // The oldest waiting tickets, oldest first: open and in progress alike.
        assertEquals(
                List.of(reopened, inProgress, ids.get(4)),
                figures.oldestOpen().stream()
                        .map(DashboardFigures.WaitingTicket::id)
                        .toList());
        assertTrue(figures.oldestOpen().stream().allMatch(t -> t.locationName().equals(scope.locationName())));

        // SLA attainment: the tickets resolved in the window, by their own clocks (both HIGH, both
        // answered and resolved well within the targets): met where staff answered by the
        // first-response due time and the resolution clock stopped or paused by its due time.
        Map<Urgency, long[]> attainment = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            attainment.put(urgency, new long[2]);
        }
        for (TicketDetails ticket : filed) {
            Optional<Instant> resolvedAt = resolutionOf(ticket);
            if (resolvedAt.isPresent() && ticket.sla() != null) {
                boolean met = !ticket.sla().firstResponse().breached()
                        && !resolvedAt.get().isAfter(ticket.sla().resolution().due());
                attainment.get(ticket.urgency())[0] += met ? 1 : 0;
                attainment.get(ticket.urgency())[1]++;
            }
        }
        assertEquals(2, attainment.get(Urgency.HIGH)[1], "the resolved and the closed ticket are measured");
        assertEquals(
                attainment.entrySet().stream()
                        .map(entry -> new DashboardFigures.UrgencyAttainment(
                                entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                        .toList(),
                figures.slaAttainmentByUrgency());
    }

    @Test
    void aLocationWithoutTicketsShowsZerosNotAnError() throws Exception {
        OwnScope scope = OwnScope.create("empty");
        DashboardFigures figures = scope.asStaff(dashboard::figures);
        assertEquals(1, figures.ticketsByLocation().size());
        assertTrue(
                figures.ticketsByLocation().get(0).byStatus().values().stream().allMatch(count -> count == 0));
        assertEquals(new DashboardFigures.TimeFigures(0, null, null), figures.firstResponse());
        assertEquals(new DashboardFigures.TimeFigures(0, null, null), figures.resolution());
        assertEquals(List.of(), figures.oldestOpen());
        assertTrue(figures.weeks().stream().allMatch(week -> week.created() == 0 && week.resolved() == 0));
        assertEquals(Dashboard.WEEKS, figures.weeks().size());
    }

    @Test
    void onlyStaffHaveADashboard() {
        for (String username : List.of("alice", "nora")) {
            assertThrows(EJBAccessException.class, () -> Callers.as(username, dashboard::figures), username);
        }
    }

    private static LocalDate weekOf(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /** When staff first answered the requester: the first visible message not by the requester. */
    private static Optional<Instant> firstResponseOf(TicketDetails ticket) {
        return ticket.messages().stream()
                .filter(message -> !message.internal()
                        && message.author().id() != ticket.requester().id())
                .map(TicketDetails.Message::createdAt)
                .min(Instant::compareTo);
    }

    /** For a resolved or closed ticket, its last move from open or in progress to resolved or closed. */
    private static Optional<Instant> resolutionOf(TicketDetails ticket) {
        if (ticket.status() != Status.RESOLVED && ticket.status() != Status.CLOSED) {
            return Optional.empty();
        }
        return ticket.history().stream()
                .filter(event -> event.type() == EventType.STATUS_CHANGED)
                .filter(event -> List.of("open", "in_progress").contains(event.from()))
                .filter(event -> List.of("resolved", "closed").contains(event.to()))
                .map(TicketDetails.HistoryEntry::at)
                .max(Instant::compareTo);
    }

    /** Nearest rank: the value at position ceil(p * n) of the sorted times. */
    private static DashboardFigures.TimeFigures timeFigures(List<Duration> times) {
        List<Duration> sorted = times.stream().sorted().toList();
        int n = sorted.size();
        return new DashboardFigures.TimeFigures(
                n, sorted.get((int) Math.ceil(0.5 * n) - 1), sorted.get((int) Math.ceil(0.9 * n) - 1));
    }
}
