package org.helpdesk.directory;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Permissions;

/**
 * Users' groups and location access as the application holds them, for staff. A change applies at
 * the user's next request: the authentication mechanism reads the groups again on every request.
 */
@Stateless
@RolesAllowed(Permissions.MANAGE_TICKETS)
public class UserAdministration {

    private static final Pattern GROUP_NAME = Pattern.compile("[A-Za-z0-9_-]{1,100}");

    @PersistenceContext
    private EntityManager em;

    /** Every user with groups and locations, by name, in two queries. */
    public List<UserAccount> users() {
        List<User> users = em.createQuery(
                        "SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.groups ORDER BY u.displayName", User.class)
                .getResultList();
        em.createQuery("SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.locations", User.class)
                .getResultList();
        return users.stream().map(UserAdministration::account).toList();
    }

    public List<Location> locations() {
        return em.createQuery("SELECT l FROM Location l ORDER BY l.name", Location.class)
                .getResultList();
    }

    /** The group-to-permission mapping as the server is configured now (read-only here). */
    public java.util.Map<String, Set<String>> groupPermissions() {
        return GroupPermissions.configured();
    }

    /** Replaces a user's groups and locations. */
    public UserAccount changeAccess(long userId, Set<String> groups, Set<Long> locationIds) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotFoundException("User not found");
        }
        Set<String> cleanGroups = new TreeSet<>();
        for (String group : groups) {
            String name = group == null ? "" : group.strip();
            if (!GROUP_NAME.matcher(name).matches()) {
                throw new InvalidInputException("groups", "A group name has 1 to 100 letters, digits, '-' or '_'.");
            }
            cleanGroups.add(name);
        }
        Set<Location> locations = new HashSet<>();
        for (Long locationId : locationIds) {
            Location location = em.find(Location.class, locationId);
            if (location == null) {
                throw new InvalidInputException("locations", "Choose existing locations.");
            }
            locations.add(location);
        }
        user.changeAccess(cleanGroups, locations);
        return account(user);
    }

    private static UserAccount account(User user) {
        return new UserAccount(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.isActive(),
                user.getGroups(),
                GroupPermissions.of(user.getGroups()),
                user.getLocations().stream()
                        .sorted(Comparator.comparing(Location::getName))
                        .map(location -> new Profile.LocationView(location.getId(), location.getName()))
                        .toList());
    }
}
