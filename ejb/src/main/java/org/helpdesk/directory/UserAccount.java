package org.helpdesk.directory;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/**
 * A user as the administrators see them: whether the account is active, the directory's, or
 * waiting for its temporary password to be changed; groups, the permissions those grant now, and
 * locations.
 */
public record UserAccount(
        long id,
        String username,
        String displayName,
        String email,
        boolean active,
        boolean fromDirectory,
        boolean mustChangePassword,
        Set<String> groups,
        Set<String> permissions,
        List<Profile.LocationView> locations)
        implements Serializable {

    public UserAccount {
        groups = Set.copyOf(groups);
        permissions = Set.copyOf(permissions);
        locations = List.copyOf(locations);
    }
}
