package org.helpdesk.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.helpdesk.ticket.TicketDetails;

/** Something with an id and a name: a ticket's location or category. */
@Schema(description = "A location or a category.")
public record NamedRef(
        @Schema(example = "1") long id,
        @Schema(example = "North Clinic") String name) {

    /** {@code null} stays {@code null}: no category. */
    static NamedRef of(TicketDetails.Ref ref) {
        return ref == null ? null : new NamedRef(ref.id(), ref.name());
    }
}
