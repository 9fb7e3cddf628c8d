package org.helpdesk.ticket;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.helpdesk.directory.User;
import org.helpdesk.mail.MailContent;
import org.helpdesk.mail.MailKind;
import org.helpdesk.mail.MailOutbox;
import org.helpdesk.mail.MailSettings;

/**
 * Who hears of a change to a ticket, and what the mail says. The services call it inside the
 * transaction of the change, so the notifications are written to the outbox with it or not at all.
 * Nobody is told of their own change (except the requester's confirmation of filing), and an
 * internal note is never passed here: no requester mail can carry one (Rule 7).
 */
@ApplicationScoped
public class TicketNotifications {

    @Inject
    private MailOutbox outbox;

    @Inject
    private TicketAccess access;

    /** A new request: the requester's confirmation, and the staff of its location. */
    public void filed(Ticket ticket) {
        User requester = ticket.getRequester();
        outbox.enqueue(
                requester,
                MailKind.TICKET_FILED,
                ticket.getId(),
                content(
                        ticket,
                        "Request received",
                        "We received your request #" + ticket.getId() + "; you will hear from us here.",
                        facts(ticket),
                        ticket.getDetails()));
        MailContent forStaff = content(
                ticket,
                "New ticket",
                requester.getDisplayName() + " filed ticket #" + ticket.getId() + " at "
                        + ticket.getLocation().getName() + ".",
                facts(ticket),
                ticket.getDetails());
        for (User staff : access.staffAt(ticket)) {
            if (!staff.getId().equals(requester.getId())) {
                outbox.enqueue(staff, MailKind.NEW_TICKET, ticket.getId(), forStaff);
            }
        }
    }

    /**
     * A response in the thread (never an internal note): to the requester when someone else wrote
     * it, to the assignee when the requester did. {@code statusBefore} tells whether the response
     * also moved the status (Rule 8), which the mail then mentions.
     */
    public void responded(Ticket ticket, TicketMessage response, Status statusBefore) {
        if (response.isInternal()) {
            throw new IllegalArgumentException("An internal note is no notification");
        }
        User author = response.getAuthor();
        List<String> facts = new ArrayList<>();
        if (ticket.getStatus() != statusBefore) {
            facts.add("Status: " + label(ticket.getStatus()));
        }
        if (!ticket.isRequestedBy(author)) {
            outbox.enqueue(
                    ticket.getRequester(),
                    MailKind.STAFF_RESPONSE,
                    ticket.getId(),
                    content(
                            ticket,
                            "New response",
                            author.getDisplayName() + " responded to your request #" + ticket.getId() + ".",
                            facts,
                            response.getBody()));
        } else if (ticket.getAssignee() != null && !ticket.getAssignee().getId().equals(author.getId())) {
            outbox.enqueue(
                    ticket.getAssignee(),
                    MailKind.REQUESTER_RESPONSE,
                    ticket.getId(),
                    content(
                            ticket,
                            "Requester responded",
                            author.getDisplayName() + " responded on ticket #" + ticket.getId()
                                    + ", which is assigned to you.",
                            facts,
                            response.getBody()));
        }
    }

    /**
     * Staff changed the status: the requester hears of in progress, resolved, closed, and of a
     * reopened ticket (open again).
     */
    public void statusChanged(Ticket ticket, User actor, Status before) {
        Status now = ticket.getStatus();
        if (now == before || ticket.isRequestedBy(actor)) {
            return;
        }
        String headline = now == Status.OPEN
                ? "Your request #" + ticket.getId() + " was reopened by " + actor.getDisplayName() + "."
                : "Your request #" + ticket.getId() + " is now " + label(now) + " (changed by " + actor.getDisplayName()
                        + ").";
        outbox.enqueue(
                ticket.getRequester(),
                MailKind.STATUS_CHANGED,
                ticket.getId(),
                content(
                        ticket,
                        now == Status.OPEN ? "Reopened" : label(now),
                        headline,
                        List.of("Status: " + label(before) + " → " + label(now)),
                        null));
    }

    /** The ticket got a new assignee, who hears of it unless they assigned it themselves. */
    public void assigned(Ticket ticket, User actor, User before) {
        User assignee = ticket.getAssignee();
        if (assignee == null
                || assignee.getId().equals(actor.getId())
                || (before != null && before.getId().equals(assignee.getId()))) {
            return;
        }
        outbox.enqueue(
                assignee,
                MailKind.ASSIGNED,
                ticket.getId(),
                content(
                        ticket,
                        "Assigned to you",
                        actor.getDisplayName() + " assigned ticket #" + ticket.getId() + " to you.",
                        facts(ticket),
                        ticket.getDetails()));
    }

    private static MailContent content(Ticket ticket, String what, String headline, List<String> facts, String quote) {
        return new MailContent(
                "[Helpdesk #" + ticket.getId() + "] " + what + ": " + ticket.getSubject(),
                headline,
                facts,
                quote,
                MailSettings.baseUrl() + "/tickets/view/" + ticket.getId());
    }

    private static List<String> facts(Ticket ticket) {
        return List.of(
                "Subject: " + ticket.getSubject(),
                "Location: " + ticket.getLocation().getName(),
                "Urgency: " + label(ticket.getUrgency().name()),
                "Requester: " + ticket.getRequester().getDisplayName());
    }

    private static String label(Status status) {
        return label(status.name());
    }

    private static String label(String constant) {
        String words = constant.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
