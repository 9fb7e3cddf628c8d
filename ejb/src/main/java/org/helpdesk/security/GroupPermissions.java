package org.helpdesk.security;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The group-to-permission mapping. It lives in the server configuration, one system property per
 * group ({@code helpdesk.permissions.<GROUP>=create_tickets,manage_tickets}, written by
 * wildfly-config/src/main/cli/configure-permissions.cli), so that an operator changes it without a
 * rebuild. It is read on every authentication, so a change applies at each user's next request.
 */
public final class GroupPermissions {

    /** The prefix of the system properties that hold the mapping. */
    public static final String PROPERTY_PREFIX = "helpdesk.permissions.";

    private GroupPermissions() {}

    /** The permissions that the given groups grant together; a group without a mapping grants none. */
    public static Set<String> of(Collection<String> groups) {
        Set<String> permissions = new TreeSet<>();
        for (String group : groups) {
            permissions.addAll(parse(System.getProperty(PROPERTY_PREFIX + group)));
        }
        return permissions;
    }

    /** The whole mapping as configured, group by group, for the administrators' read-only view. */
    public static Map<String, Set<String>> configured() {
        Map<String, Set<String>> mapping = new TreeMap<>();
        System.getProperties().forEach((key, value) -> {
            String name = key.toString();
            if (name.startsWith(PROPERTY_PREFIX)) {
                mapping.put(name.substring(PROPERTY_PREFIX.length()), parse(value.toString()));
            }
        });
        return mapping;
    }

    /** The groups whose members hold the permission now. */
    public static Set<String> groupsGranting(String permission) {
        Set<String> groups = new TreeSet<>();
        configured().forEach((group, permissions) -> {
            if (permissions.contains(permission)) {
                groups.add(group);
            }
        });
        return groups;
    }

    static Set<String> parse(String value) {
        Set<String> permissions = new TreeSet<>();
        if (value != null) {
            for (String permission : value.split(",")) {
                if (!permission.isBlank()) {
                    permissions.add(permission.strip());
                }
            }
        }
        return permissions;
    }
}
