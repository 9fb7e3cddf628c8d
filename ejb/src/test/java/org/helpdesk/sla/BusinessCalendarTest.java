package org.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Working time in a location's calendar: Monday to Friday, 09:00 to 17:00, Europe/Berlin. */
class BusinessCalendarTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final BusinessCalendar OFFICE = office(Set.of());

    private static BusinessCalendar office(Set<LocalDate> holidays) {
        return BusinessCalendar.weekdays(BERLIN, LocalTime.of(9, 0), LocalTime.of(17, 0), holidays);
    }

    /** A local time in Berlin, e.g. "2026-06-01T10:00" (a Monday). */
    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void workingTimeWithinOneDayEndsThatDay() {
        assertEquals(
                berlin("2026-06-01T14:00"), OFFICE.plusWorkingTime(berlin("2026-06-01T10:00"), Duration.ofHours(4)));
    }

    @Test
    void whatIsLeftAtClosingGoesOnAtTheNextOpening() {
        assertEquals(
                berlin("2026-06-02T11:00"), OFFICE.plusWorkingTime(berlin("2026-06-01T15:00"), Duration.ofHours(4)));
    }

    @Test
    void theWeekendDoesNotCount() {
        assertEquals(
                berlin("2026-06-08T10:00"), OFFICE.plusWorkingTime(berlin("2026-06-05T16:00"), Duration.ofHours(2)));
        assertEquals(
                Duration.ofHours(4), OFFICE.workingTimeBetween(berlin("2026-06-05T15:00"), berlin("2026-06-08T11:00")));
    }

    @Test
    void aTicketFiledOutsideTheHoursStartsAtTheNextOpening() {
        assertEquals(
                berlin("2026-06-08T10:00"),
                OFFICE.plusWorkingTime(berlin("2026-06-06T20:00"), Duration.ofHours(1)),
                "Saturday evening");
        assertEquals(
                berlin("2026-06-02T10:00"),
                OFFICE.plusWorkingTime(berlin("2026-06-02T06:00"), Duration.ofHours(1)),
                "before opening");
        assertEquals(
                berlin("2026-06-03T10:00"),
                OFFICE.plusWorkingTime(berlin("2026-06-02T18:00"), Duration.ofHours(1)),
                "after closing");
        assertEquals(
                berlin("2026-06-02T17:00"),
                OFFICE.plusWorkingTime(berlin("2026-06-02T16:00"), Duration.ofHours(1)),
                "exactly used up at closing: due at closing, not the next morning");
    }

    @Test
    void holidaysDoNotCount() {
        BusinessCalendar withHoliday = office(Set.of(LocalDate.parse("2026-06-05")));
        assertEquals(
                berlin("2026-06-08T10:00"),
                withHoliday.plusWorkingTime(berlin("2026-06-04T16:00"), Duration.ofHours(2)));
        assertFalse(withHoliday.isWorkingDay(LocalDate.parse("2026-06-05")));
        assertTrue(withHoliday.isWorkingDay(LocalDate.parse("2026-06-04")));
    }

    @Test
    void openingHoursStayLocalAcrossTheSpringChange() {
        // Sunday 29 March 2026, 02:00 → 03:00: Monday opens at 09:00 CEST, 07:00 UTC (Friday was 08:00 UTC).
        Instant due = OFFICE.plusWorkingTime(berlin("2026-03-27T16:00"), Duration.ofHours(2));
        assertEquals(Instant.parse("2026-03-30T08:00:00Z"), due);
        assertEquals(berlin("2026-03-30T10:00"), due);
    }

    @Test
    void openingHoursStayLocalAcrossTheAutumnChange() {
        // Sunday 25 October 2026, 03:00 → 02:00: Monday 10:00 CET is 09:00 UTC.
        assertEquals(
                Instant.parse("2026-10-26T09:00:00Z"),
                OFFICE.plusWorkingTime(berlin("2026-10-23T16:00"), Duration.ofHours(2)));
    }

    @Test
    void hoursThatTheChangeCutsIntoHaveThatMuchLessRealTime() {
        BusinessCalendar nights = new BusinessCalendar(
                BERLIN,
                Map.of(DayOfWeek.SUNDAY, new BusinessCalendar.Hours(LocalTime.of(1, 0), LocalTime.of(5, 0))),
                Set.of());
        assertEquals(
                Duration.ofHours(3),
                nights.workingTimeBetween(berlin("2026-03-28T12:00"), berlin("2026-03-30T12:00")),
                "01:00–05:00 on the night the clocks go forward");
        assertEquals(
                Duration.ofHours(5),
                nights.workingTimeBetween(berlin("2026-10-24T12:00"), berlin("2026-10-26T12:00")),
                "01:00–05:00 on the night the clocks go back");
    }

    @Test
    void workingTimeBetweenUndoesPlusWorkingTime() {
        SplittableRandom random = new SplittableRandom(11);
        Instant base = berlin("2026-01-01T00:00");
        for (int i = 0; i < 500; i++) {
            Instant start = base.plus(Duration.ofMinutes(random.nextLong(60L * 24 * 365)));
            Duration amount = Duration.ofMinutes(1 + random.nextLong(60L * 8 * 10));
            Instant end = OFFICE.plusWorkingTime(start, amount);
            assertEquals(amount, OFFICE.workingTimeBetween(start, end), "from " + start + " plus " + amount);
        }
    }

    @Test
    void noWorkingTimeDueIsTheStartItself() {
        Instant saturday = berlin("2026-06-06T20:00");
        assertEquals(saturday, OFFICE.plusWorkingTime(saturday, Duration.ZERO));
        assertEquals(Duration.ZERO, OFFICE.workingTimeBetween(saturday, saturday.minusSeconds(60)));
    }

    @Test
    void aCalendarThatCannotWorkIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BusinessCalendar(BERLIN, Map.of(), Set.of()));
        assertThrows(
                IllegalArgumentException.class,
                () -> new BusinessCalendar.Hours(LocalTime.of(17, 0), LocalTime.of(9, 0)));
        assertThrows(
                IllegalArgumentException.class,
                () -> OFFICE.plusWorkingTime(berlin("2026-06-01T10:00"), Duration.ofHours(-1)));
    }
}
