package org.helpdesk.sla;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.security.Permissions;

/**
 * The administrators' SLA settings: the targets per urgency and each location's working time.
 * Each change is checked whole before anything is stored: one bad field (a zero target, an unknown
 * time zone, hours that close before they open, a malformed holiday) refuses the change, every
 * field at fault named at once. Changes apply to the clocks of tickets filed, or resumed, from
 * then on; stored due times stay as they were computed.
 */
@Stateless
@RolesAllowed(Permissions.ADMINISTER)
public class SlaAdministration {

    /** The most holidays one location keeps. */
    public static final int MAX_HOLIDAYS = 400;

    /** The longest target: a year of business days. */
    public static final int MAX_TARGET_MINUTES = 250 * 8 * 60;

    @PersistenceContext
    private EntityManager em;

    /** One urgency's targets, in minutes of working time. */
    public record TargetView(String urgency, long firstResponseMinutes, long resolutionMinutes, long version) {}

    /** One location's working time as the form edits it: hours as HH:mm, Monday first; blank: closed. */
    public record CalendarView(
            long locationId,
            String locationName,
            String timeZone,
            List<String> opens,
            List<String> closes,
            List<LocalDate> holidays,
            long version) {}

    /** A new working time for a location, as typed: holidays as ISO dates separated by commas or lines. */
    public record CalendarChange(
            String timeZone, List<String> opens, List<String> closes, String holidays, long expectedVersion) {}

    public List<TargetView> targets() {
        return em.createQuery(
                        "SELECT s FROM SlaTargetSetting s ORDER BY CASE s.urgency WHEN 'CRITICAL' THEN 0 "
                                + "WHEN 'HIGH' THEN 1 WHEN 'MEDIUM' THEN 2 ELSE 3 END",
                        SlaTargetSetting.class)
                .getResultStream()
                .map(setting -> new TargetView(
                        setting.getUrgency(),
                        setting.target().firstResponse().toMinutes(),
                        setting.target().resolution().toMinutes(),
                        setting.getVersion()))
                .toList();
    }

    /** Sets an urgency's two targets; each is more than zero and at most {@link #MAX_TARGET_MINUTES}. */
    public void changeTarget(String urgency, Long firstResponseMinutes, Long resolutionMinutes, long expectedVersion) {
        SlaTargetSetting setting = urgency == null
                ? null
                : em.find(SlaTargetSetting.class, urgency.strip().toUpperCase(Locale.ROOT));
        if (setting == null) {
            throw new NotFoundException(RefusalMessage.of("sla.urgency.unknown"));
        }
        Map<String, RefusalMessage> errors = new LinkedHashMap<>();
        requireMinutes(errors, "firstResponse", firstResponseMinutes);
        requireMinutes(errors, "resolution", resolutionMinutes);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireVersion(setting.getVersion(), expectedVersion);
        setting.change(new SlaTarget(Duration.ofMinutes(firstResponseMinutes), Duration.ofMinutes(resolutionMinutes)));
        flush();
    }

    public List<CalendarView> calendars() {
        return em.createQuery("SELECT c FROM LocationCalendar c ORDER BY c.name", LocationCalendar.class)
                .getResultStream()
                .map(SlaAdministration::view)
                .toList();
    }

    /**
     * Replaces a location's time zone, hours and holidays. Refused whole, with every field at
     * fault, for an unknown zone, a time that is not HH:mm, a day with only one of its two times,
     * hours that close before they open, a week without a working day, a malformed or repeated
     * holiday, more than {@link #MAX_HOLIDAYS} holidays.
     */
    public void changeCalendar(long locationId, CalendarChange change) {
        LocationCalendar calendar = em.find(LocationCalendar.class, locationId);
        if (calendar == null) {
            throw new NotFoundException(RefusalMessage.of("sla.location.unknown"));
        }
        Map<String, RefusalMessage> errors = new LinkedHashMap<>();
        ZoneId zone = zone(errors, change.timeZone());
        Map<DayOfWeek, BusinessCalendar.Hours> week = week(errors, change.opens(), change.closes());
        Set<LocalDate> holidays = holidays(errors, change.holidays());
        if (errors.isEmpty() && week.isEmpty()) {
            errors.put("hours", RefusalMessage.of("sla.hours.none"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        requireVersion(calendar.getVersion(), change.expectedVersion());
        calendar.replaceWith(new BusinessCalendar(zone, week, holidays), holidays);
        flush();
    }

    private static CalendarView view(LocationCalendar calendar) {
        List<String> opens = new ArrayList<>();
        List<String> closes = new ArrayList<>();
        Map<DayOfWeek, BusinessCalendar.Hours> week = calendar.week();
        for (DayOfWeek day : DayOfWeek.values()) {
            BusinessCalendar.Hours hours = week.get(day);
            opens.add(hours == null ? "" : hours.opens().toString());
            closes.add(hours == null ? "" : hours.closes().toString());
        }
        return new CalendarView(
                calendar.getId(),
                calendar.getName(),
                calendar.getTimeZone(),
                opens,
                closes,
                new TreeSet<>(calendar.getHolidays()).stream().toList(),
                calendar.getVersion());
    }

    private static void requireMinutes(Map<String, RefusalMessage> errors, String field, Long minutes) {
        if (minutes == null || minutes <= 0) {
            errors.put(field, RefusalMessage.of("sla.target.min"));
        } else if (minutes > MAX_TARGET_MINUTES) {
            errors.put(field, RefusalMessage.of("sla.target.max", MAX_TARGET_MINUTES));
        }
    }

    private static ZoneId zone(Map<String, RefusalMessage> errors, String name) {
        String trimmed = name == null ? "" : name.strip();
        try {
            if (!trimmed.isEmpty() && ZoneId.getAvailableZoneIds().contains(trimmed)) {
                return ZoneId.of(trimmed);
            }
        } catch (DateTimeException unknown) {
            // reported below
        }
        errors.put("timeZone", RefusalMessage.of("sla.zone.unknown"));
        return null;
    }

    private static Map<DayOfWeek, BusinessCalendar.Hours> week(
            Map<String, RefusalMessage> errors, List<String> opens, List<String> closes) {
        Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
        if (opens == null || closes == null || opens.size() != 7 || closes.size() != 7) {
            errors.put("hours", RefusalMessage.of("sla.hours.week"));
            return week;
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            String field = "hours." + day.name().toLowerCase(Locale.ROOT);
            String opensText = blankToEmpty(opens.get(day.ordinal()));
            String closesText = blankToEmpty(closes.get(day.ordinal()));
            if (opensText.isEmpty() && closesText.isEmpty()) {
                continue;
            }
            LocalTime opensAt = time(opensText);
            LocalTime closesAt = time(closesText);
            if (opensAt == null || closesAt == null) {
                errors.put(field, RefusalMessage.of("sla.hours.format"));
            } else if (!opensAt.isBefore(closesAt)) {
                errors.put(field, RefusalMessage.of("sla.hours.order"));
            } else {
                week.put(day, new BusinessCalendar.Hours(opensAt, closesAt));
            }
        }
        return week;
    }

    private static Set<LocalDate> holidays(Map<String, RefusalMessage> errors, String text) {
        Set<LocalDate> holidays = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return holidays;
        }
        for (String piece : text.strip().split("[,;\\s]+")) {
            LocalDate day;
            try {
                day = LocalDate.parse(piece);
            } catch (DateTimeParseException malformed) {
                errors.put("holidays", RefusalMessage.of("sla.holiday.format", shorten(piece)));
                return holidays;
            }
            if (!holidays.add(day)) {
                errors.put("holidays", RefusalMessage.of("sla.holiday.twice", day.toString()));
                return holidays;
            }
        }
        if (holidays.size() > MAX_HOLIDAYS) {
            errors.put("holidays", RefusalMessage.of("sla.holiday.tooMany", MAX_HOLIDAYS));
        }
        return holidays;
    }

    private static LocalTime time(String text) {
        if (!text.matches("\\d{2}:\\d{2}")) {
            return null;
        }
        try {
            return LocalTime.parse(text);
        } catch (DateTimeParseException malformed) {
            return null;
        }
    }

    private static String blankToEmpty(String text) {
        return text == null ? "" : text.strip();
    }

    private static String shorten(String text) {
        String printable = text.replaceAll("\\p{C}", "?");
        return printable.length() > 20 ? printable.substring(0, 20) + "…" : printable;
    }

    private static void requireVersion(long actual, long expected) {
        if (actual != expected) {
            throw new ConcurrentChangeException();
        }
    }

    private void flush() {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException();
        }
    }
}
