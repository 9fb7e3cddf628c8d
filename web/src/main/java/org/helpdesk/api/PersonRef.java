package org.helpdesk.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.helpdesk.ticket.TicketDetails;

/**
 * A user as the API names them: requester, assignee, author, actor. Requesters (and staff on a
 * ticket outside their locations) see other people by display name only: the user name is null.
 */
@JsonbPropertyOrder({"id", "username", "displayName"})
@Schema(description = "A user.")
public record PersonRef(
        @Schema(example = "1") long id,

        @Schema(
                example = "alice",
                nullable = true,
                description = "The sign-in name: for staff at the ticket's location and for the caller themselves;"
                        + " null where a requester sees someone else.")
        String username,

        @Schema(example = "Alice Archer") String displayName) {

    /** {@code null} stays {@code null}: no assignee. */
    static PersonRef of(TicketDetails.Person person) {
        return person == null ? null : new PersonRef(person.id(), person.username(), person.displayName());
    }
}
