package org.helpdesk.dashboard;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;

import org.helpdesk.directory.Location;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketCounts;
import org.helpdesk.ticket.Urgency;

/**
 * The staff dashboard at the caller's locations. What each figure costs on a million tickets:
 *
 * <ul>
 *   <li>tickets per location and status: the maintained counts ({@link TicketCounts}), a handful
 *       of rows whatever the number of tickets;
 *   <li>filed and resolved per week: one range of {@code ix_ticket_location_created} and one of
 *       {@code ix_ticket_location_resolved} per location, bounded by the {@value #WEEKS} weeks;
 *   <li>first-response and resolution times: one range of {@code ix_ticket_location_first_response}
 *       and of {@code ix_ticket_location_resolved} per location, bounded by the last
 *       {@value #TIMES_WINDOW_DAYS} days, the durations read from the index (the ticket stores them
 *       at the event), the median and 90th percentile computed by the database;
 *   <li>the oldest open tickets: the first {@value #OLDEST} rows of
 *       {@code ix_ticket_location_status_created} per location and waiting status.
 * </ul>
 *
 * The windows bound the work by the desk's recent traffic, not by its history.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class Dashboard {

    /** The weeks of "filed versus resolved", the current one included. */
    public static final int WEEKS = 12;

    /** The days over which the first-response and resolution times are measured. */
    public static final int TIMES_WINDOW_DAYS = 90;

    /** How many of the oldest open tickets the dashboard lists. */
    public static final int OLDEST = 10;

    private static final List<Status> WAITING = List.of(Status.OPEN, Status.IN_PROGRESS);

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    @Inject
    private TicketCounts counts;

    /** The caller's dashboard, now. */
    public DashboardFigures figures() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Location> locations = currentUser.get().getLocations().stream()
                .sorted(Comparator.comparing(Location::getName))
                .toList();
        List<Long> locationIds = locations.stream().map(Location::getId).toList();
        Instant windowStart = now.minus(Duration.ofDays(TIMES_WINDOW_DAYS));
        return new DashboardFigures(
                now,
                ticketsByLocation(locations),
                weeks(locationIds, now),
                TIMES_WINDOW_DAYS,
                times(locationIds, "first_response_at", "first_response_millis", windowStart),
                times(locationIds, "resolved_at", "resolution_millis", windowStart),
                oldestOpen(locations),
                slaAttainment(locationIds, windowStart));
    }

    /**
     * Per urgency, of the tickets resolved or closed in the window that have SLA clocks, how many
     * met both targets: staff answered first by the first-response due time, and the resolution
     * clock stopped (closed) or paused (resolved) by its due time. Read from the stored clocks on
     * the window's index of resolution times, so its cost follows the window, not the table.
     */
    private List<DashboardFigures.UrgencyAttainment> slaAttainment(List<Long> locationIds, Instant windowStart) {
        Map<Urgency, long[]> byUrgency = new EnumMap<>(Urgency.class);
        for (Urgency urgency : Urgency.values()) {
            byUrgency.put(urgency, new long[2]);
        }
        if (!locationIds.isEmpty()) {
            String placeholders = locationIds.stream().map(id -> "?").collect(Collectors.joining(", "));
            Query query = em.createNativeQuery("SELECT urgency, COUNT(*), SUM(CASE WHEN "
                    + "(first_response_stopped_at IS NULL OR first_response_stopped_at <= first_response_due_at) AND "
                    + "COALESCE(resolution_stopped_at, resolution_paused_at) <= resolution_due_at THEN 1 ELSE 0 END) "
                    + "FROM ticket WHERE location_id IN (" + placeholders + ") AND resolved_at >= ? "
                    + "AND resolution_due_at IS NOT NULL GROUP BY urgency");
            int parameter = 1;
            for (Long locationId : locationIds) {
                query.setParameter(parameter++, locationId);
            }
            query.setParameter(parameter, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
            for (Object result : query.getResultList()) {
                Object[] row = (Object[]) result;
                long[] figures = byUrgency.get(Urgency.valueOf(String.valueOf(row[0])));
                figures[0] = longOf(row[2]);
                figures[1] = longOf(row[1]);
            }
        }
        return byUrgency.entrySet().stream()
                .map(entry -> new DashboardFigures.UrgencyAttainment(
                        entry.getKey(), entry.getValue()[0], entry.getValue()[1]))
                .toList();
    }

    private List<DashboardFigures.LocationCounts> ticketsByLocation(List<Location> locations) {
        Map<Long, Map<Status, Long>> byLocation = counts.byLocationAndStatusAt(
                locations.stream().map(Location::getId).toList());
        return locations.stream()
                .map(location -> new DashboardFigures.LocationCounts(
                        location.getId(), location.getName(), byLocation.get(location.getId())))
                .toList();
    }

    private List<DashboardFigures.WeekVolume> weeks(List<Long> locationIds, Instant now) {
        LocalDate thisWeek =
                LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        List<LocalDate> starts = new ArrayList<>();
        for (int i = WEEKS - 1; i >= 0; i--) {
            starts.add(thisWeek.minusWeeks(i));
        }
        long[] created = perWeek(locationIds, "created_at", starts);
        long[] resolved = perWeek(locationIds, "resolved_at", starts);
        List<DashboardFigures.WeekVolume> weeks = new ArrayList<>();
        for (int i = 0; i < WEEKS; i++) {
            weeks.add(new DashboardFigures.WeekVolume(starts.get(i), created[i], resolved[i]));
        }
        return weeks;
    }

    /**
     * The tickets whose time in {@code column} falls in each week. One statement per location
     * reads the range from the first week's start and counts, for each later week, the rows from
     * its start on; a week's count is the difference of two such sums. (One location per
     * statement: a list of locations would make the database merge several index ranges.)
     */
    private long[] perWeek(List<Long> locationIds, String column, List<LocalDate> starts) {
        long[] perWeek = new long[starts.size()];
        if (locationIds.isEmpty()) {
            return perWeek;
        }
        StringBuilder sql = new StringBuilder("SELECT COUNT(*)");
        for (int i = 1; i < starts.size(); i++) {
            sql.append(", SUM(CASE WHEN ").append(column).append(" >= ? THEN 1 ELSE 0 END)");
        }
        sql.append(" FROM ticket WHERE location_id = ? AND ").append(column).append(" >= ?");
        for (Long locationId : locationIds) {
            Query query = em.createNativeQuery(sql.toString());
            int parameter = 1;
            for (int i = 1; i < starts.size(); i++) {
                query.setParameter(parameter++, startOf(starts.get(i)));
            }
            query.setParameter(parameter++, locationId);
            query.setParameter(parameter, startOf(starts.get(0)));
            Object[] sums = (Object[]) query.getSingleResult();
            // sums[i]: the rows from week i on (sums[0] all of them); nothing is later than now.
            for (int i = 0; i < starts.size(); i++) {
                long fromThisWeek = longOf(sums[i]);
                long fromNextWeek = i + 1 < starts.size() ? longOf(sums[i + 1]) : 0;
                perWeek[i] += fromThisWeek - fromNextWeek;
            }
        }
        return perWeek;
    }

    /**
     * The median and 90th percentile of the durations in {@code durationColumn} of the tickets
     * whose {@code timeColumn} is in the window. Percentiles of several locations do not add up,
     * so the locations are one statement; with the duration in the index, it reads no table row.
     */
    private DashboardFigures.TimeFigures times(
            List<Long> locationIds, String timeColumn, String durationColumn, Instant windowStart) {
        if (locationIds.isEmpty()) {
            return new DashboardFigures.TimeFigures(0, null, null);
        }
        String placeholders = locationIds.stream().map(id -> "?").collect(Collectors.joining(", "));
        Query query = em.createNativeQuery("SELECT COUNT(" + durationColumn + "), "
                + "PERCENTILE_DISC(0.5) WITHIN GROUP (ORDER BY " + durationColumn + "), "
                + "PERCENTILE_DISC(0.9) WITHIN GROUP (ORDER BY " + durationColumn + ") "
                + "FROM ticket WHERE location_id IN (" + placeholders + ") AND " + timeColumn + " >= ?");
        int parameter = 1;
        for (Long locationId : locationIds) {
            query.setParameter(parameter++, locationId);
        }
        query.setParameter(parameter, OffsetDateTime.ofInstant(windowStart, ZoneOffset.UTC));
        Object[] row = (Object[]) query.getSingleResult();
        long tickets = longOf(row[0]);
        if (tickets == 0) {
            return new DashboardFigures.TimeFigures(0, null, null);
        }
        return new DashboardFigures.TimeFigures(
                tickets, Duration.ofMillis(longOf(row[1])), Duration.ofMillis(longOf(row[2])));
    }

    /** The oldest waiting tickets: the first few of each location and status, merged. */
    private List<DashboardFigures.WaitingTicket> oldestOpen(List<Location> locations) {
        List<DashboardFigures.WaitingTicket> oldest = new ArrayList<>();
        for (Location location : locations) {
            for (Status status : WAITING) {
                em.createQuery(
                                "SELECT t.id, t.subject, t.createdAt FROM Ticket t "
                                        + "WHERE t.location.id = :location AND t.status = :status "
                                        + "ORDER BY t.createdAt, t.id",
                                Object[].class)
                        .setParameter("location", location.getId())
                        .setParameter("status", status)
                        .setMaxResults(OLDEST)
                        .getResultList()
                        .forEach(row -> oldest.add(new DashboardFigures.WaitingTicket(
                                (Long) row[0], (String) row[1], status, location.getName(), (Instant) row[2])));
            }
        }
        oldest.sort(Comparator.comparing(DashboardFigures.WaitingTicket::createdAt)
                .thenComparing(DashboardFigures.WaitingTicket::id));
        return Collections.unmodifiableList(oldest.subList(0, Math.min(OLDEST, oldest.size())));
    }

    private static OffsetDateTime startOf(LocalDate day) {
        return day.atStartOfDay().atOffset(ZoneOffset.UTC);
    }

    private static long longOf(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
