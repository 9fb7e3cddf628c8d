package org.helpdesk.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * GET /api/v1/tickets/{id}/attachments/{attachmentId}: an attached file's bytes, through the same
 * access check as its ticket (and a note's files only for staff). The EJB streams the file chunk by
 * chunk straight into the response ({@link AttachmentDownloadWriter}).
 */
@Path("tickets/{id: \\d+}/attachments")
@Tag(name = "Tickets")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TicketAttachmentsResource {

    /** Which file to send; {@link AttachmentDownloadWriter} fetches and writes it. */
    public record AttachmentDownload(long ticketId, long attachmentId) {}

    @GET
    @Path("{attachmentId: \\d+}")
    @Produces(MediaType.WILDCARD)
    @Operation(
            summary = "Download an attached file",
            description = "Always as a download (Content-Disposition: attachment). A file of a ticket the caller may "
                    + "not see is \"Ticket not found\"; an unknown file, or a file of an internal note for a "
                    + "requester, is \"Attachment not found\".")
    @APIResponse(
            responseCode = "200",
            description = "The file, with its name in Content-Disposition.",
            content =
                    @Content(
                            mediaType = MediaType.WILDCARD,
                            schema = @Schema(type = SchemaType.STRING, format = "binary"),
                            examples = @ExampleObject(name = "file", value = "(the bytes of the file)")))
    @APIResponse(responseCode = "404", ref = "AttachmentNotFound")
    public AttachmentDownload download(@PathParam("id") long id, @PathParam("attachmentId") long attachmentId) {
        return new AttachmentDownload(id, attachmentId);
    }
}
