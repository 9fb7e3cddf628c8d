package org.helpdesk.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TriageService;

/**
 * One ticket: GET /api/v1/tickets/{id}, the requester's PATCH of its text, and staff's PUT of its
 * status, assignee and category. Each write passes the version the client saw (If-Match), and the
 * EJB refuses it inside the write's transaction if the ticket has changed since; without If-Match
 * the change applies to the ticket as it is.
 */
@Path("tickets/{id: \\d+}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "TicketNotFound")
public class TicketResource {

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    /** The requester's new text; a field left out keeps its value. */
    @Schema(description = "The request's new subject and/or details; a field left out keeps its value.")
    public record RequestTextChange(
            @Schema(maxLength = Limits.SUBJECT, example = "The printer jams on double-sided pages")
            String subject,

            @Schema(maxLength = Limits.TEXT) String details) {}

    @Schema(description = "The new status.")
    public record StatusChange(
            @Schema(
                    required = true,
                    enumeration = {"open", "in_progress", "resolved", "closed"},
                    example = "in_progress")
            String status) {}

    @Schema(description = "The staff member to assign, or null to unassign.")
    public record AssigneeChange(
            @Schema(
                    nullable = true,
                    description = "A staff member with access to the ticket's location.",
                    example = "4")
            Long assigneeId) {}

    @Schema(description = "The category to set, or null to clear it.")
    public record CategoryChange(
            @Schema(nullable = true, description = "An active category (GET /api/v1/categories).", example = "3")
            Long categoryId) {}

    @GET
    @Operation(
            summary = "View a ticket",
            description = "With its files, messages and history; internal notes only for staff. Someone else's "
                    + "ticket, or one outside a staff member's locations, is \"Ticket not found\" like an unknown id.")
    @APIResponse(
            responseCode = "200",
            description = "The ticket; ETag is its version.",
            headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
            content =
                    @Content(
                            schema = @Schema(implementation = TicketView.class),
                            examples = @ExampleObject(name = "ticket", value = ApiDocs.TICKET)))
    public Response view(@PathParam("id") long id) {
        return TicketResponses.ok(tickets.view(id));
    }

    @PATCH
    @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
    @Operation(
            summary = "Update the request's text",
            description = "Subject and details, by the requester only; each change is recorded in the history.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = RequestTextChange.class),
                            examples = @ExampleObject(name = "change", value = ApiDocs.REQUEST_TEXT_CHANGE)))
    @APIResponse(responseCode = "200", ref = "TicketAfterChange")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response updateRequest(
            @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            RequestTextChange change) {
        RequestTextChange body = required(change);
        tickets.updateRequest(id, expectedVersion(ifMatch), body.subject(), body.details());
        return TicketResponses.ok(tickets.view(id));
    }

    @PUT
    @Path("status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the status", description = "Staff only (Rule 6); recorded in the history.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = StatusChange.class),
                            examples = @ExampleObject(name = "change", value = ApiDocs.STATUS_CHANGE)))
    @APIResponse(responseCode = "200", ref = "TicketAfterChange")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response changeStatus(
            @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            StatusChange change) {
        Status status = ApiInput.status("status", required(change).status());
        triage.changeStatus(id, expectedVersion(ifMatch), status);
        return TicketResponses.ok(tickets.view(id));
    }

    @PUT
    @Path("assignee")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign or unassign", description = "Staff only (Rule 6); recorded in the history.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = AssigneeChange.class),
                            examples = @ExampleObject(name = "change", value = ApiDocs.ASSIGNEE_CHANGE)))
    @APIResponse(responseCode = "200", ref = "TicketAfterChange")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response assign(
            @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            AssigneeChange change) {
        Long assigneeId = required(change).assigneeId();
        triage.assign(id, expectedVersion(ifMatch), assigneeId);
        return TicketResponses.ok(tickets.view(id));
    }

    @PUT
    @Path("category")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Categorise", description = "Staff only (Rule 6); recorded in the history.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = CategoryChange.class),
                            examples = @ExampleObject(name = "change", value = ApiDocs.CATEGORY_CHANGE)))
    @APIResponse(responseCode = "200", ref = "TicketAfterChange")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response categorise(
            @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            CategoryChange change) {
        Long categoryId = required(change).categoryId();
        triage.categorise(id, expectedVersion(ifMatch), categoryId);
        return TicketResponses.ok(tickets.view(id));
    }

    /**
     * The client's If-Match, or {@code null}: without If-Match the client asks for the change on the
     * ticket as it is when the write reads it.
     */
    private static Long expectedVersion(String ifMatch) {
        return TicketResponses.ifMatch(ifMatch).orElse(null);
    }

    /** An empty body is a client's mistake, told as such rather than as a missing field. */
    static <T> T required(T body) {
        if (body == null) {
            throw new InvalidInputException("body", RefusalMessage.of("api.body.required"));
        }
        return body;
    }
}
