package org.helpdesk.it.browser;

import java.util.ArrayList;
import java.util.List;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Staff triage in a real browser, and what the requester then sees of it. */
@ExtendWith(ArquillianExtension.class)
class StaffBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void staffAssignCategoriseRespondAndNoteAndTheRequesterSeesTheResponseButNotTheNote() throws Exception {
        String subject = unique("Triage: VPN drops");
        long id = Given.ticketOf("alice", subject);
        Browser mark = browsers.signedIn("mark");

        mark.open("/staff/queue").type("q", subject).submit("filter");
        mark.followLink("[id='queue'] a[href$='/tickets/view/" + id + "']");
        TicketThread ticket = new TicketThread(mark).triage(null, "Mark Mendez", "Technical");
        assertEquals("The ticket was updated.", ticket.confirmation());
        ticket.respond("We are looking into it.");
        assertEquals("In Progress", ticket.status(), "Rule 8: a staff response starts the work");
        ticket.addNote("Probably the North Clinic firewall.");

        List<String> staffSees = ticket.conversation();
        assertEquals(1, ticket.internalNotes().size());
        String note = ticket.internalNotes().get(0);
        assertTrue(
                note.toLowerCase().contains("internal note") && note.contains("Probably the North Clinic firewall."),
                note);
        assertTrue(
                staffSees.stream().anyMatch(entry -> entry.contains("changed the status from Open to In Progress")),
                staffSees.toString());

        Browser alice = browsers.signedIn("alice");
        TicketThread requesterView = TicketThread.open(alice, id);
        String page = alice.pageText();
        assertAll(
                () -> assertEquals("In Progress", requesterView.status()),
                () -> assertTrue(requesterView.conversation().stream()
                        .anyMatch(entry -> entry.contains("We are looking into it."))),
                () -> assertFalse(page.contains("Probably the North Clinic firewall."), "the note is not shown"),
                () -> assertEquals(List.of(), requesterView.internalNotes()),
                () -> assertTrue(
                        page.contains("Mark Mendez") && page.contains("Technical"), "assignee and category shown"),
                () -> assertFalse(requesterView.hasStaffPanel(), "no triage panel for the requester"));
    }

    @Test
    void aCannedResponseIsInsertedFilledInForTheTicketEditedAndSent() throws Exception {
        String subject = unique("Canned: the printer jams");
        long id = Given.ticketOf("alice", subject);
        String title = unique("Printer steps");
        Browser mark = browsers.signedIn("mark");

        mark.open("/staff/responses")
                .type("template:title", title)
                .type("template:text", "Hello {requester.firstName}, about {ticket.number}: restart it. {staff.name}")
                .submit("template:save");
        assertTrue(mark.pageText().contains("The canned response was saved."), mark.pageText());

        TicketThread ticket = TicketThread.open(mark, id).insertCannedResponse(title + " (mine)");
        String filled = "Hello Alice, about #" + id + ": restart it. Mark Mendez";
        assertEquals(filled, ticket.responseText(), "filled in for this ticket and this staff member");
        assertEquals("Open", ticket.status(), "inserting sends nothing");

        mark.find("respond:text").sendKeys(" Then it works again.");
        mark.submit("respond:send");
        assertTrue(
                ticket.conversation().stream().anyMatch(entry -> entry.contains(filled + " Then it works again.")),
                ticket.conversation().toString());
        assertEquals("In Progress", ticket.status(), "sent as a staff response: Rule 8");

        Browser alice = browsers.signedIn("alice");
        assertTrue(TicketThread.open(alice, id).conversation().stream()
                .anyMatch(entry -> entry.contains(filled + " Then it works again.")));
    }

    @Test
    void theDashboardDrawsItsChartsUnderTheContentSecurityPolicyWithTheTablesNumbers() throws Exception {
        Given.ticketOf("alice", unique("Charted"));
        Browser mark = browsers.signedIn("mark");
        mark.console();

        mark.open("/staff/dashboard");

        for (String chart : List.of("byLocationChart", "weeksChart")) {
            assertTrue(drawn(mark, chart), chart + " is drawn: its script ran under the page's CSP");
        }
        List<String> refused = mark.console().stream()
                .filter(line -> line.contains("Content Security Policy") || line.startsWith("SEVERE"))
                .toList();
        assertEquals(List.of(), refused, "the console holds no CSP violation and no error");

        // The bars are the table's numbers: per status (datasets), per location (the table's rows).
        List<List<Long>> bars = chartData(mark, "byLocationChart");
        List<List<Long>> table = new ArrayList<>();
        for (int status = 0; status < 4; status++) {
            List<Long> column = new ArrayList<>();
            for (WebElement row : mark.findAll("#byLocation tbody tr")) {
                column.add(Long.valueOf(
                        row.findElements(By.tagName("td")).get(status).getText()));
            }
            table.add(column);
        }
        assertEquals(table, bars);
        List<List<Long>> lines = chartData(mark, "weeksChart");
        List<Long> created = mark.findAll("#weeks tbody tr").stream()
                .map(row ->
                        Long.valueOf(row.findElements(By.tagName("td")).get(0).getText()))
                .toList();
        assertEquals(created, lines.get(0));
        assertTrue(created.get(created.size() - 1) >= 1, "this week's filed tickets count the one filed above");
    }

    /** Whether the chart's canvas has any painted pixel, waiting up to 10 s for its first frame. */
    private static boolean drawn(Browser browser, String chartId) throws InterruptedException {
        for (int tries = 0; tries < 50; tries++) {
            Number painted = (Number) browser.script(
                    "var c = document.querySelector(\"[id='\" + arguments[0] + \"'] canvas\");"
                            + "if (!c || !c.width || !c.height) return 0;"
                            + "var d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data, n = 0;"
                            + "for (var i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n;",
                    chartId);
            if (painted.longValue() > 0) {
                return true;
            }
            Thread.sleep(200);
        }
        return false;
    }

    /** The numbers the chart draws, per dataset, as Chart.js holds them in PrimeFaces' widget. */
    @SuppressWarnings("unchecked")
    private static List<List<Long>> chartData(Browser browser, String chartId) {
        List<List<Object>> data = (List<List<Object>>) browser.script(
                "return PrimeFaces.getWidgetById(arguments[0]).chart.data.datasets.map(function (d) { return d.data; });",
                chartId);
        return data.stream()
                .map(values -> values.stream()
                        .map(value -> ((Number) value).longValue())
                        .toList())
                .toList();
    }

    @Test
    void staffResolveSeveralTicketsAtOnceFromTheQueue() throws Exception {
        String subject = unique("Bulk: printer toner");
        long first = Given.ticketOf("alice", subject + " 1");
        long second = Given.ticketOf("alice", subject + " 2");
        long untouched = Given.ticketOf("alice", subject + " 3");
        Browser mark = browsers.signedIn("mark");

        mark.open("/staff/queue").type("q", subject).submit("filter");
        assertTrue(mark.text("bulk").contains("All 3 tickets matching this filter"), mark.text("bulk"));
        mark.find("tick-" + first).click();
        mark.find("tick-" + second).click();
        mark.select("bulkChange", "Resolved").submit("bulk:applyBulk");

        assertTrue(mark.text("globalMessages").contains("2 tickets changed."), mark.text("globalMessages"));
        assertEquals("Resolved", statusInRowOf(mark, subject + " 1"));
        assertEquals("Resolved", statusInRowOf(mark, subject + " 2"));
        assertEquals("Open", statusInRowOf(mark, subject + " 3"), "#" + untouched + " was not ticked");
        Accessibility.check(mark, "staff queue after a bulk action");
    }

    /** The status a row of the queue shows: the table's rows hold the subject, then the status in words. */
    private static String statusInRowOf(Browser browser, String subject) {
        return browser.findAll("[id='queue'] tbody tr").stream()
                .filter(row -> row.getText().contains(subject))
                .map(row -> row.findElement(org.openqa.selenium.By.cssSelector(".hd-status"))
                        .getText()
                        .strip())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row of " + subject));
    }
}
