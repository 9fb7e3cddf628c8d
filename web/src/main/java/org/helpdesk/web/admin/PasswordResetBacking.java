package org.helpdesk.web.admin;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.helpdesk.common.BusinessException;
import org.helpdesk.directory.UserAccount;
import org.helpdesk.directory.UserAdministration;
import org.helpdesk.security.Passwords;
import org.helpdesk.web.PageMessages;

/**
 * Backs the per-user "Set temporary password" of admin/users.xhtml. Request-scoped, so that the
 * password typed for a user lives only for the request that sets it.
 */
@Named
@RequestScoped
public class PasswordResetBacking {

    @Inject
    private UserAdministration administration;

    @Inject
    private UsersBacking users;

    private final Map<Long, String> passwords = new HashMap<>();

    public void reset(UserAccount user) {
        try {
            administration.setTemporaryPassword(user.id(), passwords.get(user.id()));
            String text = PageMessages.text("admin.users.passwordSet");
            PageMessages.info(text + " " + user.username(), text);
        } catch (BusinessException refusal) {
            PageMessages.showAt(refusal, null);
        }
        passwords.clear();
        users.reload();
    }

    public Map<Long, String> getPasswords() {
        return passwords;
    }

    public int getMinLength() {
        return Passwords.MIN_LENGTH;
    }

    public int getMaxLength() {
        return Passwords.MAX_LENGTH;
    }
}
