package org.helpdesk.web.security;

import java.util.Set;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.helpdesk.security.Permissions;
import org.omnifaces.util.Servlets;

/**
 * What a signed-in caller with a temporary password may still do: the change-password page (and
 * what it needs: the login and error pages, the pages' resources). Every other page is redirected
 * to it; the API answers 403 with problem details {@code PASSWORD_CHANGE_REQUIRED} (ErrorPageServlet)
 * until the password is changed. Such a caller holds no permission meanwhile (Account.permissions),
 * so the EJBs refuse them as well; this is what makes the refusal a clear one.
 *
 * <p>Kept apart from {@link HelpdeskAuthenticationMechanism}, which asks it at the two places where
 * it knows who the caller is.
 */
public final class PasswordChangeGate {

    /** The change-password page. */
    public static final String PAGE = "/account/password";

    /** Set on an API request refused because the caller's password is temporary. */
    public static final String REFUSED = "org.helpdesk.passwordChangeRequired";

    private static final Set<String> OPEN_PATHS = Set.of(PAGE, HelpdeskAuthenticationMechanism.LOGIN_PAGE, "/error");
    private static final String RESOURCES = "/jakarta.faces.resource/";

    private PasswordChangeGate() {}

    /** Whether a caller with these roles (permissions) has a temporary password. */
    static boolean applies(Set<String> roles) {
        return roles.contains(Permissions.PASSWORD_CHANGE_REQUIRED);
    }

    /** Whether the request is one that such a caller may still make. */
    static boolean lets(String path) {
        return OPEN_PATHS.contains(path) || path.startsWith(RESOURCES) || path.equals(PAGE + ".xhtml");
    }

    /** The API's refusal (403 problem details), or the page's redirect to the change-password page. */
    static AuthenticationStatus refuse(
            HttpServletRequest request, HttpServletResponse response, HttpMessageContext context, boolean api) {
        if (api) {
            request.setAttribute(REFUSED, Boolean.TRUE);
            response.setStatus(HttpServletResponse.SC_FORBIDDEN);
            return AuthenticationStatus.SEND_CONTINUE;
        }
        String page = request.getContextPath() + PAGE;
        if (!Servlets.isFacesAjaxRequest(request)) {
            return context.redirect(page);
        }
        Servlets.facesRedirect(request, response, page);
        return AuthenticationStatus.SEND_CONTINUE;
    }
}
