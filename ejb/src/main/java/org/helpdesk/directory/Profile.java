package org.helpdesk.directory;

import java.util.List;
import java.util.Set;

/** The signed-in user as the pages and the API show them: who they are, what they may do, where. */
public record Profile(
        long id, String username, String displayName, Set<String> permissions, List<LocationView> locations) {

    public Profile {
        permissions = Set.copyOf(permissions);
        locations = List.copyOf(locations);
    }

    /** A location as a choice in a form or an item of the API. */
    public record LocationView(long id, String name) {}
}
