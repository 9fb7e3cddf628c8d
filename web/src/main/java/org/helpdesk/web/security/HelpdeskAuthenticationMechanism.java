package org.helpdesk.web.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.helpdesk.security.Account;
import org.helpdesk.security.Accounts;
import org.helpdesk.security.DirectoryUnavailableException;
import org.omnifaces.util.Servlets;

/**
 * The application's one authentication mechanism. Three ways in:
 * <ul>
 * <li>the login page calls {@code SecurityContext.authenticate} with the typed credentials: on
 * success the session id is renewed (no session fixation) and the user name is kept in the session;
 * <li>a request of a signed-in session: the user's groups are read again, so that a change of
 * groups or of the group-to-permission mapping applies at the next request, and a deactivated user
 * is signed out; a user whose password is temporary is sent to the change-password page
 * ({@link PasswordChangeGate});
 * <li>{@code /api/**} with HTTP Basic: checked on every request, cheaply after the first
 * ({@link HelpdeskIdentityStore}).
 * </ul>
 * Both checks of typed credentials go through {@link SignInThrottle}: after too many failures for a
 * name or from an address, the login page says that sign-in is paused and the API answers 429 with
 * Retry-After.
 * Anyone else asking for a protected resource is sent to the login page (by a Faces partial
 * response when a page asked by ajax), or gets a 401 with a
 * Basic challenge on the API. The session holds only the user name, a String, so that sessions
 * replicate across a cluster.
 *
 * <p>With a directory configured, a directory user's session asks the directory again on every
 * request (a removed or disabled user is signed out at once). While the directory cannot be reached,
 * its users get "sign-in is unavailable": the login page says so (also where a page of a signed-in
 * session is sent meanwhile), the API answers 503 with problem details. Database-store users
 * never wait for the directory.
 */
@ApplicationScoped
public class HelpdeskAuthenticationMechanism implements HttpAuthenticationMechanism {

    /** The session attribute that holds the signed-in user's name. */
    static final String SIGNED_IN_USER = "org.helpdesk.signedInUser";

    /** Set on a request whose sign-in failed because the directory could not be reached. */
    static final String SIGN_IN_UNAVAILABLE = "org.helpdesk.signInUnavailable";

    /** Set on a request whose sign-in the throttle refused: the {@link SignInThrottle.TooManyAttempts}. */
    static final String SIGN_IN_THROTTLED = "org.helpdesk.signInThrottled";

    /** How long a client should wait before trying again while the directory is unreachable. */
    static final String RETRY_AFTER_SECONDS = "30";

    static final String LOGIN_PAGE = "/login";
    static final int TOO_MANY_REQUESTS = 429;
    private static final String API_PATH = "/api/";
    private static final String BASIC_PREFIX = "Basic ";

    @Inject
    private IdentityStoreHandler identityStoreHandler;

    @Inject
    private Accounts accounts;

    @Inject
    private SignInThrottle throttle;

    @Override
    public AuthenticationStatus validateRequest(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Credential typed = context.getAuthParameters().getCredential();
        if (context.isAuthenticationRequest() && typed != null) {
            return signIn(request, typed, context);
        }
        String authorization = request.getHeader("Authorization");
        if (isApi(request) && authorization != null && authorization.regionMatches(true, 0, BASIC_PREFIX, 0, 6)) {
            return basic(authorization.substring(BASIC_PREFIX.length()).strip(), request, response, context);
        }
        Optional<Account> sessionAccount;
        try {
            sessionAccount = signedInAccount(request);
        } catch (DirectoryUnavailableException unavailable) {
            if (!context.isProtected()) {
                return context.doNothing();
            }
            return isApi(request) ? unavailable(response) : sendToUnavailableLoginPage(request, response, context);
        }
        if (sessionAccount.isPresent()) {
            if (PasswordChangeGate.applies(sessionAccount.get().permissions())
                    && !PasswordChangeGate.lets(pathOf(request))) {
                return PasswordChangeGate.refuse(request, response, context, isApi(request));
            }
            return context.notifyContainerAboutLogin(
                    sessionAccount.get().username(), sessionAccount.get().permissions());
        }
        if (!context.isProtected()) {
            return context.doNothing();
        }
        return isApi(request) ? challenge(response, context) : sendToLoginPage(request, response, context);
    }

    private AuthenticationStatus signIn(HttpServletRequest request, Credential credential, HttpMessageContext context) {
        CredentialValidationResult result;
        try {
            result = validate(request, credential);
        } catch (DirectoryUnavailableException unavailable) {
            request.setAttribute(SIGN_IN_UNAVAILABLE, Boolean.TRUE);
            return AuthenticationStatus.SEND_FAILURE;
        } catch (SignInThrottle.TooManyAttempts throttled) {
            request.setAttribute(SIGN_IN_THROTTLED, throttled);
            return AuthenticationStatus.SEND_FAILURE;
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return AuthenticationStatus.SEND_FAILURE;
        }
        request.getSession(true);
        request.changeSessionId();
        request.getSession()
                .setAttribute(SIGNED_IN_USER, result.getCallerPrincipal().getName());
        return context.notifyContainerAboutLogin(result);
    }

    private AuthenticationStatus basic(
            String encoded, HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        Optional<UsernamePasswordCredential> credential = decodeBasic(encoded);
        if (credential.isEmpty()) {
            return challenge(response, context);
        }
        CredentialValidationResult result;
        try {
            result = validate(request, credential.get());
        } catch (DirectoryUnavailableException unavailable) {
            return unavailable(response);
        } catch (SignInThrottle.TooManyAttempts throttled) {
            return tooManyAttempts(response, throttled);
        }
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            return challenge(response, context);
        }
        if (PasswordChangeGate.applies(result.getCallerGroups())) {
            return PasswordChangeGate.refuse(context.getRequest(), response, context, true);
        }
        return context.notifyContainerAboutLogin(result);
    }

    /**
     * The identity stores' verdict, under the sign-in throttle (refused while the name or address
     * has failed too often; failures counted and logged). The store handler hands on a store's
     * exception wrapped (an IllegalStateException); the directory's unavailability and the
     * throttle's refusal are unwrapped here, anything else goes on as it came.
     */
    private CredentialValidationResult validate(HttpServletRequest request, Credential credential) {
        return throttle.guard(request, credential, () -> {
            try {
                return identityStoreHandler.validate(credential);
            } catch (RuntimeException failure) {
                for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                    if (cause instanceof DirectoryUnavailableException unavailable) {
                        throw unavailable;
                    }
                    if (cause instanceof SignInThrottle.TooManyAttempts busy) {
                        throw busy;
                    }
                }
                throw failure;
            }
        });
    }

    private Optional<Account> signedInAccount(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(SIGNED_IN_USER) instanceof String username)) {
            return Optional.empty();
        }
        Optional<Account> account = accounts.findActive(username);
        if (account.isPresent() && account.get().fromDirectory()) {
            account = accounts.refreshFromDirectory(username);
        }
        if (account.isEmpty()) {
            session.invalidate();
        }
        return account;
    }

    /**
     * Redirects to the login page. A form sent by ajax (an upload whose session ended meanwhile)
     * gets the redirect as a Faces partial response, which the page follows; a plain 302 would be
     * followed by the XMLHttpRequest itself, and the page would show nothing.
     */
    private static AuthenticationStatus sendToLoginPage(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        if (!Servlets.isFacesAjaxRequest(request)) {
            return context.redirect(loginPageFor(request));
        }
        Servlets.facesRedirect(request, response, loginPageFor(request));
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * The API's answer while the directory that would have to say who the caller is cannot be
     * reached: 503 with Retry-After. The container sends the error status of an unfinished
     * authentication to the error page (web.xml), which writes the problem details.
     */
    private static AuthenticationStatus unavailable(HttpServletResponse response) {
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * The API's answer to a sign-in the throttle refused: 429 with Retry-After; the error page
     * writes the problem details, as for 503.
     */
    private static AuthenticationStatus tooManyAttempts(
            HttpServletResponse response, SignInThrottle.TooManyAttempts throttled) {
        response.setHeader("Retry-After", Long.toString(throttled.retryAfterSeconds()));
        response.setStatus(TOO_MANY_REQUESTS);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /**
     * A page of a directory user's session while the directory cannot be reached: the login page,
     * which says that sign-in is unavailable. The session stays, and goes on once the directory
     * answers again.
     */
    private static AuthenticationStatus sendToUnavailableLoginPage(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String page = request.getContextPath() + LOGIN_PAGE + "?unavailable=true";
        if (!Servlets.isFacesAjaxRequest(request)) {
            return context.redirect(page);
        }
        Servlets.facesRedirect(request, response, page);
        return AuthenticationStatus.SEND_CONTINUE;
    }

    /** A 401 with a Basic challenge; the error page turns it into problem details (ErrorPageServlet). */
    private static AuthenticationStatus challenge(HttpServletResponse response, HttpMessageContext context) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Helpdesk\", charset=\"UTF-8\"");
        return context.responseUnauthorized();
    }

    static Optional<UsernamePasswordCredential> decodeBasic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(
                    new UsernamePasswordCredential(decoded.substring(0, colon), decoded.substring(colon + 1)));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        return pathOf(request).startsWith(API_PATH);
    }

    private static String pathOf(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /** The login page, told where to return to after a successful sign-in (GET requests only). */
    private static String loginPageFor(HttpServletRequest request) {
        String login = request.getContextPath() + LOGIN_PAGE;
        if (!"GET".equals(request.getMethod())) {
            return login;
        }
        String target = pathOf(request) + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        return login + "?continue=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
}
