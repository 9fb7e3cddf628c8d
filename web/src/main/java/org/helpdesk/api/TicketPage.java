package org.helpdesk.api;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of GET /api/v1/tickets with its pagination metadata. */
@JsonbPropertyOrder({"items", "page", "limit", "totalItems", "totalPages", "totalExact"})
@Schema(description = "A page of tickets, newest first.")
public record TicketPage(
        List<TicketItem> items,

        @Schema(description = "This page's number, from 1.", example = "1")
        int page,

        @Schema(description = "The page size asked for, 1 to 100.", example = "25")
        int limit,

        @Schema(
                description = "How many tickets match, on all pages; at least this many where totalExact is false.",
                example = "1")
        long totalItems,

        @Schema(
                description = "How many pages of this size there are; at least this many where totalExact is false.",
                example = "1")
        long totalPages,

        @Schema(
                description = "Whether totalItems is exact. A staff list filtered by more than status counts its "
                        + "matches only up to 1,000 and then gives a lower bound, so that counting never scans.",
                example = "true")
        boolean totalExact) {

    static TicketPage empty(int page, int limit) {
        return new TicketPage(List.of(), page, limit, 0, 0, true);
    }
}
