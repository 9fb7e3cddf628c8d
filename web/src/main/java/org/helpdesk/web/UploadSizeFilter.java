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
 * answered with 413 and the "too large" page without reading a byte of it; a form of unknown length
 * (411) or a malformed one (400) is answered with a short text. Nothing of such a request is kept.
 * <p>
 * The order matters: once the container has failed to parse a form, it throws that failure at
 * anyone who asks for a request parameter, and an error page does (through CDI's conversation
 * lookup). So a form too large is refused before any parsing, and the forms that cannot be parsed
 * are answered here, without an error page.
 */
@WebFilter(filterName = "UploadSize", servletNames = "Faces Servlet")
public class UploadSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (isMultipartPost(request)) {
            long declared = request.getContentLengthLong();
            if (declared > RequestSizeLimit.MULTIPART_LIMIT) {
                // Opening the body without reading it tells the container that there is no form
                // to parse: the error page, and CDI looking for a conversation id, find none.
                request.getInputStream();
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
            if (declared < 0) {
                refuse(
                        response,
                        HttpServletResponse.SC_LENGTH_REQUIRED,
                        "Send the form with its Content-Length, as browsers do. Nothing was saved.");
                return;
            }
            try {
                request.getParts();
            } catch (RuntimeException | IOException | ServletException malformed) {
                // Undertow reports a body cut off or malformed in any of these (wrapped or not).
                refuse(response, HttpServletResponse.SC_BAD_REQUEST, "The form could not be read. Nothing was saved.");
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** Answers here, without an error page: an error page asks for parameters, which reads the refused form. */
    private static void refuse(HttpServletResponse response, int status, String reason) throws IOException {
        response.setStatus(status);
        response.setContentType("text/plain;charset=UTF-8");
        response.getWriter().write(reason);
    }

    private static boolean isMultipartPost(HttpServletRequest request) {
        String contentType = request.getContentType();
        return "POST".equals(request.getMethod())
                && contentType != null
                && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }
}
