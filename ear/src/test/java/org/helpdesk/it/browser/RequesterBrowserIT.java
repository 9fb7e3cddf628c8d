package org.helpdesk.it.browser;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requester's scenarios (A, B, C, FAQ 1 and 3) and the pages a requester may not see, in a real browser. */
@ExtendWith(ArquillianExtension.class)
class RequesterBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void scenarioA_submitWithTwoAttachmentsAndSeeItOpenInTheList() throws Exception {
        Browser alice = browsers.signedIn("alice");
        String subject = unique("Scenario A: the printer jams");
        Path photo = Files.write(folder.resolve("jam.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G'});
        Path log = Files.writeString(folder.resolve("printer.log"), "E42 paper jam", StandardCharsets.UTF_8);

        TicketThread ticket = TicketForm.open(alice)
                .fill(subject, "The printer on the second floor jams on every page.", "High", "North Clinic")
                .attach(photo, log)
                .submit();

        assertTrue(ticket.confirmation().contains("#" + ticket.id() + " was created"), ticket.confirmation());
        assertEquals("Open", ticket.status());
        assertEquals(
                List.of("jam.png", "printer.log"),
                ticket.fileNames().stream().sorted().toList());
        assertEquals(
                List.of(new MyTickets.Row(ticket.id(), subject, "Open")),
                MyTickets.open(alice).search(subject, "All statuses").rows());
    }

    @Test
    void scenarioB_searchAndFilterByStatusOpenAndRespond() throws Exception {
        String marker = unique("Scenario B");
        long open = Given.ticketOf("alice", marker + " VPN drops");
        long resolved = Given.ticketOf("alice", marker + " VPN question answered");
        Given.statusSet("mark", resolved, "RESOLVED");
        Browser alice = browsers.signedIn("alice");

        MyTickets list = MyTickets.open(alice).search(marker, "Open");
        assertEquals(List.of(open), list.rows().stream().map(MyTickets.Row::id).toList(), "only the open one");
        TicketThread ticket = list.viewDetails(open).respond("It dropped again at 10:15.");

        assertEquals("/tickets/view/" + open, alice.path());
        assertEquals("Your response was added.", ticket.confirmation());
        assertTrue(
                ticket.conversation().stream().anyMatch(entry -> entry.contains("It dropped again at 10:15.")),
                ticket.conversation().toString());
    }

    @Test
    void scenarioC_updateTheRequestAndSeeTheChangeInTheHistory() throws Exception {
        String before = unique("Scenario C: printer");
        long id = Given.ticketOf("alice", before);
        String after = unique("Scenario C: printer on floor 2");
        Browser alice = browsers.signedIn("alice");

        TicketThread ticket = TicketThread.open(alice, id).updateRequest(after, "Only the one on the second floor.");

        assertEquals("Your request was updated.", ticket.confirmation());
        assertEquals(after, ticket.subject());
        List<String> history = ticket.showChanges().conversation();
        String subjectChange = history.stream()
                .filter(entry -> entry.startsWith("Alice Archer changed the subject"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no subject change in " + history));
        assertTrue(subjectChange.contains(before) && subjectChange.contains(after), subjectChange);
        assertTrue(history.stream().anyMatch(entry -> entry.startsWith("Alice Archer changed the details")));
    }

    @Test
    void faq1_aRequesterWithoutLocationIsWarnedAndCannotSubmit() throws Exception {
        Browser lou = browsers.signedIn("lou");

        TicketForm.open(lou);
        lou.type(TicketForm.SUBJECT, "I need help").type(TicketForm.DETAILS, "Anything at all.");

        assertTrue(lou.text(TicketForm.NO_LOCATION_WARNING).contains("no location access"));
        assertFalse(lou.find(TicketForm.SUBMIT).isEnabled(), "Submit is disabled");
    }

    @Test
    void faq3_respondOnAResolvedTicketAndItOpensAgain() throws Exception {
        long id = Given.ticketOf("alice", unique("FAQ 3"));
        Given.statusSet("mark", id, "RESOLVED");
        Browser alice = browsers.signedIn("alice");

        TicketThread ticket = TicketThread.open(alice, id);
        assertEquals("Resolved", ticket.status());
        ticket.respond("Still broken after the fix.");

        assertEquals("Open", ticket.status());
        List<String> conversation = ticket.conversation();
        assertTrue(conversation.stream().anyMatch(entry -> entry.contains("Still broken after the fix.")));
        assertTrue(
                conversation.stream().anyMatch(entry -> entry.contains("changed the status from Resolved to Open")),
                conversation.toString());
    }

    @Test
    void aRequesterTypingAStaffOnlyAddressIsRefused() throws Exception {
        Browser ron = browsers.signedIn("ron");

        for (String page : List.of("/staff/queue", "/admin/categories", "/admin/users")) {
            ron.open(page);
            assertEquals("Access denied", ron.heading(), page);
        }
    }

    @Test
    void aRequesterTypingAnotherRequestersTicketIdFindsNothing() throws Exception {
        String subject = unique("Alice's own request");
        long id = Given.ticketOf("alice", subject);
        Browser ron = browsers.signedIn("ron");

        ron.open("/tickets/view/" + id);

        assertEquals("Not found", ron.heading());
        assertFalse(ron.pageText().contains(subject));
    }
}
