package org.helpdesk.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.helpdesk.ticket.TicketDetails;

/** A user as the API names them: requester, assignee, author, actor. */
@JsonbPropertyOrder({"id", "username", "displayName"})
@Schema(description = "A user.")
public record PersonRef(
        @Schema(example = "1") long id,
        @Schema(example = "alice") String username,
        @Schema(example = "Alice Archer") String displayName) {

    /** {@code null} stays {@code null}: no assignee. */
    static PersonRef of(TicketDetails.Person person) {
        return person == null ? null : new PersonRef(person.id(), person.username(), person.displayName());
    }
}
