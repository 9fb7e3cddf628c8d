package org.helpdesk.directory;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.security.Passwords;

/**
 * A signed-in user changes their own password, with the current one. Open to every signed-in
 * caller, whatever their permissions (explicit {@code @PermitAll}): a user with a temporary
 * password holds none until this succeeds, and a user without a group (nora) still has a password.
 * Anonymous callers are refused.
 */
@Stateless
@PermitAll
public class PasswordChange {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    /**
     * Replaces the caller's password. The current one must be given and right; the new one follows
     * {@link Passwords}' rule and differs from the current one. Ends a temporary password.
     */
    public void changeOwn(String currentPassword, String newPassword) {
        String username = session.getCallerPrincipal().getName();
        User user = em.createNamedQuery(User.ACTIVE_BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .filter(found -> !UserAdministration.ANONYMOUS.equals(username))
                .orElseThrow(() -> new ForbiddenException(RefusalMessage.of("password.signIn")));
        if (user.isFromDirectory()) {
            throw new InvalidInputException("currentPassword", RefusalMessage.of("password.directory"));
        }
        if (currentPassword == null || !Passwords.matches(currentPassword, user.getPasswordHash())) {
            throw new InvalidInputException("currentPassword", RefusalMessage.of("password.current.wrong"));
        }
        Passwords.requireAcceptable("newPassword", newPassword);
        if (newPassword.equals(currentPassword)) {
            throw new InvalidInputException("newPassword", RefusalMessage.of("password.new.same"));
        }
        boolean wasTemporary = user.isMustChangePassword();
        user.changePassword(Passwords.hash(newPassword));
        em.persist(new AccessChange(
                username,
                user,
                AccessChange.Kind.PASSWORD_CHANGED,
                wasTemporary ? "temporary password" : "password",
                "password chosen by the user"));
    }
}
