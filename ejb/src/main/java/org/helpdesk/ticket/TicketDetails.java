package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;

import org.helpdesk.sla.SlaClock;

/**
 * One ticket as its page and the API show it, to one caller: the thread holds internal notes only
 * when the caller has staff powers on it ({@code staffPowers}: staff at the ticket's location),
 * because the query left them out otherwise (Rule 7).
 */
public record TicketDetails(
        long id,
        long version,
        String subject,
        String details,
        Urgency urgency,
        Status status,
        Ref location,
        Person requester,
        Person assignee,
        Ref category,
        Instant createdAt,
        Instant updatedAt,
        boolean requestedByCaller,
        boolean staffPowers,
        List<File> attachments,
        List<Message> messages,
        List<HistoryEntry> history,
        Sla sla) {

    public TicketDetails {
        attachments = List.copyOf(attachments);
        messages = List.copyOf(messages);
        history = List.copyOf(history);
    }

    /** Something with an id and a name: a location, a category. */
    public record Ref(long id, String name) {}

    /**
     * A user as the caller sees them: {@code username} only for staff at the ticket's location and
     * for the caller themselves, {@code null} otherwise.
     */
    public record Person(long id, String username, String displayName) {}

    /** An attached file's description; its bytes are downloaded separately. */
    public record File(long id, String fileName, long size, String contentType) {}

    /** A response or an internal note, with its files. */
    public record Message(
            long id, Person author, String text, boolean internal, Instant createdAt, List<File> attachments) {

        public Message {
            attachments = List.copyOf(attachments);
        }
    }

    /**
     * The two SLA clocks as read when the ticket was loaded, for staff only ({@code null} for its
     * requester: the targets are the desk's internal promises). A reading is {@code null} for a
     * ticket filed before the clocks existed.
     */
    public record Sla(SlaClock.Reading firstResponse, SlaClock.Reading resolution) {}

    /** A change recorded in the history. */
    public record HistoryEntry(
            long id, EventType type, Person actor, String from, String to, boolean automatic, Instant at) {}

    public boolean isClosed() {
        return status == Status.CLOSED;
    }

    /** The same ticket without its thread, as lists show it. */
    public TicketOverview overview() {
        return new TicketOverview(
                id, subject, details, urgency, status, location, requester, assignee, category, createdAt, updatedAt);
    }
}
