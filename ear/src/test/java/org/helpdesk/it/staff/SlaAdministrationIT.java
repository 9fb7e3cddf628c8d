package org.helpdesk.it.staff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.sla.SlaAdministration;
import org.helpdesk.sla.SlaAdministration.CalendarChange;
import org.helpdesk.sla.SlaAdministration.CalendarView;
import org.helpdesk.sla.SlaAdministration.TargetView;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrators' SLA settings: the defaults of V8, every kind of bad input refused with its
 * field and nothing stored, a good change used by the next ticket's clocks, and who may do it. The
 * East Clinic (no demo user files tickets there but olivia) is the one changed, and put back.
 */
@ExtendWith(ArquillianExtension.class)
class SlaAdministrationIT {

    private static final long EAST = 3;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private SlaAdministration administration;

    @Resource(lookup = "java:jboss/datasources/HelpdeskDS")
    private DataSource database;

    @AfterEach
    void putTheDefaultsBack() throws Exception {
        CalendarView east = east();
        Callers.run(
                "olivia",
                () -> administration.changeCalendar(
                        EAST, new CalendarChange("UTC", weekdays("09:00"), weekdays("17:00"), "", east.version())));
        TargetView low = low();
        Callers.run("olivia", () -> administration.changeTarget("LOW", 960L, 2400L, low.version()));
    }

    private CalendarView east() throws Exception {
        return Callers.as("olivia", administration::calendars).stream()
                .filter(calendar -> calendar.locationId() == EAST)
                .findFirst()
                .orElseThrow();
    }

    private TargetView low() throws Exception {
        return Callers.as("olivia", administration::targets).stream()
                .filter(target -> target.urgency().equals("LOW"))
                .findFirst()
                .orElseThrow();
    }

    private static List<String> weekdays(String time) {
        List<String> days = new ArrayList<>(Collections.nCopies(5, time));
        days.add("");
        days.add("");
        return days;
    }

    @Test
    void theDefaultsAreTheDesignsTargetsAndWeekdaysFromNineToFive() throws Exception {
        List<TargetView> targets = Callers.as("olivia", administration::targets);
        assertEquals(
                List.of("CRITICAL 60/240", "HIGH 240/480", "MEDIUM 480/1440", "LOW 960/2400"),
                targets.stream()
                        .map(t -> t.urgency() + " " + t.firstResponseMinutes() + "/" + t.resolutionMinutes())
                        .toList());
        CalendarView east = east();
        assertEquals("UTC", east.timeZone());
        assertEquals(weekdays("09:00"), east.opens());
        assertEquals(weekdays("17:00"), east.closes());
    }

    @Test
    void badInputIsRefusedWithItsFieldAndStoresNothing() throws Exception {
        CalendarView before = east();
        Map<String, CalendarChange> bad = Map.of(
                "holidays",
                change(before, "Europe/Berlin", "2026-12-25\n2026-13-45"),
                "timeZone",
                change(before, "Mars/Olympus_Mons", ""),
                "hours.monday",
                new CalendarChange("UTC", hours("17:00", "09:00"), hours("09:00", "17:00"), "", before.version()),
                "hours.tuesday",
                new CalendarChange("UTC", hours("09:00", "9am"), hours("17:00", "17:00"), "", before.version()));
        for (Map.Entry<String, CalendarChange> attempt : bad.entrySet()) {
            InvalidInputException refusal = assertThrows(
                    InvalidInputException.class,
                    () -> Callers.run("olivia", () -> administration.changeCalendar(EAST, attempt.getValue())));
            assertTrue(
                    refusal.fieldErrors().containsKey(attempt.getKey()),
                    attempt.getKey() + " named: " + refusal.fieldErrors());
        }
        CalendarChange closedAllWeek =
                new CalendarChange("UTC", Collections.nCopies(7, ""), Collections.nCopies(7, ""), "", before.version());
        assertThrows(
                InvalidInputException.class,
                () -> Callers.run("olivia", () -> administration.changeCalendar(EAST, closedAllWeek)));
        assertEquals(before, east(), "nothing stored");

        TargetView low = low();
        InvalidInputException zero = assertThrows(
                InvalidInputException.class,
                () -> Callers.run("olivia", () -> administration.changeTarget("LOW", 0L, -5L, low.version())));
        assertEquals(
                java.util.Set.of("firstResponse", "resolution"),
                zero.fieldErrors().keySet());
        assertEquals(low, low(), "nothing stored");
    }

    @Test
    void theNextTicketIsCountedInTheNewZoneHoursAndHolidays() throws Exception {
        CalendarView before = east();
        // Berlin, Monday to Friday 08:00 to 12:00; every day of the coming two weeks is a holiday
        // but one weekday after today.
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        LocalDate today = LocalDate.now(berlin);
        StringBuilder holidays = new StringBuilder();
        LocalDate workingDay = null;
        for (LocalDate day = today; day.isBefore(today.plusDays(14)); day = day.plusDays(1)) {
            if (workingDay == null && day.isAfter(today) && day.getDayOfWeek().getValue() <= 5) {
                workingDay = day;
            } else {
                holidays.append(day).append('\n');
            }
        }
        LocalDate nextAfterTheHolidays = today.plusDays(14);
        while (nextAfterTheHolidays.getDayOfWeek().getValue() > 5) {
            nextAfterTheHolidays = nextAfterTheHolidays.plusDays(1);
        }
        Callers.run(
                "olivia",
                () -> administration.changeCalendar(
                        EAST,
                        new CalendarChange(
                                "Europe/Berlin",
                                weekdays("08:00"),
                                weekdays("12:00"),
                                holidays.toString(),
                                before.version())));

        long id = fileTicket("olivia", EAST, uniqueSubject("SLA east"));

        // Medium: 8 working hours to the first response, 4 on the one working day, 4 on the next
        // working day after the holidays, ending at its noon in Berlin.
        assertEquals(nextAfterTheHolidays.atTime(12, 0).atZone(berlin).toInstant(), firstResponseDue(id));
    }

    private Instant firstResponseDue(long id) throws Exception {
        try (Connection connection = database.getConnection();
                PreparedStatement select =
                        connection.prepareStatement("SELECT first_response_due_at FROM ticket WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getObject(1, OffsetDateTime.class).toInstant();
            }
        }
    }

    @Test
    void onlyAdministratorsReadOrChangeTheSettings() throws Exception {
        for (String user : List.of("alice", "mark", "nora")) {
            assertThrows(EJBAccessException.class, () -> Callers.as(user, administration::targets), user);
            assertThrows(EJBAccessException.class, () -> Callers.as(user, administration::calendars), user);
            assertThrows(
                    EJBAccessException.class,
                    () -> Callers.run(user, () -> administration.changeTarget("LOW", 1L, 1L, 0)),
                    user);
        }
    }

    private static CalendarChange change(CalendarView view, String zone, String holidays) {
        return new CalendarChange(zone, view.opens(), view.closes(), holidays, view.version());
    }

    private static List<String> hours(String monday, String tuesday) {
        List<String> days = new ArrayList<>(weekdays("09:00"));
        days.set(0, monday);
        days.set(1, tuesday);
        return days;
    }
}
