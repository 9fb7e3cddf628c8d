package org.helpdesk.api;

import java.time.Instant;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.helpdesk.ticket.TicketOverview;

/** A ticket without its thread: an item of GET /api/v1/tickets, and the head of {@link TicketView}. */
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
    "updatedAt"
})
@Schema(description = "A ticket, without its messages and history.")
public record TicketItem(
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
                example = "open")
        String status,

        NamedRef location,
        PersonRef requester,

        @Schema(description = "null while nobody is assigned.", nullable = true)
        PersonRef assignee,

        @Schema(description = "null while uncategorised.", nullable = true)
        NamedRef category,

        @Schema(description = "ISO-8601, UTC.", example = "2025-03-04T09:15:30.120Z")
        Instant createdAt,

        @Schema(description = "ISO-8601, UTC.", example = "2025-03-04T09:15:30.120Z")
        Instant updatedAt) {

    static TicketItem of(TicketOverview ticket) {
        return new TicketItem(
                ticket.id(),
                ticket.subject(),
                ticket.details(),
                ticket.urgency().code(),
                ticket.status().code(),
                NamedRef.of(ticket.location()),
                PersonRef.of(ticket.requester()),
                PersonRef.of(ticket.assignee()),
                NamedRef.of(ticket.category()),
                ticket.createdAt(),
                ticket.updatedAt());
    }
}
