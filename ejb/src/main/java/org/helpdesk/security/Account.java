package org.helpdesk.security;

import java.util.Set;

/**
 * What the identity store needs to know of a user: the stored password hash (none for a directory
 * user, whose password the directory checks), the groups, and whether the password is temporary.
 * Never leaves the server.
 */
public record Account(
        String username, String passwordHash, Set<String> groups, boolean fromDirectory, boolean mustChangePassword) {

    public Account {
        groups = Set.copyOf(groups);
    }

    /**
     * The permissions (security roles) that this account's groups grant now; none but
     * {@link Permissions#PASSWORD_CHANGE_REQUIRED} while the password is temporary, so that every
     * EJB refuses such a caller until the password is changed.
     */
    public Set<String> permissions() {
        return mustChangePassword ? Set.of(Permissions.PASSWORD_CHANGE_REQUIRED) : GroupPermissions.of(groups);
    }
}
