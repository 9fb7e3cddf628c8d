package org.helpdesk.security;

import java.util.Set;

/**
 * A user as the organisation's directory describes them now: the attributes that the server's
 * {@code ldap-realm} maps (wildfly-config/src/main/cli/configure-ldap.cli). Never leaves the
 * server.
 */
public record DirectoryEntry(String username, String displayName, String email, Set<String> groups) {

    public DirectoryEntry {
        groups = Set.copyOf(groups);
    }
}
