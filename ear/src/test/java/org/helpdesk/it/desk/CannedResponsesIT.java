package org.helpdesk.it.desk;

import java.util.List;
import java.util.UUID;

import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;

import org.helpdesk.cannedresponse.CannedResponseDraft;
import org.helpdesk.cannedresponse.CannedResponseView;
import org.helpdesk.cannedresponse.CannedResponses;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.it.support.Callers;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketDetails;
import org.helpdesk.ticket.TicketService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.Fixtures.NORTH;
import static org.helpdesk.it.support.Fixtures.SOUTH;
import static org.helpdesk.it.support.Fixtures.count;
import static org.helpdesk.it.support.Fixtures.fileTicket;
import static org.helpdesk.it.support.Fixtures.uniqueSubject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Canned responses: who keeps and sees which, their placeholders, and refused input. */
@ExtendWith(ArquillianExtension.class)
class CannedResponsesIT {

    private static final String ALL = "SELECT COUNT(c) FROM CannedResponse c";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    @Inject
    private CannedResponses cannedResponses;

    @Inject
    private TicketService tickets;

    private static String unique(String title) {
        return title + " " + UUID.randomUUID();
    }

    private List<CannedResponseView> availableTo(String username) throws Exception {
        return Callers.as(username, cannedResponses::available);
    }

    private static boolean lists(List<CannedResponseView> templates, long id) {
        return templates.stream().anyMatch(template -> template.id() == id);
    }

    @Test
    void aPersonalTemplateIsItsOwnersAloneToSeeChangeUseAndDelete() throws Exception {
        String title = unique("Mark's greeting");
        CannedResponseView created = Callers.as(
                "mark",
                () -> cannedResponses.create(new CannedResponseDraft(title, "Hi {requester.firstName}", false)));
        assertFalse(created.shared());
        assertTrue(created.editable());
        assertTrue(lists(availableTo("mark"), created.id()));
        assertFalse(lists(availableTo("olivia"), created.id()), "an administrator does not see it either");

        long ticket = fileTicket("alice", NORTH, uniqueSubject("Personal"));
        assertThrows(
                NotFoundException.class,
                () -> Callers.as("olivia", () -> cannedResponses.fillFor(created.id(), ticket)));
        assertThrows(
                NotFoundException.class,
                () -> Callers.run(
                        "olivia", () -> cannedResponses.update(created.id(), created.version(), "Taken", "x")));
        assertThrows(NotFoundException.class, () -> Callers.run("olivia", () -> cannedResponses.delete(created.id())));

        CannedResponseView changed = Callers.as(
                "mark",
                () -> cannedResponses.update(created.id(), created.version(), title + " v2", "Hello {requester.name}"));
        assertEquals(title + " v2", changed.title());
        assertEquals("Hello Alice Archer", Callers.as("mark", () -> cannedResponses.fillFor(created.id(), ticket)));
        Callers.run("mark", () -> cannedResponses.delete(created.id()));
        assertFalse(lists(availableTo("mark"), created.id()));
    }

    @Test
    void sharedTemplatesAreKeptByAdministratorsAndOfferedToEveryStaffMember() throws Exception {
        long before = count(ALL);
        assertThrows(
                ForbiddenException.class,
                () -> Callers.as(
                        "mark",
                        () -> cannedResponses.create(new CannedResponseDraft(unique("Mine for all"), "x", true))));
        assertEquals(before, count(ALL), "a refused shared template stores nothing");

        CannedResponseView shared = Callers.as(
                "olivia",
                () -> cannedResponses.create(new CannedResponseDraft(unique("Printer"), "Try {ticket.number}", true)));
        CannedResponseView asMarkSees = availableTo("mark").stream()
                .filter(template -> template.id() == shared.id())
                .findFirst()
                .orElseThrow();
        assertTrue(asMarkSees.shared());
        assertFalse(asMarkSees.editable(), "staff use a shared template but do not change it");
        assertThrows(
                ForbiddenException.class,
                () -> Callers.run("mark", () -> cannedResponses.update(shared.id(), shared.version(), "Changed", "y")));
        assertThrows(ForbiddenException.class, () -> Callers.run("mark", () -> cannedResponses.delete(shared.id())));

        CannedResponseView changed = Callers.as(
                "olivia",
                () -> cannedResponses.update(shared.id(), shared.version(), shared.title(), "Now {ticket.subject}"));
        assertEquals("Now {ticket.subject}", changed.text());
        assertThrows(
                ConcurrentChangeException.class,
                () -> Callers.run("olivia", () -> cannedResponses.update(shared.id(), shared.version(), "Stale", "z")),
                "a change from an old version is refused");
        Callers.run("olivia", () -> cannedResponses.delete(shared.id()));
        assertFalse(lists(availableTo("mark"), shared.id()));
    }

    @Test
    void everyPlaceholderIsFilledInForTheTicketAndTheStaffMember() throws Exception {
        String subject = uniqueSubject("Filled");
        long ticket = fileTicket("alice", NORTH, subject);
        CannedResponseView template = Callers.as(
                "mark",
                () -> cannedResponses.create(new CannedResponseDraft(
                        unique("All placeholders"),
                        "Dear {requester.firstName} ({requester.name}),\n"
                                + "about {ticket.number} \"{ticket.subject}\" at {ticket.location}: done.\n"
                                + "{staff.firstName} / {staff.name} {braces with spaces stay}",
                        false)));

        String filled = Callers.as("mark", () -> cannedResponses.fillFor(template.id(), ticket));

        assertEquals(
                "Dear Alice (Alice Archer),\n"
                        + "about #" + ticket + " \"" + subject + "\" at North Clinic: done.\n"
                        + "Mark / Mark Mendez {braces with spaces stay}",
                filled);
        assertEquals(
                template.text(),
                availableTo("mark").stream()
                        .filter(t -> t.id() == template.id())
                        .findFirst()
                        .orElseThrow()
                        .text(),
                "the template keeps its placeholders");
        TicketDetails after = Callers.as("mark", () -> tickets.view(ticket));
        assertEquals(List.of(), after.messages(), "filling sends nothing");
        assertEquals(Status.OPEN, after.status(), "and changes nothing (no Rule 8)");
    }

    @Test
    void aTemplateIsFilledOnlyForATicketTheCallerMaySee() throws Exception {
        long south = fileTicket("ron", SOUTH, uniqueSubject("Out of scope"));
        CannedResponseView template = Callers.as(
                "mark",
                () -> cannedResponses.create(new CannedResponseDraft(unique("Scope"), "{ticket.subject}", false)));
        NotFoundException refused = assertThrows(
                NotFoundException.class, () -> Callers.as("mark", () -> cannedResponses.fillFor(template.id(), south)));
        assertEquals("Ticket not found", refused.getMessage());
    }

    @Test
    void anUnknownPlaceholderIsNamedAndNothingIsStored() throws Exception {
        long before = count(ALL);
        InvalidInputException refused = assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "mark",
                        () -> cannedResponses.create(new CannedResponseDraft(
                                unique("Typo"), "Your ticket {ticket.nubmer} for {Requester.firstName}", false))));
        String message = refused.fieldErrors().get("text");
        assertTrue(message.contains("{ticket.nubmer}") && message.contains("{Requester.firstName}"), message);
        assertTrue(message.contains("{ticket.number}"), "the message lists the known placeholders: " + message);
        assertEquals(before, count(ALL));

        CannedResponseView template = Callers.as(
                "mark",
                () -> cannedResponses.create(new CannedResponseDraft(unique("Fine"), "{ticket.number}", false)));
        assertThrows(
                InvalidInputException.class,
                () -> Callers.run(
                        "mark",
                        () -> cannedResponses.update(template.id(), template.version(), "Fine", "{staff.nickname}")));
        assertEquals(
                "{ticket.number}",
                availableTo("mark").stream()
                        .filter(t -> t.id() == template.id())
                        .findFirst()
                        .orElseThrow()
                        .text(),
                "a refused change keeps the template as it was");
    }

    @Test
    void aBlankTitleAndATooLongOrUnstorableTextAreEachNamed() throws Exception {
        long before = count(ALL);
        InvalidInputException blank = assertThrows(
                InvalidInputException.class,
                () -> Callers.as("mark", () -> cannedResponses.create(new CannedResponseDraft("  ", " ", false))));
        assertEquals(
                List.of("text", "title"),
                blank.fieldErrors().keySet().stream().sorted().toList());
        InvalidInputException tooLong = assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "mark",
                        () -> cannedResponses.create(
                                new CannedResponseDraft("Long", "x".repeat(Limits.TEXT + 1), false))));
        assertTrue(tooLong.fieldErrors().get("text").contains(Limits.TEXT_IN_WORDS));
        assertThrows(
                InvalidInputException.class,
                () -> Callers.as(
                        "mark", () -> cannedResponses.create(new CannedResponseDraft("Nul", "a\u0000b", false))));
        assertEquals(before, count(ALL));
    }

    @Test
    void requestersAndCallersWithoutAPermissionHaveNoCannedResponses() throws Exception {
        for (String username : List.of("alice", "nora")) {
            assertThrows(EJBAccessException.class, () -> availableTo(username), username);
            assertThrows(
                    EJBAccessException.class,
                    () -> Callers.as(username, () -> cannedResponses.create(new CannedResponseDraft("T", "x", false))),
                    username);
        }
    }
}
