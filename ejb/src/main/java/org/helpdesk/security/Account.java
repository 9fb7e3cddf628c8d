package org.helpdesk.security;

import java.util.Set;

/**
 * What the identity store needs to know of a user: the stored password hash (none for a directory
 * user, whose password the directory checks) and the groups. Never leaves the server.
 */
public record Account(String username, String passwordHash, Set<String> groups, boolean fromDirectory) {

    public Account {
        groups = Set.copyOf(groups);
    }

    /** The permissions (security roles) that this account's groups grant now. */
    public Set<String> permissions() {
        return GroupPermissions.of(groups);
    }
}
