package org.helpdesk.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Reads a page's multipart form before Faces does, so that a request over the multipart limit
 * (web.xml) is answered with 413 and the "too large" page instead of an error deep in the form
 * decoding. Nothing of such a request is kept.
 */
@WebFilter(filterName = "UploadSize", servletNames = "Faces Servlet")
public class UploadSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String contentType = request.getContentType();
        if ("POST".equals(request.getMethod()) && contentType != null
                && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
            try {
                request.getParts();
            } catch (IllegalStateException | IOException | ServletException tooLarge) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
