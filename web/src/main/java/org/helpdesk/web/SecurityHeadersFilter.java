package org.helpdesk.web;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of every response. The pages' Content-Security-Policy comes from PrimeFaces
 * (web.xml: primefaces.CSP_POLICY), which puts a per-request nonce on its scripts; the API and the
 * file downloads render nothing, so they get a policy that allows nothing at all. It also runs for
 * error dispatches, because refusals by the authentication mechanism or a security constraint
 * (401, 403) never reach the request's filters.
 *
 * <p>Everything but the static resources (Faces resources, {@code /resources/}) carries
 * {@code Cache-Control: no-store}: a page or an API answer of a signed-in user must not stay in a
 * shared or a browser cache after sign-out.
 */
@WebFilter(
        filterName = "SecurityHeaders",
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR})
public class SecurityHeadersFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    static final String NOTHING_ALLOWED =
            "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failedUri instanceof String original ? original : request.getRequestURI();
        String path = uri.substring(Math.min(request.getContextPath().length(), uri.length()));
        if (path.startsWith("/api/") || path.startsWith("/files/")) {
            response.setHeader("Content-Security-Policy", NOTHING_ALLOWED);
        }
        if (!isStaticResource(path)) {
            response.setHeader("Cache-Control", "no-store");
        }
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000");
        }
        chain.doFilter(request, response);
    }

    static boolean isStaticResource(String path) {
        return path.startsWith("/jakarta.faces.resource/") || path.startsWith("/resources/");
    }
}
