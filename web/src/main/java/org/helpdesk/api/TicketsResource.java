package org.helpdesk.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.common.Limits;
import org.helpdesk.common.Page;
import org.helpdesk.ticket.NewTicket;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.TicketSearch;
import org.helpdesk.ticket.TicketService;

/**
 * GET /api/v1/tickets (the caller's list: a requester's own tickets, staff's scope) and
 * POST /api/v1/tickets (file a new request, as JSON or as a multipart form with files).
 */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TicketsResource {

    @Inject
    private TicketService tickets;

    @Context
    private UriInfo uriInfo;

    /** The body of a new request. There is no status: a new ticket is open (Rule 4). */
    @Schema(description = "A new request. Any other field, such as a status, is ignored: a new ticket is open.")
    public record TicketRequest(
            @Schema(required = true, maxLength = Limits.SUBJECT, example = "The printer jams")
            String subject,

            @Schema(
                    required = true,
                    maxLength = Limits.TEXT,
                    example = "Every second page jams in the printer by the front desk.")
            String details,

            @Schema(
                    required = true,
                    enumeration = {"low", "medium", "high", "critical"},
                    example = "high")
            String urgency,

            @Schema(required = true, description = "One of the caller's locations (GET /api/v1/me).", example = "1")
            Long locationId) {}

    @GET
    @Operation(
            summary = "List tickets",
            description = "Newest first. A requester sees only their own tickets (a userId of someone else gives an "
                    + "empty page); staff see every ticket at their locations and may filter by requester.")
    @APIResponse(
            responseCode = "200",
            description = "A page of tickets.",
            content =
                    @Content(
                            schema = @Schema(implementation = TicketPage.class),
                            examples = @ExampleObject(name = "page", value = ApiDocs.TICKET_PAGE)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public TicketPage list(
            @Parameter(
                            description = "Only tickets with this status.",
                            schema = @Schema(enumeration = {"open", "in_progress", "resolved", "closed"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Only tickets this user requested.", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("userId")
                    String userId,
            @Parameter(description = "Text to find in subject or details.") @QueryParam("q") String q,
            @Parameter(
                            description = "The page, from 1 (default 1).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Tickets per page, 1 to 100 (default 25).",
                            schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100"))
                    @QueryParam("limit")
                    String limit) {
        Status wanted = ApiInput.status("status", status);
        Long requesterId = ApiInput.id("userId", userId);
        Integer pageNumber = ApiInput.wholeNumber("page", page);
        Integer pageSize = ApiInput.wholeNumber("limit", limit);
        TicketSearch search = new TicketSearch(
                q,
                wanted,
                pageNumber == null ? 1 : pageNumber,
                pageSize == null ? TicketSearch.DEFAULT_SIZE : pageSize);
        return pageOf(tickets.list(search, requesterId), Function.identity());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "File a request", description = ApiDocs.CREATE_TICKET)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = TicketRequest.class),
                            examples = @ExampleObject(name = "request", value = ApiDocs.TICKET_REQUEST)))
    @APIResponse(
            responseCode = "201",
            description = "Filed; Location names the new ticket.",
            content =
                    @Content(
                            schema = @Schema(implementation = TicketView.class),
                            examples = @ExampleObject(name = "created", value = ApiDocs.NEW_TICKET)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response create(TicketRequest request) {
        return submit(request, List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "File a request", description = ApiDocs.CREATE_TICKET)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = TicketForm.class),
                            examples = @ExampleObject(name = "form", value = ApiDocs.TICKET_FORM)))
    @APIResponse(
            responseCode = "201",
            description = "Filed; Location names the new ticket.",
            content =
                    @Content(
                            schema = @Schema(implementation = TicketView.class),
                            examples = @ExampleObject(name = "created", value = ApiDocs.NEW_TICKET)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "411", ref = "LengthRequired")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response createWithFiles(@Context HttpServletRequest request) throws IOException {
        FormParts form = FormParts.of(request);
        return submit(
                new TicketRequest(
                        form.field("subject"),
                        form.field("details"),
                        form.field("urgency"),
                        ApiInput.id("locationId", form.field("locationId"))),
                form.files());
    }

    /** The multipart form of a new request: its shape in the OpenAPI document, read by {@link FormParts}. */
    @Schema(description = "A new request with files.")
    public record TicketForm(
            @Schema(required = true, maxLength = 200) String subject,

            @Schema(required = true, maxLength = Limits.TEXT)
            String details,

            @Schema(
                    required = true,
                    enumeration = {"low", "medium", "high", "critical"})
            String urgency,

            @Schema(required = true, type = SchemaType.INTEGER)
            String locationId,

            @Schema(description = "Up to 5 files of at most 10 MB each.")
            List<InputStream> attachments) {}

    private Response submit(TicketRequest request, List<IncomingFile> files) {
        NewTicket newTicket = request == null
                ? null
                : new NewTicket(
                        request.subject(),
                        request.details(),
                        ApiInput.urgency("urgency", request.urgency()),
                        request.locationId());
        long id = tickets.submit(newTicket, files);
        return TicketResponses.created(uriInfo, tickets.view(id));
    }

    /** The page's tickets in full (one more query), with the list's own pagination. */
    private <T> TicketPage pageOf(Page<T> rows, Function<T, Long> idOf) {
        List<TicketItem> items = tickets
                .overviews(rows.items().stream().map(idOf).toList())
                .stream()
                .map(TicketItem::of)
                .toList();
        return new TicketPage(items, rows.page(), rows.size(), rows.totalItems(), rows.totalPages(), rows.totalExact());
    }
}
