package org.helpdesk.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.helpdesk.attachment.DownloadTarget;

/**
 * The response headers of an attached file, for the pages' download servlet and the API alike.
 * Always sent as a download with nosniff, so that no uploaded file is ever rendered as a page of
 * this site; only a few harmless types keep their declared type.
 */
public final class DownloadHeaders {

    private static final Set<String> KEPT_TYPES =
            Set.of("image/png", "image/jpeg", "image/gif", "application/pdf", "text/plain");

    private DownloadHeaders() {}

    /** Header name to value, in the order they are best sent. */
    public static Map<String, String> of(DownloadTarget.StoredFile file) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(
                "Content-Type",
                KEPT_TYPES.contains(file.contentType()) ? file.contentType() : "application/octet-stream");
        headers.put("Content-Length", Long.toString(file.size()));
        headers.put(
                "Content-Disposition",
                "attachment; filename*=UTF-8''"
                        + URLEncoder.encode(file.fileName(), StandardCharsets.UTF_8)
                                .replace("+", "%20"));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Cache-Control", "private, no-store");
        return headers;
    }
}
