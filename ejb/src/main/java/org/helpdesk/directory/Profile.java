package org.helpdesk.directory;

import java.io.Serializable;
import java.util.List;
import java.util.Set;

/** The signed-in user as the pages and the API show them: who they are, what they may do, where. */
public record Profile(
        long id,
        String username,
        String displayName,
        String email,
        Set<String> permissions,
        List<LocationView> locations) {

    public Profile {
        permissions = Set.copyOf(permissions);
        locations = List.copyOf(locations);
    }

    /** A location as a choice in a form or an item of the API. */
    /** A location by id and name; small and Serializable, so a page's view scope may keep it. */
    public record LocationView(long id, String name) implements Serializable {}
}
