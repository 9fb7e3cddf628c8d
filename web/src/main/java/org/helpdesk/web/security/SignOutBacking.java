package org.helpdesk.web.security;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

/** Backs the header's Sign out button (a POST, so that no link can sign anyone out). */
@Named
@RequestScoped
public class SignOutBacking {

    @Inject
    private FacesContext facesContext;

    public void signOut() throws IOException, ServletException {
        ExternalContext external = facesContext.getExternalContext();
        ((HttpServletRequest) external.getRequest()).logout();
        external.invalidateSession();
        external.redirect(
                external.getRequestContextPath() + HelpdeskAuthenticationMechanism.LOGIN_PAGE + "?signedOut=true");
    }
}
