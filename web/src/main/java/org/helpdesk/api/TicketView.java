package org.helpdesk.api;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.helpdesk.ticket.TicketDetails;

/**
 * One ticket with its thread, as GET /api/v1/tickets/{id} and every write answer it: the fields of
 * {@link TicketItem}, the files of the request, the messages (internal notes only for staff: the
 * EJB's query left them out for anyone else) and the history of changes.
 */
@JsonbPropertyOrder({
    "id",
    "subject",
    "details",
    "urgency",
    "status",
    "location",
    "requester",
    "assignee",
    "category",
    "createdAt",
    "updatedAt",
    "attachments",
    "messages",
    "history"
})
@Schema(description = "A ticket with the files of its request, its messages and its history.")
public record TicketView(
        @Schema(example = "42") long id,
        @Schema(example = "The printer jams") String subject,

        @Schema(example = "Every second page jams in the printer by the front desk.")
        String details,

        @Schema(
                enumeration = {"low", "medium", "high", "critical"},
                example = "high")
        String urgency,

        @Schema(
                enumeration = {"open", "in_progress", "resolved", "closed"},
                example = "in_progress")
        String status,

        NamedRef location,
        PersonRef requester,

        @Schema(description = "null while nobody is assigned.", nullable = true)
        PersonRef assignee,

        @Schema(description = "null while uncategorised.", nullable = true)
        NamedRef category,

        @Schema(description = "ISO-8601, UTC.") Instant createdAt,
        @Schema(description = "ISO-8601, UTC.") Instant updatedAt,

        @Schema(description = "The files sent with the request itself.")
        List<FileInfo> attachments,

        @Schema(description = "The thread, oldest first.") List<Message> messages,

        @Schema(description = "Every change of status, assignee, category or request text, oldest first.")
        List<HistoryEntry> history) {

    /** A response or, for staff only, an internal note. */
    @JsonbPropertyOrder({"id", "author", "text", "internal", "createdAt", "attachments"})
    @Schema(name = "Message", description = "A response in the thread, or an internal note (staff only).")
    public record Message(
            @Schema(example = "108") long id,
            PersonRef author,

            @Schema(example = "We have ordered a new roller.")
            String text,

            @Schema(description = "An internal note, shown to staff only.")
            boolean internal,

            @Schema(description = "ISO-8601, UTC.") Instant createdAt,
            List<FileInfo> attachments) {}

    /** One recorded change. */
    @JsonbPropertyOrder({"type", "actor", "from", "to", "automatic", "at"})
    @Schema(name = "HistoryEntry", description = "A change of the ticket, with who and when.")
    public record HistoryEntry(
            @Schema(
                    enumeration = {
                        "status_changed",
                        "subject_changed",
                        "details_changed",
                        "assignee_changed",
                        "category_changed",
                        "sla_breached"
                    },
                    description = "sla_breached (staff only): an SLA clock passed its due time; \"to\" names the"
                            + " clock (first_response or resolution), the actor is null.",
                    example = "status_changed")
            String type,

            @Schema(nullable = true, description = "Who made the change; null for sla_breached.")
            PersonRef actor,

            @Schema(
                    description = "The value before: a status code, a display name, a category name or the old text.",
                    nullable = true,
                    example = "open")
            String from,

            @Schema(description = "The value after.", nullable = true, example = "in_progress")
            String to,

            @Schema(description = "Made by a rule, not by hand: staff answering an open ticket put it in progress.")
            boolean automatic,

            @Schema(description = "ISO-8601, UTC.") Instant at) {}

    static TicketView of(TicketDetails ticket) {
        TicketItem head = TicketItem.of(ticket.overview());
        return new TicketView(
                head.id(),
                head.subject(),
                head.details(),
                head.urgency(),
                head.status(),
                head.location(),
                head.requester(),
                head.assignee(),
                head.category(),
                head.createdAt(),
                head.updatedAt(),
                files(ticket.attachments()),
                ticket.messages().stream()
                        .map(message -> new Message(
                                message.id(),
                                PersonRef.of(message.author()),
                                message.text(),
                                message.internal(),
                                message.createdAt(),
                                files(message.attachments())))
                        .toList(),
                ticket.history().stream()
                        .map(event -> new HistoryEntry(
                                event.type().name().toLowerCase(Locale.ROOT),
                                PersonRef.of(event.actor()),
                                event.from(),
                                event.to(),
                                event.automatic(),
                                event.at()))
                        .toList());
    }

    private static List<FileInfo> files(List<TicketDetails.File> files) {
        return files.stream().map(FileInfo::of).toList();
    }
}
