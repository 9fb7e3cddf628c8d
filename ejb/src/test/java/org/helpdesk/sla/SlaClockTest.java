package org.helpdesk.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;

import org.helpdesk.sla.SlaClock.Reading;
import org.helpdesk.sla.SlaClock.State;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A ticket's clocks in a location working Monday to Friday, 09:00 to 17:00, Europe/Berlin. */
class SlaClockTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar OFFICE =
            BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), Set.of());

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    private static SlaClock oneBusinessDayFrom(String filed) {
        return SlaClock.start(OFFICE, berlin(filed), SlaTarget.BUSINESS_DAY);
    }

    @Test
    void aTicketResolvedAndReopenedGetsTheTimeItWaitedForItsRequesterBack() {
        // Filed Monday 09:00; 4 h of 8 used when resolved Monday 13:00; reopened Wednesday 15:00.
        SlaClock paused = oneBusinessDayFrom("2026-06-01T09:00").pause(berlin("2026-06-01T13:00"));
        assertEquals(State.PAUSED, paused.read(berlin("2026-06-10T09:00")).state(), "no breach while it waits");
        assertEquals(Optional.empty(), paused.runningDue());
        SlaClock resumed = paused.resume(OFFICE, berlin("2026-06-03T15:00"));
        assertEquals(berlin("2026-06-04T11:00"), resumed.due(), "Wednesday 15:00 + 2 h, then 2 h on Thursday");
        assertEquals(Optional.of(berlin("2026-06-04T11:00")), resumed.runningDue());
    }

    @Test
    void aPauseAfterTheDueTimeDoesNotMendABrokenPromise() {
        SlaClock oneHour = SlaClock.start(OFFICE, berlin("2026-06-01T09:00"), Duration.ofHours(1));
        SlaClock resumed = oneHour.pause(berlin("2026-06-01T12:00")).resume(OFFICE, berlin("2026-06-02T09:00"));
        assertEquals(berlin("2026-06-01T10:00"), resumed.due());
        assertEquals(State.OVERDUE, resumed.read(berlin("2026-06-02T09:00")).state());
    }

    @Test
    void pausesOutsideTheHoursChangeNothingAndSeveralPausesAddUp() {
        SlaClock fridayAfternoon = oneBusinessDayFrom("2026-06-05T15:00");
        assertEquals(berlin("2026-06-08T15:00"), fridayAfternoon.due());
        assertEquals(
                berlin("2026-06-08T15:00"),
                fridayAfternoon
                        .pause(berlin("2026-06-06T10:00"))
                        .resume(OFFICE, berlin("2026-06-07T10:00"))
                        .due(),
                "a pause on the weekend, before the due time: no working time stood still");
        SlaClock friday = oneBusinessDayFrom("2026-06-05T09:00");
        SlaClock twice = friday.pause(berlin("2026-06-05T10:00"))
                .resume(OFFICE, berlin("2026-06-05T12:00"))
                .pause(berlin("2026-06-08T10:00"))
                .resume(OFFICE, berlin("2026-06-08T11:00"));
        assertEquals(berlin("2026-06-08T12:00"), twice.due(), "2 h + 1 h moved on");
    }

    @Test
    void aPauseOnTheWeekendAfterTheDueTimeChangesNothing() {
        SlaClock friday = oneBusinessDayFrom("2026-06-05T09:00");
        assertEquals(berlin("2026-06-05T17:00"), friday.due());
        SlaClock resumed = friday.pause(berlin("2026-06-06T10:00")).resume(OFFICE, berlin("2026-06-07T10:00"));
        assertEquals(berlin("2026-06-05T17:00"), resumed.due());
    }

    @Test
    void aClockStoppedByItsDueTimeIsMetAndLaterIsMissed() {
        Instant now = berlin("2026-06-10T09:00");
        Reading met = oneBusinessDayFrom("2026-06-01T09:00")
                .stop(berlin("2026-06-01T17:00"))
                .read(now);
        Reading missed = oneBusinessDayFrom("2026-06-01T09:00")
                .stop(berlin("2026-06-02T09:01"))
                .read(now);
        assertEquals(State.MET, met.state());
        assertFalse(met.breached());
        assertEquals(Optional.empty(), met.leftAt(now));
        assertEquals(State.MISSED, missed.state());
        assertTrue(missed.breached());
        assertEquals(berlin("2026-06-01T17:00"), missed.due());
        assertEquals(berlin("2026-06-02T09:01"), missed.stoppedAt());
    }

    @Test
    void aTicketResolvedInTimeAndClosedLaterMetItsPromise() {
        SlaClock closed = oneBusinessDayFrom("2026-06-01T09:00")
                .pause(berlin("2026-06-01T16:00"))
                .stop(berlin("2026-06-09T09:00"));
        assertEquals(State.MET, closed.read(berlin("2026-06-10T09:00")).state());
        assertEquals(berlin("2026-06-01T16:00"), closed.stoppedAt(), "resolved, then closed: resolved counts");
        assertSame(closed, closed.stop(berlin("2026-06-11T09:00")), "a second stop changes nothing");
    }

    @Test
    void aClosedTicketReopenedRunsAgainWithWhatWasLeft() {
        SlaClock reopened = oneBusinessDayFrom("2026-06-01T09:00")
                .stop(berlin("2026-06-01T15:00"))
                .resume(OFFICE, berlin("2026-06-02T09:00"));
        assertTrue(reopened.isRunning());
        assertEquals(berlin("2026-06-02T11:00"), reopened.due());
    }

    @Test
    void aRunningClockTellsTheTimeLeftOrHowLongItIsOverdue() {
        SlaClock clock = oneBusinessDayFrom("2026-06-01T09:00");
        Reading running = clock.read(berlin("2026-06-01T16:00"));
        Reading overdue = clock.read(berlin("2026-06-01T19:30"));
        assertEquals(State.RUNNING, running.state());
        assertEquals(Optional.of(Duration.ofHours(1)), running.leftAt(berlin("2026-06-01T16:00")));
        assertEquals(State.OVERDUE, overdue.state());
        assertTrue(overdue.breached());
        assertEquals(Optional.of(Duration.ofMinutes(-150)), overdue.leftAt(berlin("2026-06-01T19:30")));
    }

    @Test
    void aTicketFiledOnFridayEveningIsDueOnMonday() {
        SlaClock critical = SlaClock.start(OFFICE, berlin("2026-06-05T18:30"), Duration.ofHours(1));
        assertEquals(berlin("2026-06-08T10:00"), critical.due());
    }

    @Test
    void targetsAreMoreThanZeroAndAClockIsNotPausedAndStoppedAtOnce() {
        assertEquals(Duration.ofHours(24), SlaTarget.BUSINESS_DAY.multipliedBy(3));
        assertThrows(IllegalArgumentException.class, () -> new SlaTarget(Duration.ZERO, Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new SlaTarget(Duration.ofHours(1), Duration.ofMinutes(-1)));
        Instant now = berlin("2026-06-01T09:00");
        assertThrows(IllegalArgumentException.class, () -> new SlaClock(now, now, now));
    }
}
