package org.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One service-level clock of a ticket as it is stored: its due time, and whether it stands still
 * (paused since a moment, or stopped at one). It starts when the ticket is filed and runs only
 * inside the location's working hours ({@link BusinessCalendar}); a pause (a ticket resolved and
 * waiting for its requester) keeps the working time that was left and gives it back from the
 * moment it resumes; a stop (the first staff response, or the ticket closed) ends it. A stopped
 * clock is read against the due time it had: met if it stopped by then, missed if later.
 *
 * <p>The state is three instants, so that the due time of a running clock is a column the queue
 * can filter and sort on with an index; every change of it is one of the methods here.
 */
public record SlaClock(Instant due, Instant pausedAt, Instant stoppedAt) {

    public enum State {
        /** Running, due time still ahead. */
        RUNNING,
        /** Running past its due time: the promise is broken. */
        OVERDUE,
        /** Standing still until the ticket is reopened. */
        PAUSED,
        /** Stopped by its due time. */
        MET,
        /** Stopped after its due time. */
        MISSED
    }

    /** What the clock says at one moment: its state, its due time and, if stopped, when. */
    public record Reading(State state, Instant due, Instant stoppedAt) {

        /** Whether the promise was or is broken. */
        public boolean breached() {
            return state == State.OVERDUE || state == State.MISSED;
        }

        /** Time until the due time, negative when overdue; empty for a clock that does not run. */
        public Optional<Duration> leftAt(Instant now) {
            return state == State.RUNNING || state == State.OVERDUE
                    ? Optional.of(Duration.between(now, due))
                    : Optional.empty();
        }
    }

    public SlaClock {
        Objects.requireNonNull(due, "due");
        if (pausedAt != null && stoppedAt != null) {
            throw new IllegalArgumentException("A clock is either paused or stopped, not both");
        }
    }

    /** The clock of a ticket filed at {@code filed}: due after {@code target} of working time. */
    public static SlaClock start(BusinessCalendar calendar, Instant filed, Duration target) {
        return new SlaClock(calendar.plusWorkingTime(filed, target), null, null);
    }

    public boolean isRunning() {
        return pausedAt == null && stoppedAt == null;
    }

    /** The due time while the clock runs; empty while it is paused or stopped. */
    public Optional<Instant> runningDue() {
        return isRunning() ? Optional.of(due) : Optional.empty();
    }

    /** Stands still from {@code now}; a paused or stopped clock stays as it is. */
    public SlaClock pause(Instant now) {
        return isRunning() ? new SlaClock(due, now, null) : this;
    }

    /**
     * Ends the clock. A paused clock ends at the moment it was paused (a ticket resolved and then
     * closed was resolved when it was resolved); a stopped one keeps its stop.
     */
    public SlaClock stop(Instant now) {
        if (stoppedAt != null) {
            return this;
        }
        return new SlaClock(due, null, pausedAt != null ? pausedAt : now);
    }

    /**
     * Runs again from {@code now} with the working time that was left when it stood still. A clock
     * that stood still after its due time keeps that due time: the promise was broken before.
     */
    public SlaClock resume(BusinessCalendar calendar, Instant now) {
        if (isRunning()) {
            return this;
        }
        Instant since = pausedAt != null ? pausedAt : stoppedAt;
        if (!due.isAfter(since)) {
            return new SlaClock(due, null, null);
        }
        Duration left = calendar.workingTimeBetween(since, due);
        return new SlaClock(calendar.plusWorkingTime(later(now, since), left), null, null);
    }

    /** The clock at {@code now}. */
    public Reading read(Instant now) {
        if (stoppedAt != null) {
            return new Reading(stoppedAt.isAfter(due) ? State.MISSED : State.MET, due, stoppedAt);
        }
        if (pausedAt != null) {
            return new Reading(State.PAUSED, due, null);
        }
        return new Reading(now.isAfter(due) ? State.OVERDUE : State.RUNNING, due, null);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
