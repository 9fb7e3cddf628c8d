package org.helpdesk.api;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
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
import org.helpdesk.ticket.TicketService;
import org.helpdesk.ticket.TriageService;

/**
 * POST /api/v1/tickets/{id}/messages: a response in the ticket's thread, or for staff an internal
 * note ({@code "internal": true}, Rule 7), as JSON or as a multipart form with files. Staff
 * answering an open ticket put it in progress (Rule 8); the answer shows the ticket afterwards.
 */
@Path("tickets/{id: \\d+}/messages")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tickets")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "TicketNotFound")
public class TicketMessagesResource {

    @Inject
    private TicketService tickets;

    @Inject
    private TriageService triage;

    @Context
    private UriInfo uriInfo;

    /**
     * A new message. {@code internal} is read as text by {@link ApiInput#flag}, strictly: JSON-B
     * would read {@code "yes"} as {@code false}, and a note meant to be internal must never be
     * posted as a response that the requester reads.
     */
    @Schema(description = "A response, or an internal note (staff only).")
    public record MessageRequest(
            @Schema(required = true, maxLength = Limits.TEXT, example = "We have ordered a new roller.")
            String text,

            @Schema(
                    type = SchemaType.BOOLEAN,
                    defaultValue = "false",
                    description = "true for an internal note, which only staff may write and read.")
            String internal) {}

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Respond, or add an internal note", description = ApiDocs.ADD_MESSAGE)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            schema = @Schema(implementation = MessageRequest.class),
                            examples = @ExampleObject(name = "response", value = ApiDocs.MESSAGE_REQUEST)))
    @APIResponse(responseCode = "201", ref = "TicketAfterMessage")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response post(
            @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            MessageRequest message) {
        MessageRequest body = TicketResource.required(message);
        return add(id, ifMatch, body.text(), ApiInput.flag("internal", body.internal()), List.of());
    }

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Respond, or add an internal note", description = ApiDocs.ADD_MESSAGE)
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.MULTIPART_FORM_DATA,
                            schema = @Schema(implementation = MessageForm.class),
                            examples = @ExampleObject(name = "form", value = ApiDocs.MESSAGE_FORM)))
    @APIResponse(responseCode = "201", ref = "TicketAfterMessage")
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @APIResponse(responseCode = "412", ref = "PreconditionFailed")
    @APIResponse(responseCode = "411", ref = "LengthRequired")
    @APIResponse(responseCode = "413", ref = "PayloadTooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    public Response postWithFiles(
            @PathParam("id") long id,
            @Parameter(description = ApiDocs.IF_MATCH) @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
            @Context HttpServletRequest request)
            throws IOException {
        FormParts form = FormParts.of(request);
        return add(id, ifMatch, form.field("text"), ApiInput.flag("internal", form.field("internal")), form.files());
    }

    /** The multipart form of a message: its shape in the OpenAPI document, read by {@link FormParts}. */
    @Schema(description = "A response or an internal note with files.")
    public record MessageForm(
            @Schema(required = true, maxLength = Limits.TEXT)
            String text,

            @Schema(type = SchemaType.BOOLEAN, defaultValue = "false")
            String internal,

            @Schema(description = "Up to 5 files of at most 10 MB each.")
            List<InputStream> attachments) {}

    private Response add(long id, String ifMatch, String text, boolean internal, List<IncomingFile> files) {
        Long expectedVersion = TicketResponses.ifMatch(ifMatch).orElse(null);
        if (internal) {
            triage.addInternalNote(id, expectedVersion, text, files);
        } else {
            tickets.respond(id, expectedVersion, text, files);
        }
        return TicketResponses.created(uriInfo, tickets.view(id));
    }
}
