package org.helpdesk.web.account;

import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;

import org.helpdesk.common.BusinessException;
import org.helpdesk.directory.PasswordChange;
import org.helpdesk.security.Passwords;
import org.helpdesk.security.Permissions;
import org.helpdesk.web.PageMessages;

/**
 * Backs account/password.xhtml: the signed-in user changes their own password (the current one,
 * the new one twice). Request-scoped, so that no password outlives the request. The rules are
 * {@link PasswordChange}'s; this only checks that the new password was typed the same twice.
 */
@Named
@RequestScoped
public class PasswordBacking {

    private static final Map<String, String> FIELDS = Map.of(
            "currentPassword", "password:current",
            "newPassword", "password:newPassword");

    @Inject
    private PasswordChange passwords;

    @Inject
    private SecurityContext securityContext;

    private String currentPassword;
    private String newPassword;
    private String repeatedPassword;

    public String change() {
        if (newPassword != null && !newPassword.equals(repeatedPassword)) {
            String text = PageMessages.text("account.password.mismatch");
            FacesContext.getCurrentInstance()
                    .addMessage("password:repeat", new FacesMessage(FacesMessage.SEVERITY_ERROR, text, text));
            FacesContext.getCurrentInstance().validationFailed();
            return null;
        }
        try {
            passwords.changeOwn(currentPassword, newPassword);
        } catch (BusinessException refusal) {
            PageMessages.show(refusal, FIELDS);
            return null;
        }
        String text = PageMessages.text("account.password.changed");
        PageMessages.info(text, text);
        FacesContext.getCurrentInstance().getExternalContext().getFlash().setKeepMessages(true);
        return "/tickets/my-tickets?faces-redirect=true";
    }

    /** Whether the caller's password is temporary (set by an administrator): the page says so. */
    public boolean isTemporary() {
        return securityContext.isCallerInRole(Permissions.PASSWORD_CHANGE_REQUIRED);
    }

    public int getMinLength() {
        return Passwords.MIN_LENGTH;
    }

    public int getMaxLength() {
        return Passwords.MAX_LENGTH;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatedPassword() {
        return repeatedPassword;
    }

    public void setRepeatedPassword(String repeatedPassword) {
        this.repeatedPassword = repeatedPassword;
    }
}
