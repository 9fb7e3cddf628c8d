package org.helpdesk.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A location's working time as stored on its row (V8__sla_clocks.sql): the time zone, opening
 * hours per weekday (both NULL: closed) and holidays. The location itself (its name, who works
 * there) is the directory's {@code Location}; this is the same row seen by the SLA clocks, so that
 * the directory knows nothing of them.
 */
@Entity
@Table(name = "location")
public class LocationCalendar {

    @Id
    private Long id;

    @Column(insertable = false, updatable = false)
    private String name;

    @Column(name = "time_zone", nullable = false, length = 60)
    private String timeZone;

    @Column(name = "mon_opens")
    private LocalTime mondayOpens;

    @Column(name = "mon_closes")
    private LocalTime mondayCloses;

    @Column(name = "tue_opens")
    private LocalTime tuesdayOpens;

    @Column(name = "tue_closes")
    private LocalTime tuesdayCloses;

    @Column(name = "wed_opens")
    private LocalTime wednesdayOpens;

    @Column(name = "wed_closes")
    private LocalTime wednesdayCloses;

    @Column(name = "thu_opens")
    private LocalTime thursdayOpens;

    @Column(name = "thu_closes")
    private LocalTime thursdayCloses;

    @Column(name = "fri_opens")
    private LocalTime fridayOpens;

    @Column(name = "fri_closes")
    private LocalTime fridayCloses;

    @Column(name = "sat_opens")
    private LocalTime saturdayOpens;

    @Column(name = "sat_closes")
    private LocalTime saturdayCloses;

    @Column(name = "sun_opens")
    private LocalTime sundayOpens;

    @Column(name = "sun_closes")
    private LocalTime sundayCloses;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "location_holiday", joinColumns = @JoinColumn(name = "location_id"))
    @Column(name = "holiday", nullable = false)
    private Set<LocalDate> holidays = new TreeSet<>();

    @Version
    @Column(name = "calendar_version")
    private long version;

    protected LocationCalendar() {}

    public BusinessCalendar businessCalendar() {
        return new BusinessCalendar(ZoneId.of(timeZone), week(), holidays);
    }

    /** The opening hours per weekday; a closed day is absent. */
    public Map<DayOfWeek, BusinessCalendar.Hours> week() {
        Map<DayOfWeek, BusinessCalendar.Hours> week = new EnumMap<>(DayOfWeek.class);
        put(week, DayOfWeek.MONDAY, mondayOpens, mondayCloses);
        put(week, DayOfWeek.TUESDAY, tuesdayOpens, tuesdayCloses);
        put(week, DayOfWeek.WEDNESDAY, wednesdayOpens, wednesdayCloses);
        put(week, DayOfWeek.THURSDAY, thursdayOpens, thursdayCloses);
        put(week, DayOfWeek.FRIDAY, fridayOpens, fridayCloses);
        put(week, DayOfWeek.SATURDAY, saturdayOpens, saturdayCloses);
        put(week, DayOfWeek.SUNDAY, sundayOpens, sundayCloses);
        return week;
    }

    private static void put(
            Map<DayOfWeek, BusinessCalendar.Hours> week, DayOfWeek day, LocalTime opens, LocalTime closes) {
        if (opens != null && closes != null) {
            week.put(day, new BusinessCalendar.Hours(opens, closes));
        }
    }

    /**
     * Replaces the whole calendar with one already checked ({@link BusinessCalendar} refuses a zone
     * that does not exist, hours that close before they open and a week without a working day).
     */
    void replaceWith(BusinessCalendar calendar, Set<LocalDate> newHolidays) {
        Map<DayOfWeek, BusinessCalendar.Hours> week = calendar.week();
        timeZone = calendar.zone().getId();
        mondayOpens = opens(week, DayOfWeek.MONDAY);
        mondayCloses = closes(week, DayOfWeek.MONDAY);
        tuesdayOpens = opens(week, DayOfWeek.TUESDAY);
        tuesdayCloses = closes(week, DayOfWeek.TUESDAY);
        wednesdayOpens = opens(week, DayOfWeek.WEDNESDAY);
        wednesdayCloses = closes(week, DayOfWeek.WEDNESDAY);
        thursdayOpens = opens(week, DayOfWeek.THURSDAY);
        thursdayCloses = closes(week, DayOfWeek.THURSDAY);
        fridayOpens = opens(week, DayOfWeek.FRIDAY);
        fridayCloses = closes(week, DayOfWeek.FRIDAY);
        saturdayOpens = opens(week, DayOfWeek.SATURDAY);
        saturdayCloses = closes(week, DayOfWeek.SATURDAY);
        sundayOpens = opens(week, DayOfWeek.SUNDAY);
        sundayCloses = closes(week, DayOfWeek.SUNDAY);
        holidays.clear();
        holidays.addAll(newHolidays);
    }

    private static LocalTime opens(Map<DayOfWeek, BusinessCalendar.Hours> week, DayOfWeek day) {
        return week.containsKey(day) ? week.get(day).opens() : null;
    }

    private static LocalTime closes(Map<DayOfWeek, BusinessCalendar.Hours> week, DayOfWeek day) {
        return week.containsKey(day) ? week.get(day).closes() : null;
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public Set<LocalDate> getHolidays() {
        return Set.copyOf(holidays);
    }

    public long getVersion() {
        return version;
    }
}
