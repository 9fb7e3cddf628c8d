package org.helpdesk.it.browser;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Keys;

import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every page, as the people who see it see it, passes the {@link Accessibility} checks (axe-core,
 * field names, statuses in words); and the Get Support form works with the keyboard alone.
 */
@ExtendWith(ArquillianExtension.class)
class AccessibilityBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void signIn() throws Exception {
        Browser anonymous = browsers.anonymous().open("/login");

        Accessibility.check(anonymous, "sign in");
    }

    @Test
    void myTickets() throws Exception {
        Given.ticketOf("alice", unique("Listed"));
        Browser alice = browsers.signedIn("alice");

        MyTickets.open(alice);

        Accessibility.check(alice, "my tickets");
    }

    @Test
    void getSupportWithItsValidationMessages() throws Exception {
        Browser alice = browsers.signedIn("alice");
        TicketForm.open(alice);

        alice.submitInPlace(TicketForm.SUBMIT);

        assertTrue(alice.pageText().contains("Enter a subject."), "the messages show");
        Accessibility.check(alice, "get support, validation messages");
    }

    @Test
    void getSupportWithoutALocation() throws Exception {
        Browser lou = browsers.signedIn("lou");

        TicketForm.open(lou);

        Accessibility.check(lou, "get support, no location");
    }

    @Test
    void aTicketAsItsRequester() throws Exception {
        long id = Given.ticketOf("alice", unique("Thread"));
        Browser alice = browsers.signedIn("alice");

        TicketThread.open(alice, id).respond("A response with a confirmation above it.");

        Accessibility.check(alice, "ticket, requester");
    }

    @Test
    void aTicketAsStaffWithAnInternalNote() throws Exception {
        long id = Given.ticketOf("alice", unique("Thread for staff"));
        Browser mark = browsers.signedIn("mark");

        TicketThread.open(mark, id).addNote("Only staff read this.");

        Accessibility.check(mark, "ticket, staff");
    }

    @Test
    void theStaffQueue() throws Exception {
        Given.ticketOf("alice", unique("Queued"));
        Browser mark = browsers.signedIn("mark");

        mark.open("/staff/queue");

        Accessibility.check(mark, "staff queue");
    }

    @Test
    void theDashboard() throws Exception {
        Given.ticketOf("alice", unique("On the dashboard"));
        Browser mark = browsers.signedIn("mark");

        mark.open("/staff/dashboard");
        assertTrue(mark.isShown("byLocation"), "the dashboard, not an error page");

        Accessibility.check(mark, "staff dashboard");
    }

    @Test
    void theCannedResponsesWithSharedAndPersonalOnes() throws Exception {
        Given.cannedResponseOf("olivia", unique("Shared greeting"), "Hello {requester.firstName}", true);
        Given.cannedResponseOf("olivia", unique("My sign-off"), "Regards, {staff.name}", false);
        Browser olivia = browsers.signedIn("olivia");

        olivia.open("/staff/responses");
        assertTrue(olivia.isShown("template:title"), "the canned responses page, not an error page");

        Accessibility.check(olivia, "canned responses");
    }

    @Test
    void aTicketAsStaffWithACannedResponseInserted() throws Exception {
        String title = unique("Inserted");
        Given.cannedResponseOf("mark", title, "Hello {requester.firstName}", false);
        long id = Given.ticketOf("alice", unique("Thread with a canned response"));
        Browser mark = browsers.signedIn("mark");

        TicketThread.open(mark, id).insertCannedResponse(title + " (mine)");

        Accessibility.check(mark, "ticket, staff, canned response inserted");
    }

    @Test
    void theCategoriesAdministration() throws Exception {
        Browser olivia = browsers.signedIn("olivia");

        olivia.open("/admin/categories");
        assertTrue(olivia.isShown("newCategory:name"), "the administration page, not an error page");

        Accessibility.check(olivia, "admin categories");
    }

    @Test
    void theSlaAdministration() throws Exception {
        Browser olivia = browsers.signedIn("olivia");

        olivia.open("/admin/sla");
        assertTrue(olivia.isShown("calendar1:zone"), "the administration page, not an error page");

        Accessibility.check(olivia, "admin SLA");
    }

    @Test
    void theUsersAdministration() throws Exception {
        Browser olivia = browsers.signedIn("olivia");

        olivia.open("/admin/users");
        assertTrue(olivia.isShown("mappingHeading"), "the administration page, not an error page");

        Accessibility.check(olivia, "admin users");
    }

    @Test
    void theAccessDeniedPage() throws Exception {
        Browser alice = browsers.signedIn("alice");

        alice.open("/staff/queue");

        assertEquals("Access denied", alice.heading());
        Accessibility.check(alice, "access denied (403)");
    }

    @Test
    void theNotFoundPage() throws Exception {
        Browser alice = browsers.signedIn("alice");

        alice.open("/tickets/view/999999999");

        assertEquals("Not found", alice.heading());
        Accessibility.check(alice, "not found (404)");
    }

    @Test
    void theGetSupportFormIsFilledAndSubmittedWithTheKeyboardAlone() throws Exception {
        Browser alice = browsers.signedIn("alice");
        String subject = unique("Keyboard only");
        TicketForm.open(alice);

        alice.tabTo(TicketForm.SUBJECT)
                .press(subject)
                .press(Keys.TAB)
                .press("Filed without a mouse.")
                .press(Keys.TAB);
        assertEquals(TicketForm.URGENCY + "_label", alice.focusedId(), "Tab reaches the urgency menu");
        // In a closed PrimeFaces menu the arrow keys choose: Choose…, Low, Medium.
        alice.press(Keys.ARROW_DOWN, Keys.ARROW_DOWN).press(Keys.TAB);
        assertEquals(TicketForm.LOCATION + "_label", alice.focusedId(), "Tab reaches the location menu");
        alice.press(Keys.ARROW_DOWN);
        alice.tabTo(TicketForm.SUBMIT).pressToSubmit(Keys.ENTER);

        TicketThread ticket = new TicketThread(alice);
        assertTrue(alice.path().startsWith("/tickets/view/"), alice.path());
        assertEquals(subject, ticket.subject());
        assertTrue(
                alice.pageText().contains("Medium") && alice.pageText().contains("North Clinic"),
                "urgency and location chosen");
    }
}
