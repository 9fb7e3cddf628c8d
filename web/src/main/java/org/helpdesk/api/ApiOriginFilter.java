package org.helpdesk.api;

import java.net.URI;
import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.helpdesk.web.security.SecurityLog;

/**
 * CSRF protection of the API. A state-changing call (POST, PUT, PATCH, DELETE) authenticated by the
 * browser's session cookie must prove that it comes from Helpdesk's own pages, by one of:
 * <ul>
 * <li>an {@code Origin} header equal to the request's own scheme, host and port;
 * <li>{@code Sec-Fetch-Site: same-origin};
 * <li>an {@code X-Requested-With} header, which a plain form cannot send and a script of another
 * origin cannot send without a CORS preflight that Helpdesk never allows.
 * </ul>
 * Calls with HTTP Basic credentials are authenticated by them (checked by the authentication
 * mechanism before the call gets here), not by the cookie, and pass: a browser sends no such header
 * across origins without a preflight either. Anything else is refused with 403 problem details
 * before a resource is chosen or the body read, so nothing changes. Runs inside the servlet chain,
 * so the refusal carries the security headers like any answer.
 */
@Provider
@PreMatching
public class ApiOriginFilter implements ContainerRequestFilter {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    static final String REFUSAL = "A change by a browser session must come from Helpdesk's own pages: send an"
            + " Origin of this site, or X-Requested-With, or use HTTP Basic credentials. Nothing was changed.";

    @Context
    private HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext call) {
        if (SAFE_METHODS.contains(call.getMethod().toUpperCase(Locale.ROOT))
                || isBasic(call.getHeaderString(HttpHeaders.AUTHORIZATION))
                || provesOrigin(
                        call.getHeaderString("X-Requested-With"),
                        call.getHeaderString("Sec-Fetch-Site"),
                        call.getHeaderString("Origin"),
                        request.getScheme(),
                        request.getServerName(),
                        request.getServerPort())) {
            return;
        }
        SecurityLog.crossOriginRefused(request, call.getHeaderString("Origin"));
        call.abortWith(
                Problem.of(Response.Status.FORBIDDEN, "FORBIDDEN", REFUSAL).toResponse());
    }

    /** HTTP Basic, which the mechanism checked (or refused) before: not a cookie's call. */
    private static boolean isBasic(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
    }

    static boolean provesOrigin(
            String requestedWith, String fetchSite, String origin, String scheme, String host, int port) {
        if (requestedWith != null && !requestedWith.isBlank()) {
            return true;
        }
        if ("same-origin".equalsIgnoreCase(fetchSite)) {
            return true;
        }
        return origin != null && sameOrigin(origin, scheme, host, port);
    }

    private static boolean sameOrigin(String origin, String scheme, String host, int port) {
        URI parsed;
        try {
            parsed = URI.create(origin.strip());
        } catch (IllegalArgumentException malformed) {
            return false;
        }
        if (parsed.getScheme() == null || parsed.getHost() == null) {
            return false;
        }
        String originScheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        return originScheme.equals(scheme.toLowerCase(Locale.ROOT))
                && parsed.getHost().equalsIgnoreCase(host)
                && defaultPort(originScheme, parsed.getPort()) == defaultPort(originScheme, port);
    }

    private static int defaultPort(String scheme, int port) {
        return port != -1 ? port : "https".equals(scheme) ? 443 : 80;
    }
}
