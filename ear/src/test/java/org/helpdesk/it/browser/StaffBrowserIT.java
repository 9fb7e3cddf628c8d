package org.helpdesk.it.browser;

import java.util.List;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

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
