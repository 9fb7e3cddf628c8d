package org.helpdesk.web.security;

import java.io.IOException;
import java.text.MessageFormat;
import java.util.ResourceBundle;

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
            default -> refused(external);
        }
    }

    /** Why the sign-in failed, in the page and its status: throttled (429), directory down (503), or wrong credentials. */
    private void refused(ExternalContext external) {
        ResourceBundle texts = facesContext.getApplication().getResourceBundle(facesContext, "msg");
        String text;
        if (external.getRequestMap().get(HelpdeskAuthenticationMechanism.SIGN_IN_THROTTLED)
                instanceof SignInThrottle.TooManyAttempts throttled) {
            external.setResponseStatus(HelpdeskAuthenticationMechanism.TOO_MANY_REQUESTS);
            text = throttled.busy()
                    ? texts.getString("login.busy")
                    : MessageFormat.format(texts.getString("login.throttled"), throttled.retryAfterMinutes());
        } else if (external.getRequestMap().containsKey(HelpdeskAuthenticationMechanism.SIGN_IN_UNAVAILABLE)) {
            external.setResponseStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            text = texts.getString("login.unavailable");
        } else {
            text = texts.getString("login.failed");
        }
        Messages.addGlobal(FacesMessage.SEVERITY_ERROR, text);
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
