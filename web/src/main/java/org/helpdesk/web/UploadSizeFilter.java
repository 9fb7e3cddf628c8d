package org.helpdesk.web;

import java.io.IOException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.helpdesk.api.RequestSizeLimit;

/**
 * Decides whether a page's multipart form can be read before Faces reads it. A form declared
 * larger than the multipart limit (web.xml; the API's {@link RequestSizeLimit#MULTIPART_LIMIT}) is
 * answered with 413 and the "too large" page, a form of unknown length with 411, both without
 * reading a byte of it. Nothing of such a request is kept.
 * <p>
 * The order matters: once the container has failed to parse a form, it throws that failure at
 * anyone who asks for a request parameter, and the error page does (through CDI's conversation
 * lookup). So a form that cannot be taken is refused before any parsing, and a form that turns out
 * malformed while parsed is answered here, without an error page.
 */
@WebFilter(filterName = "UploadSize", servletNames = "Faces Servlet")
public class UploadSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isMultipartPost(request)) {
            long declared = request.getContentLengthLong();
            if (declared < 0 || declared > RequestSizeLimit.MULTIPART_LIMIT) {
                // Opening the body without reading it tells the container that there is no form
                // to parse: the error page, and CDI looking for a conversation id, find none.
                request.getInputStream();
                response.sendError(declared < 0 ? HttpServletResponse.SC_LENGTH_REQUIRED
                        : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            try {
                request.getParts();
            } catch (RuntimeException | IOException | ServletException malformed) {
                // Undertow reports a body cut off or malformed in any of these (wrapped or not).
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType("text/plain;charset=UTF-8");
                response.getWriter().write("The form could not be read. Nothing was saved.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static boolean isMultipartPost(HttpServletRequest request) {
        String contentType = request.getContentType();
        return "POST".equals(request.getMethod()) && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }
}
