package org.helpdesk.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.helpdesk.ticket.TicketDetails;

/** An attached file's description; GET /api/v1/tickets/{id}/attachments/{attachmentId} sends its bytes. */
@JsonbPropertyOrder({"id", "fileName", "size", "contentType"})
@Schema(description = "An attached file. Download it from /api/v1/tickets/{id}/attachments/{attachmentId}.")
public record FileInfo(
        @Schema(example = "7") long id,
        @Schema(example = "screenshot.png") String fileName,

        @Schema(description = "In bytes.", example = "48213")
        long size,

        @Schema(example = "image/png") String contentType) {

    static FileInfo of(TicketDetails.File file) {
        return new FileInfo(file.id(), file.fileName(), file.size(), file.contentType());
    }
}
