package org.helpdesk.api;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.ticket.BulkChange;
import org.helpdesk.ticket.BulkResult;
import org.helpdesk.ticket.BulkTriage;
import org.helpdesk.ticket.SelectedTicket;

/**
 * POST /api/v1/tickets/bulk: one change to many tickets, each through the same rule as its single
 * change ({@link BulkTriage}); its own root path, so that no ticket id template can take "bulk".
 */
@Path("tickets/bulk")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TicketsBulkResource {

    static final String EXAMPLE_REQUEST =
            "{\"tickets\":[{\"id\":12,\"version\":3},{\"id\":15}],\"set\":\"status\",\"value\":\"resolved\"}";

    static final String EXAMPLE_RESULT =
            "{\"changed\":1,\"refused\":[{\"ticketId\":12,\"reason\":\"CHANGED_MEANWHILE\","
                    + "\"message\":\"This request was changed by someone else in the meantime. Reload it to see the changes.\"}]}";

    @Inject
    private BulkTriage bulk;

    @Schema(description = "A ticket to change and, optionally, the version the caller saw (its ETag).")
    public record BulkTicket(@Schema(required = true) Long id, Long version) {}

    @Schema(description = "One change to many tickets.")
    public record BulkRequest(
            @Schema(required = true, maxItems = Limits.BULK_MAX)
            List<BulkTicket> tickets,

            @Schema(
                    required = true,
                    enumeration = {"assignee", "status", "category"})
            String set,

            @Schema(
                    description = "A status code; a staff member's user id or null (unassign); a category id or null "
                            + "(no category).")
            String value) {}

    @Schema(description = "What the change did: how many tickets now carry it, and each one refused with why.")
    public record BulkAnswer(int changed, List<BulkRefusal> refused) {}

    public record BulkRefusal(
            long ticketId,

            @Schema(enumeration = {"CHANGED_MEANWHILE", "NOT_FOUND", "OUT_OF_SCOPE", "REFUSED"})
            String reason,

            String message) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Change many tickets at once (staff)",
            description = "Each ticket changes in its own transaction through the same rule as its single change: "
                    + "one at a version other than the one given, outside the caller's locations or unknown is "
                    + "refused and listed, the others change. At most " + Limits.BULK_MAX_IN_WORDS
                    + " tickets; bad input (no tickets, no or an unknown change) changes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = BulkRequest.class),
                            examples = @ExampleObject(name = "request", value = EXAMPLE_REQUEST)))
    @APIResponse(
            responseCode = "200",
            description = "The result.",
            content =
                    @Content(
                            schema = @Schema(implementation = BulkAnswer.class),
                            examples = @ExampleObject(name = "result", value = EXAMPLE_RESULT)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public BulkAnswer apply(BulkRequest request) {
        if (request == null) {
            throw new InvalidInputException("tickets", RefusalMessage.of("bulk.tickets.none"));
        }
        List<SelectedTicket> tickets = request.tickets() == null
                ? List.of()
                : request.tickets().stream()
                        .map(ticket -> {
                            if (ticket == null || ticket.id() == null) {
                                throw new InvalidInputException("tickets", RefusalMessage.of("api.bulk.ticketId"));
                            }
                            return new SelectedTicket(ticket.id(), ticket.version());
                        })
                        .toList();
        BulkResult result = bulk.applyToSelected(tickets, changeOf(request.set(), request.value()));
        return new BulkAnswer(
                result.changed(),
                result.refused().stream()
                        .map(refusal -> new BulkRefusal(
                                refusal.ticketId(), refusal.reason().name(), refusal.message()))
                        .toList());
    }

    /** The change the body names; {@code null} ("no change chosen", which the EJB refuses) for none. */
    private static BulkChange changeOf(String set, String value) {
        if (set == null) {
            return null;
        }
        return switch (set) {
            case "status" -> BulkChange.status(ApiInput.status("value", value));
            case "assignee" -> BulkChange.assign(ApiInput.id("value", value));
            case "category" -> BulkChange.categorise(ApiInput.id("value", value));
            default -> throw new InvalidInputException("set", RefusalMessage.of("api.bulk.set"));
        };
    }
}
