package org.helpdesk.web.security;

import java.util.logging.Logger;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The security events of the web tier, in their own logger category {@value #CATEGORY}, so that an
 * operator can send them to a file or a collector of their own (README, Security). One line per
 * event, {@code key=value} pairs: what ({@code event=}), who (the user name typed or signed in, or
 * {@code -}), from where (the client address), and the request's method and path. Never a
 * password, a ticket's text or a request body.
 */
public final class SecurityLog {

    public static final String CATEGORY = "org.helpdesk.security";

    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private SecurityLog() {}

    /** A sign-in (login page or HTTP Basic) whose credentials the identity stores did not accept. */
    static void signInFailed(HttpServletRequest request, String typedUsername) {
        LOG.warning(() -> line("sign-in-failed", clean(typedUsername), request));
    }

    /** A sign-in refused by {@link SignInThrottle} before any password was checked. */
    static void signInThrottled(
            HttpServletRequest request, String typedUsername, SignInThrottle.TooManyAttempts refusal) {
        LOG.warning(() -> line(refusal.busy() ? "sign-in-busy" : "sign-in-throttled", clean(typedUsername), request)
                + " retry-after=" + refusal.retryAfterSeconds());
    }

    /** A state-changing API call of a browser session that did not prove its origin. */
    public static void crossOriginRefused(HttpServletRequest request, String origin) {
        LOG.warning(() -> line("cross-origin-refused", user(request), request) + " origin=" + clean(origin));
    }

    /**
     * A signed-in caller refused (403): by a security constraint, or by an EJB's permission check.
     * {@code request} may be an error dispatch; the path is then the refused request's.
     */
    public static void refused(HttpServletRequest request, String reason) {
        LOG.info(() -> line("refused", user(request), request) + " reason=" + clean(reason));
    }

    private static String line(String event, String user, HttpServletRequest request) {
        Object failedUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String uri = failedUri instanceof String original ? original : request.getRequestURI();
        return "event=" + event + " user=" + user + " address=" + clean(request.getRemoteAddr()) + " method="
                + clean(request.getMethod()) + " path=" + clean(uri);
    }

    static String user(HttpServletRequest request) {
        return request.getUserPrincipal() == null
                ? "-"
                : clean(request.getUserPrincipal().getName());
    }

    /** At most 100 printable characters without spaces: a log line an attacker cannot forge or flood. */
    static String clean(String value) {
        if (value == null || value.isEmpty()) {
            return "-";
        }
        StringBuilder cleaned = new StringBuilder();
        value.codePoints()
                .limit(100)
                .forEach(c -> cleaned.appendCodePoint(
                        c < 0x21 || c == 0x7f || c == '=' || Character.isISOControl(c) || Character.isWhitespace(c)
                                ? '_'
                                : c));
        return cleaned.toString();
    }
}
