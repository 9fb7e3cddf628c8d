package org.helpdesk.it.ticket;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Set;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.attachment.AttachmentService;
import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.ConflictException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.Page;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.ticket.EventType;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketSearch;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TicketSummary;
import org.helpdesk.ticket.TriageService;
import org.helpdesk.ticket.Urgency;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.SOUTH;
import static org.helpdesk.it.support.Fixtures.count;
import static org.helpdesk.it.support.Fixtures.fileOfSize;
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Rules 1 to 5 and the requester's side of a ticket's life, in the EJB layer, with the demo users. */
@ExtendWith(ArquillianExtension.class)
class RequesterRulesIT {

    private static final long TEN_MB = 10L * 1024 * 1024;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    @Inject
    private AttachmentService attachments;

    // Rule 1

    @Test
    void everyOperationNeedsAPermission() {
        NewTicket request = new NewTicket("Subject", "Details", Urgency.LOW, NORTH);
        assertThrows(EJBAccessException.class, () -> Callers.as("nora", () -> tickets.submit(request, List.of())));
        assertThrows(EJBAccessException.class, () -> Callers.as("nora", () -> tickets.view(1)));
        assertThrows(
                EJBAccessException.class,
                () -> Callers.as("nora", () -> tickets.myTickets(new TicketSearch(null, null, 1, 10))));
        assertThrows(EJBAccessException.class, () -> tickets.submit(request, List.of()));
        assertThrows(EJBAccessException.class, () -> tickets.view(1));
    }

    // Rules 3 and 4

    @Test
    void aValidRequestIsFiledOpenAtTheRequestersLocation() throws Exception {
        String subject = uniqueSubject("Printer");
        long id = fileTicket("alice", NORTH, subject);

        TicketDetails ticket = Callers.as("alice", () -> tickets.view(id));

        assertEquals(Status.OPEN, ticket.status());
        assertEquals(subject, ticket.subject());
        assertEquals("North Clinic", ticket.location().name());
        assertEquals("alice", ticket.requester().username());
        assertTrue(ticket.requestedByCaller());
    }

    @Test
    void subjectDetailsUrgencyAndLocationAreRequired() {
        InvalidInputException refusal = assertThrows(
                InvalidInputException.class,
                () -> Callers.as("alice", () -> tickets.submit(new NewTicket("  ", null, null, null), List.of())));

        assertEquals(
                Set.of("subject", "details", "urgency", "locationId"),
                refusal.fieldErrors().keySet());
    }

    @Test
    void subjectHasAtMost200Characters() throws Exception {
        assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "alice",
                        () -> tickets.submit(
                                new NewTicket("s".repeat(201), "Details", Urgency.LOW, NORTH), List.of())));

        long id = Callers.as(
                "alice",
                () -> tickets.submit(
                        new NewTicket("s".repeat(200), "d".repeat(20_000), Urgency.LOW, NORTH), List.of()));
        assertEquals(200, Callers.as("alice", () -> tickets.view(id)).subject().length());
    }

    @Test
    void theLocationMustBeOneOfTheRequesters() throws Exception {
        long before = count("SELECT COUNT(t) FROM Ticket t");

        InvalidInputException refusal = assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "alice",
                        () -> tickets.submit(new NewTicket("Subject", "Details", Urgency.LOW, SOUTH), List.of())));

        assertEquals(Set.of("locationId"), refusal.fieldErrors().keySet());
        assertEquals(before, count("SELECT COUNT(t) FROM Ticket t"));
    }

    @Test
    void aRequesterWithoutLocationAccessCannotSubmit() {
        InvalidInputException refusal = assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "lou",
                        () -> tickets.submit(new NewTicket("Subject", "Details", Urgency.LOW, NORTH), List.of())));

        assertTrue(refusal.fieldErrors().get("locationId").contains("do not have access to any location"));
    }

    // Rule 2

    @Test
    void someoneElsesTicketIsRejectedExactlyLikeAnUnknownOne() throws Exception {
        long alices = fileTicket("alice", NORTH, uniqueSubject("Private"));

        NotFoundException foreign =
                assertThrows(NotFoundException.class, () -> Callers.as("ron", () -> tickets.view(alices)));
        NotFoundException unknown =
                assertThrows(NotFoundException.class, () -> Callers.as("ron", () -> tickets.view(Long.MAX_VALUE)));

        assertEquals("Ticket not found", foreign.getMessage());
        assertEquals(unknown.getMessage(), foreign.getMessage());
        assertThrows(
                NotFoundException.class, () -> Callers.run("ron", () -> tickets.respond(alices, "Me too", List.of())));
        assertThrows(
                NotFoundException.class,
                () -> Callers.run("ron", () -> tickets.updateRequest(alices, 0L, "Mine", "Mine")));
    }

    @Test
    void myTicketsHoldsOnlyTheCallersOwnNewestFirst() throws Exception {
        String marker = uniqueSubject("List");
        long first = fileTicket("alice", NORTH, marker + " one");
        long second = fileTicket("alice", NORTH, marker + " two");
        fileTicket("ron", SOUTH, marker + " ron's");

        Page<TicketSummary> page = Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker, null, 1, 10)));

        assertEquals(
                List.of(second, first),
                page.items().stream().map(TicketSummary::id).toList());
        assertEquals(2, page.totalItems());
    }

    @Test
    void myTicketsFiltersByStatusAndPages() throws Exception {
        String marker = uniqueSubject("Paging");
        for (int i = 0; i < 3; i++) {
            fileTicket("alice", NORTH, marker + " " + i);
        }

        Page<TicketSummary> secondPage =
                Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker, Status.OPEN, 2, 2)));
        Page<TicketSummary> resolved =
                Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker, Status.RESOLVED, 1, 10)));

        assertEquals(1, secondPage.items().size());
        assertEquals(3, secondPage.totalItems());
        assertEquals(2, secondPage.totalPages());
        assertEquals(0, resolved.totalItems());
    }

    @Test
    void aSearchWithMoreMatchesThanTheCapCountsToTheCapAndSaysSo() throws Exception {
        String marker = uniqueSubject("Capped");
        for (int i = 0; i <= Limits.COUNT_CAP; i++) {
            fileTicket("alice", NORTH, marker + " " + i);
        }

        Page<TicketSummary> first = Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker, null, 1, 25)));
        Page<TicketSummary> last = Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker, null, 41, 25)));
        Page<TicketSummary> narrower =
                Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker + " 1000", null, 1, 25)));

        assertFalse(first.totalExact(), "more than the cap match: the total is a lower bound");
        assertEquals(Limits.COUNT_CAP, first.totalItems());
        assertEquals(25, first.items().size());
        assertEquals(marker + " " + Limits.COUNT_CAP, first.items().get(0).subject(), "newest first");
        assertFalse(last.totalExact());
        assertEquals(
                List.of(marker + " 0"),
                last.items().stream().map(TicketSummary::subject).toList());
        assertEquals(1001, (long) (last.page() - 1) * last.size() + last.items().size(), "every match is listed");
        assertTrue(narrower.totalExact(), "under the cap the total is exact");
        assertEquals(1, narrower.totalItems());
    }

    @Test
    void searchTextIsMatchedLiterallyNotAsAPattern() throws Exception {
        String marker = uniqueSubject("Percent");
        fileTicket("alice", NORTH, marker + " 100% broken");

        assertEquals(
                1,
                Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker + " 100%", null, 1, 10)))
                        .totalItems());
        assertEquals(
                0,
                Callers.as("alice", () -> tickets.myTickets(new TicketSearch(marker + " 1_0", null, 1, 10)))
                        .totalItems());
    }

    // Rule 5

    @Test
    void filesOfExactly10MbAreStoredAndComeBackIntact() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Big file"), fileOfSize("scan.pdf", TEN_MB));

        TicketDetails ticket = Callers.as("alice", () -> tickets.view(id));
        assertEquals(1, ticket.attachments().size());
        assertEquals(TEN_MB, ticket.attachments().get(0).size());

        long attachmentId = ticket.attachments().get(0).id();
        ByteArrayOutputStream downloaded = new ByteArrayOutputStream();
        Callers.run("alice", () -> attachments.download(id, attachmentId, file -> downloaded));
        assertEquals(TEN_MB, downloaded.size());
    }

    @Test
    void aFileOver10MbIsRefusedAndNothingIsStored() throws Exception {
        long ticketsBefore = count("SELECT COUNT(t) FROM Ticket t");
        long filesBefore = count("SELECT COUNT(a) FROM Attachment a");
        long chunksBefore = count("SELECT COUNT(c) FROM AttachmentChunk c");

        InvalidInputException refusal = assertThrows(
                InvalidInputException.class,
                () -> fileTicket(
                        "alice",
                        NORTH,
                        uniqueSubject("Too big"),
                        fileOfSize("small.txt", 10),
                        fileOfSize("huge.iso", TEN_MB + 1)));

        assertTrue(refusal.getMessage().contains("huge.iso"), refusal.getMessage());
        assertEquals(ticketsBefore, count("SELECT COUNT(t) FROM Ticket t"));
        assertEquals(filesBefore, count("SELECT COUNT(a) FROM Attachment a"));
        assertEquals(chunksBefore, count("SELECT COUNT(c) FROM AttachmentChunk c"));
    }

    @Test
    void sixFilesAreRefusedBeforeAnythingIsStored() throws Exception {
        long ticketsBefore = count("SELECT COUNT(t) FROM Ticket t");
        IncomingFile[] six = new IncomingFile[6];
        for (int i = 0; i < six.length; i++) {
            six[i] = fileOfSize("file" + i + ".txt", 100);
        }

        assertThrows(InvalidInputException.class, () -> fileTicket("alice", NORTH, uniqueSubject("Six"), six));

        assertEquals(ticketsBefore, count("SELECT COUNT(t) FROM Ticket t"));
    }

    @Test
    void fileNamesLoseTheirPathsAndControlCharacters() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Names"), fileOfSize("../../etc/pass\u0000wd\r\n.txt", 5));

        assertEquals(
                "passwd.txt",
                Callers.as("alice", () -> tickets.view(id)).attachments().get(0).fileName());
    }

    @Test
    void attachmentsAreDownloadableOnlyThroughTheTicketsCheck() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Secret file"), fileOfSize("secret.txt", 20));
        long attachmentId =
                Callers.as("alice", () -> tickets.view(id)).attachments().get(0).id();

        assertThrows(
                NotFoundException.class,
                () -> Callers.run(
                        "ron", () -> attachments.download(id, attachmentId, file -> new ByteArrayOutputStream())));
        long othersTicket = fileTicket("alice", NORTH, uniqueSubject("Other"));
        assertThrows(
                NotFoundException.class,
                () -> Callers.run(
                        "alice",
                        () -> attachments.download(othersTicket, attachmentId, file -> new ByteArrayOutputStream())));
    }

    // The thread

    @Test
    void theRequestersResponseOnAResolvedTicketReopensIt() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Reopen"));
        long version = Callers.as("mark", () -> tickets.view(id)).version();
        Callers.run("mark", () -> triage.changeStatus(id, version, Status.RESOLVED));

        Callers.run("alice", () -> tickets.respond(id, "Still broken", List.of()));

        TicketDetails ticket = Callers.as("alice", () -> tickets.view(id));
        assertEquals(Status.OPEN, ticket.status());
        TicketDetails.HistoryEntry reopened =
                ticket.history().get(ticket.history().size() - 1);
        assertEquals(EventType.STATUS_CHANGED, reopened.type());
        assertEquals("resolved", reopened.from());
        assertEquals("open", reopened.to());
        assertTrue(reopened.automatic());
        assertEquals("alice", reopened.actor().username());
    }

    @Test
    void aClosedTicketTakesNoResponse() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Closed"));
        long version = Callers.as("mark", () -> tickets.view(id)).version();
        Callers.run("mark", () -> triage.changeStatus(id, version, Status.CLOSED));

        assertThrows(
                ConflictException.class, () -> Callers.run("alice", () -> tickets.respond(id, "Hello?", List.of())));
        assertEquals(0, Callers.as("alice", () -> tickets.view(id)).messages().size());
    }

    @Test
    void updatingTheRequestRecordsOldAndNewText() throws Exception {
        String subject = uniqueSubject("Before");
        long id = fileTicket("alice", NORTH, subject);
        long version = Callers.as("alice", () -> tickets.view(id)).version();

        Callers.run("alice", () -> tickets.updateRequest(id, version, "After", "New details"));

        TicketDetails ticket = Callers.as("alice", () -> tickets.view(id));
        assertEquals("After", ticket.subject());
        assertEquals("New details", ticket.details());
        TicketDetails.HistoryEntry subjectChange = ticket.history().stream()
                .filter(event -> event.type() == EventType.SUBJECT_CHANGED)
                .findFirst()
                .orElseThrow();
        assertEquals(subject, subjectChange.from());
        assertEquals("After", subjectChange.to());
        assertEquals("alice", subjectChange.actor().username());
        assertTrue(ticket.history().stream().anyMatch(event -> event.type() == EventType.DETAILS_CHANGED));
    }

    @Test
    void aStaleEditIsRefusedAndOverwritesNothing() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Race"));
        long seen = Callers.as("alice", () -> tickets.view(id)).version();
        Callers.run("alice", () -> tickets.updateRequest(id, seen, "First edit", "First"));

        assertThrows(
                ConcurrentChangeException.class,
                () -> Callers.run("alice", () -> tickets.updateRequest(id, seen, "Second edit", "Second")));
        assertEquals("First edit", Callers.as("alice", () -> tickets.view(id)).subject());
    }

    @Test
    void staffCanSeeButNotRewriteARequestersText() throws Exception {
        long id = fileTicket("alice", NORTH, uniqueSubject("Not yours"));
        TicketDetails seenByStaff = Callers.as("olivia", () -> tickets.view(id));
        assertFalse(seenByStaff.requestedByCaller());

        assertThrows(
                ForbiddenException.class,
                () -> Callers.run("olivia", () -> tickets.updateRequest(id, seenByStaff.version(), "Mine", "Mine")));
    }
}
