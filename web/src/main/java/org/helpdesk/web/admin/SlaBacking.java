package org.helpdesk.web.admin;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.sla.SlaAdministration;
import org.helpdesk.sla.SlaAdministration.CalendarView;
import org.helpdesk.sla.SlaAdministration.TargetView;
import org.helpdesk.web.PageMessages;

/**
 * Backs admin/sla.xhtml: the targets per urgency and each location's time zone, hours and
 * holidays, as typed (strings), so that whatever is typed reaches {@link SlaAdministration}, which
 * decides; its refusal is shown beside the fields and nothing is stored.
 */
@Named
@ViewScoped
public class SlaBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private SlaAdministration administration;

    private transient List<TargetView> targets;
    private transient List<CalendarView> calendars;

    /** What the forms hold, by urgency or location id. */
    private Map<String, String> firstResponse = new HashMap<>();

    private Map<String, String> resolution = new HashMap<>();
    private Map<String, Long> targetVersions = new HashMap<>();
    private Map<Long, String> zones = new HashMap<>();
    private Map<Long, List<String>> opens = new HashMap<>();
    private Map<Long, List<String>> closes = new HashMap<>();
    private Map<Long, String> holidays = new HashMap<>();
    private Map<Long, Long> calendarVersions = new HashMap<>();

    @PostConstruct
    void load() {
        targets = administration.targets();
        calendars = administration.calendars();
        for (TargetView target : targets) {
            firstResponse.put(target.urgency(), String.valueOf(target.firstResponseMinutes()));
            resolution.put(target.urgency(), String.valueOf(target.resolutionMinutes()));
            targetVersions.put(target.urgency(), target.version());
        }
        for (CalendarView calendar : calendars) {
            zones.put(calendar.locationId(), calendar.timeZone());
            opens.put(calendar.locationId(), new ArrayList<>(calendar.opens()));
            closes.put(calendar.locationId(), new ArrayList<>(calendar.closes()));
            holidays.put(
                    calendar.locationId(),
                    calendar.holidays().stream().map(Object::toString).collect(Collectors.joining("\n")));
            calendarVersions.put(calendar.locationId(), calendar.version());
        }
    }

    public void saveTarget(String urgency) {
        String prefix = "targets:table:" + rowOf(urgency) + ":";
        try {
            administration.changeTarget(
                    urgency,
                    minutes(firstResponse.get(urgency)),
                    minutes(resolution.get(urgency)),
                    targetVersions.get(urgency));
            confirm("admin.sla.targetSaved");
            load();
        } catch (BusinessException refusal) {
            PageMessages.show(
                    refusal, Map.of("firstResponse", prefix + "firstResponse", "resolution", prefix + "resolution"));
        }
    }

    public void saveCalendar(long locationId) {
        String form = "calendar" + locationId + ":";
        try {
            administration.changeCalendar(
                    locationId,
                    new SlaAdministration.CalendarChange(
                            zones.get(locationId),
                            opens.get(locationId),
                            closes.get(locationId),
                            holidays.get(locationId),
                            calendarVersions.get(locationId)));
            confirm("admin.sla.calendarSaved");
            load();
        } catch (BusinessException refusal) {
            Map<String, String> clientIds = new HashMap<>();
            clientIds.put("timeZone", form + "zone");
            clientIds.put("holidays", form + "holidays");
            clientIds.put("hours", form + "zone");
            for (DayOfWeek day : DayOfWeek.values()) {
                clientIds.put(
                        "hours." + day.name().toLowerCase(Locale.ROOT), form + "days:" + day.ordinal() + ":opens");
            }
            PageMessages.show(refusal, clientIds);
        }
    }

    /** A number as typed; anything else is left for the EJB to refuse (as no target). */
    private static Long minutes(String typed) {
        try {
            return typed == null ? null : Long.valueOf(typed.strip());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private int rowOf(String urgency) {
        List<TargetView> all = getTargets();
        for (int row = 0; row < all.size(); row++) {
            if (all.get(row).urgency().equals(urgency)) {
                return row;
            }
        }
        return 0;
    }

    private static void confirm(String key) {
        String text = PageMessages.text(key);
        PageMessages.info(text, text);
    }

    public List<TargetView> getTargets() {
        if (targets == null) {
            targets = administration.targets();
        }
        return targets;
    }

    public List<CalendarView> getCalendars() {
        if (calendars == null) {
            calendars = administration.calendars();
        }
        return calendars;
    }

    /** The weekdays, Monday first, as the rows of a calendar's hours (index = DayOfWeek ordinal). */
    public List<DayOfWeek> getDays() {
        return List.of(DayOfWeek.values());
    }

    public Map<String, String> getFirstResponse() {
        return firstResponse;
    }

    public Map<String, String> getResolution() {
        return resolution;
    }

    public Map<Long, String> getZones() {
        return zones;
    }

    public Map<Long, List<String>> getOpens() {
        return opens;
    }

    public Map<Long, List<String>> getCloses() {
        return closes;
    }

    public Map<Long, String> getHolidays() {
        return holidays;
    }
}
