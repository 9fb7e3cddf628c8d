package org.helpdesk.it.support;

import java.security.PrivilegedActionException;
import java.security.PrivilegedExceptionAction;
import java.util.Set;

import jakarta.enterprise.inject.spi.CDI;

import org.helpdesk.security.Account;
import org.helpdesk.security.Accounts;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.auth.server.SecurityIdentity;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

/**
 * Runs code inside the server as one of the demo users, with the permissions that user's groups
 * grant through the real group-to-permission mapping: the same identity that the authentication
 * mechanism establishes for a signed-in request (a caller name and its permissions as roles).
 */
public final class Callers {

    private Callers() {}

    /** Runs the action as the named user. */
    public static <T> T as(String username, PrivilegedExceptionAction<T> action) throws Exception {
        Account account = CDI.current()
                .select(Accounts.class)
                .get()
                .findActive(username)
                .orElseThrow(() -> new IllegalArgumentException("No such demo user: " + username));
        return as(username, account.permissions(), action);
    }

    /** Runs the action as a caller with exactly the given permissions. */
    public static <T> T as(String username, Set<String> permissions, PrivilegedExceptionAction<T> action)
            throws Exception {
        SecurityIdentity identity = SecurityDomain.getCurrent()
                .createAdHocIdentity(username)
                .withDefaultRoleMapper(RoleMapper.constant(Roles.fromSet(permissions)));
        try {
            return identity.runAs(action);
        } catch (PrivilegedActionException e) {
            throw e.getException();
        }
    }

    /** Runs the action as the named user, for actions that return nothing. */
    public static void run(String username, ThrowingRunnable action) throws Exception {
        as(username, () -> {
            action.run();
            return null;
        });
    }

    /** An action without a result that may throw. */
    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
