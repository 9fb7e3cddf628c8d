package org.helpdesk.api;

import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

import jakarta.inject.Inject;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;

import org.helpdesk.api.TicketAttachmentsResource.AttachmentDownload;
import org.helpdesk.attachment.AttachmentService;
import org.helpdesk.web.DownloadHeaders;

/**
 * Writes an {@link AttachmentDownload}: the EJB checks access, then hands over the file's
 * description, which becomes the response headers, and streams the bytes chunk by chunk into the
 * response. A refusal comes before the first byte, while the response can still become a problem
 * (the exception mappers run for a writer's exceptions as for a resource's).
 */
@Provider
@Produces(MediaType.WILDCARD)
public class AttachmentDownloadWriter implements MessageBodyWriter<AttachmentDownload> {

    @Inject
    private AttachmentService attachments;

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return AttachmentDownload.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            AttachmentDownload download,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream body) {
        attachments.download(download.ticketId(), download.attachmentId(), file -> {
            DownloadHeaders.of(file).forEach(headers::putSingle);
            return body;
        });
    }
}
