package org.helpdesk.web.security;

import java.io.IOException;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.omnifaces.util.Messages;

/** Backs login.xhtml: hands the typed credentials to the authentication mechanism. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext facesContext;

    private String username;

    private String password;

    private String continueTo;

    public void signIn() throws IOException {
        ExternalContext external = facesContext.getExternalContext();
        AuthenticationStatus status = securityContext.authenticate(
                (HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, password))
                        .newAuthentication(true));
        switch (status) {
            case SUCCESS -> external.redirect(external.getRequestContextPath() + SafeRedirect.localPathOr(continueTo));
            case SEND_CONTINUE -> facesContext.responseComplete();
            default -> {
                boolean unavailable =
                        external.getRequestMap().containsKey(HelpdeskAuthenticationMechanism.SIGN_IN_UNAVAILABLE);
                if (unavailable) {
                    external.setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                }
                Messages.addGlobal(
                        FacesMessage.SEVERITY_ERROR,
                        facesContext
                                .getApplication()
                                .getResourceBundle(facesContext, "msg")
                                .getString(unavailable ? "login.unavailable" : "login.failed"));
            }
        }
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getContinueTo() {
        return continueTo;
    }

    public void setContinueTo(String continueTo) {
        this.continueTo = continueTo;
    }
}
