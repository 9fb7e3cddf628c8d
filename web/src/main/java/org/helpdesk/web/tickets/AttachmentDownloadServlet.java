package org.helpdesk.web.tickets;

import java.io.IOException;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.helpdesk.attachment.AttachmentService;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.web.DownloadHeaders;

/**
 * GET /files/{ticketId}/{attachmentId}: an attached file, through the same access check as its
 * ticket, always as a download ({@link DownloadHeaders}).
 */
@WebServlet(name = "AttachmentDownload", urlPatterns = "/files/*")
public class AttachmentDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private AttachmentService attachments;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long[] ids = idsOf(request.getPathInfo());
        if (ids.length == 0) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        try {
            attachments.download(ids[0], ids[1], file -> {
                DownloadHeaders.of(file).forEach(response::setHeader);
                return response.getOutputStream();
            });
        } catch (NotFoundException notVisible) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }

    /** {ticketId, attachmentId} from "/12/34"; empty for anything else. */
    static long[] idsOf(String pathInfo) {
        if (pathInfo == null) {
            return new long[0];
        }
        String[] parts = pathInfo.split("/");
        if (parts.length != 3 || !parts[0].isEmpty()) {
            return new long[0];
        }
        try {
            return new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])};
        } catch (NumberFormatException e) {
            return new long[0];
        }
    }
}
