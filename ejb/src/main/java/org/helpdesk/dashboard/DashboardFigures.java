package org.helpdesk.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.Urgency;

/**
 * The dashboard of one staff member, at their locations, as of {@code asOf}.
 *
 * @param ticketsByLocation the tickets per status at each location, exact (maintained counts)
 * @param weeks the tickets filed and resolved in each of the last weeks (Monday to Sunday, UTC),
 *     oldest first, the current week last
 * @param timesWindowDays the days over which the two times below are measured
 * @param firstResponse how long after filing staff first answered, over the tickets first answered
 *     in the window
 * @param resolution how long after filing tickets were resolved, over the tickets resolved in the
 *     window (a reopened ticket counts once it is resolved again)
 * @param oldestOpen the longest-waiting tickets that are open or in progress, oldest first
 * @param slaAttainmentByUrgency per urgency, of the tickets resolved or closed in the same window that
 *     have SLA clocks, how many met both targets (every urgency present, oldest first: low)
 */
public record DashboardFigures(
        Instant asOf,
        List<LocationCounts> ticketsByLocation,
        List<WeekVolume> weeks,
        int timesWindowDays,
        TimeFigures firstResponse,
        TimeFigures resolution,
        List<WaitingTicket> oldestOpen,
        List<UrgencyAttainment> slaAttainmentByUrgency) {

    public DashboardFigures {
        ticketsByLocation = List.copyOf(ticketsByLocation);
        weeks = List.copyOf(weeks);
        oldestOpen = List.copyOf(oldestOpen);
        slaAttainmentByUrgency = List.copyOf(slaAttainmentByUrgency);
    }

    /** One location's tickets per status (every status present). */
    public record LocationCounts(long locationId, String locationName, Map<Status, Long> byStatus) {

        public LocationCounts {
            byStatus = Map.copyOf(byStatus);
        }

        public long count(Status status) {
            return byStatus.get(status);
        }
    }

    /** The week starting on Monday {@code weekStart}: tickets filed, and tickets resolved, in it. */
    public record WeekVolume(LocalDate weekStart, long created, long resolved) {}

    /**
     * A time over {@code tickets} tickets: its median and 90th percentile (nearest rank: the
     * smallest time that at least half, or nine tenths, of the tickets did not exceed); both null
     * when there were no tickets.
     */
    public record TimeFigures(long tickets, Duration median, Duration percentile90) {}

    /** A ticket that waits for staff. */
    public record WaitingTicket(long id, String subject, Status status, String locationName, Instant createdAt) {}

    /** Of the {@code measured} tickets of an urgency, how many met their targets (from the SLA clocks). */
    public record UrgencyAttainment(Urgency urgency, long met, long measured) {}
}
