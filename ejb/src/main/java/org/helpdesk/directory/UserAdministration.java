package org.helpdesk.directory;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Permissions;

/**
 * Users' groups and location access as the application holds them, for staff. A change applies at
 * the user's next request: the authentication mechanism reads the groups again on every request.
 */
@Stateless
@RolesAllowed(Permissions.ADMINISTER)
public class UserAdministration {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

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

    /**
     * Replaces a user's groups and locations. Nobody changes their own (an administrator could
     * otherwise keep every clinic for himself, or take his own access away), and only the groups
     * that the group-to-permission mapping knows can be given.
     */
    public UserAccount changeAccess(long userId, Set<String> groups, Set<Long> locationIds) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotFoundException("User not found");
        }
        if (user.getUsername().equals(session.getCallerPrincipal().getName())) {
            throw new ForbiddenException("Nobody changes their own groups or locations: ask another administrator.");
        }
        Set<String> knownGroups = GroupPermissions.configured().keySet();
        Set<String> cleanGroups = new TreeSet<>();
        for (String group : groups) {
            String name = group == null ? "" : group.strip();
            if (!knownGroups.contains(name)) {
                throw new InvalidInputException(
                        "groups", "Choose groups from the mapping: " + String.join(", ", knownGroups) + ".");
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
