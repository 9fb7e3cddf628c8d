package org.helpdesk.web.tickets;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.helpdesk.attachment.AttachmentService;
import org.helpdesk.common.NotFoundException;

/**
 * GET /files/{ticketId}/{attachmentId}: an attached file, through the same access check as its
 * ticket. Always sent as a download with nosniff, so that no uploaded file is ever rendered as a
 * page of this site; only a few harmless types keep their declared type.
 */
@WebServlet(name = "AttachmentDownload", urlPatterns = "/files/*")
public class AttachmentDownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private static final Set<String> KEPT_TYPES = Set.of("image/png", "image/jpeg", "image/gif", "application/pdf",
            "text/plain");

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
                response.setContentType(KEPT_TYPES.contains(file.contentType()) ? file.contentType() : "application/octet-stream");
                response.setContentLengthLong(file.size());
                response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8).replace("+", "%20"));
                response.setHeader("X-Content-Type-Options", "nosniff");
                response.setHeader("Cache-Control", "private, no-store");
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
