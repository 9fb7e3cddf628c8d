package org.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When a location works: its time zone, its opening hours per weekday (a day without hours is
 * closed) and its holidays. A service-level clock runs only inside these hours.
 *
 * <p>Hours are local times in the location's zone, so "09:00 to 17:00" stays that on either side of
 * a daylight-saving change; a day whose hours a change cuts into has that much less (or more) real
 * time.
 */
public final class BusinessCalendar {

    /** A calendar that never opens would make every due time endless: refused after this many days. */
    private static final int SEARCH_DAYS = 3 * 366;

    /** One weekday's opening hours, {@code opens} before {@code closes}, within one day. */
    public record Hours(LocalTime opens, LocalTime closes) {
        public Hours {
            Objects.requireNonNull(opens, "opens");
            Objects.requireNonNull(closes, "closes");
            if (!opens.isBefore(closes)) {
                throw new IllegalArgumentException(
                        "Opening hours must open before they close: " + opens + "–" + closes);
            }
        }
    }

    private final ZoneId zone;
    private final Map<DayOfWeek, Hours> week;
    private final Set<LocalDate> holidays;

    public BusinessCalendar(ZoneId zone, Map<DayOfWeek, Hours> week, Set<LocalDate> holidays) {
        this.zone = Objects.requireNonNull(zone, "zone");
        if (week.isEmpty()) {
            throw new IllegalArgumentException("A business calendar needs at least one working day");
        }
        this.week = new EnumMap<>(week);
        this.holidays = Set.copyOf(holidays);
    }

    /** Monday to Friday, the same hours each day. */
    public static BusinessCalendar weekdays(ZoneId zone, LocalTime opens, LocalTime closes, Set<LocalDate> holidays) {
        Map<DayOfWeek, Hours> week = new EnumMap<>(DayOfWeek.class);
        Hours hours = new Hours(opens, closes);
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                week.put(day, hours);
            }
        }
        return new BusinessCalendar(zone, week, holidays);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The opening hours per weekday; a closed day is absent. */
    public Map<DayOfWeek, Hours> week() {
        return Collections.unmodifiableMap(week);
    }

    public Set<LocalDate> holidays() {
        return holidays;
    }

    /**
     * The instant at which {@code workingTime} of working time has passed since {@code start}. A
     * start outside the hours counts from the next opening; no working time due means {@code start}.
     */
    public Instant plusWorkingTime(Instant start, Duration workingTime) {
        if (workingTime.isNegative()) {
            throw new IllegalArgumentException("Negative working time: " + workingTime);
        }
        if (workingTime.isZero()) {
            return start;
        }
        Duration remaining = workingTime;
        LocalDate day = start.atZone(zone).toLocalDate();
        for (int searched = 0; searched < SEARCH_DAYS; searched++, day = day.plusDays(1)) {
            Optional<Window> window = window(day);
            if (window.isEmpty() || !window.get().end().isAfter(start)) {
                continue;
            }
            Instant from = later(start, window.get().start());
            Duration available = Duration.between(from, window.get().end());
            if (remaining.compareTo(available) <= 0) {
                return from.plus(remaining);
            }
            remaining = remaining.minus(available);
        }
        throw new IllegalStateException("No working time within " + SEARCH_DAYS + " days of " + start);
    }

    /** The working time between two instants; zero when {@code end} is not after {@code start}. */
    public Duration workingTimeBetween(Instant start, Instant end) {
        Duration total = Duration.ZERO;
        LocalDate last = end.atZone(zone).toLocalDate();
        for (LocalDate day = start.atZone(zone).toLocalDate(); !day.isAfter(last); day = day.plusDays(1)) {
            Optional<Window> window = window(day);
            if (window.isPresent()) {
                Instant from = later(start, window.get().start());
                Instant until = earlier(end, window.get().end());
                if (until.isAfter(from)) {
                    total = total.plus(Duration.between(from, until));
                }
            }
        }
        return total;
    }

    /** Whether the location works on that (local) day at all. */
    public boolean isWorkingDay(LocalDate day) {
        return week.containsKey(day.getDayOfWeek()) && !holidays.contains(day);
    }

    private record Window(Instant start, Instant end) {}

    private Optional<Window> window(LocalDate day) {
        if (!isWorkingDay(day)) {
            return Optional.empty();
        }
        Hours hours = week.get(day.getDayOfWeek());
        return Optional.of(new Window(
                ZonedDateTime.of(day, hours.opens(), zone).toInstant(),
                ZonedDateTime.of(day, hours.closes(), zone).toInstant()));
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
