package org.helpdesk.directory;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.common.StorableText;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Passwords;
import org.helpdesk.security.Permissions;

/**
 * Users' access as the application holds it, for administrators only: their groups and locations,
 * new database-store accounts, deactivation, temporary passwords, and the log of all of it. Every
 * change is recorded in the access log ({@link AccessChange}) in its own transaction, and applies
 * at the user's next request: the authentication mechanism reads the account again on every
 * request.
 *
 * <p>Nobody changes their own access here (groups, locations, activation, password): an
 * administrator could otherwise keep every clinic for himself or lock himself out. One's own
 * password is changed with the current one ({@link PasswordChange}).
 */
@Stateless
@RolesAllowed(Permissions.ADMINISTER)
public class UserAdministration {

    /** How many access changes the log shows, newest first. */
    public static final int ACCESS_LOG_SIZE = 200;

    /** The caller name of an unauthenticated call; no account may have it. */
    static final String ANONYMOUS = "anonymous";

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext session;

    @Inject
    private Validator validator;

    /** Every user with groups and locations, by name, in two queries. */
    public List<UserAccount> users() {
        List<User> users = em.createQuery(
                        "SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.groups ORDER BY u.displayName", User.class)
                .getResultList();
        em.createQuery("SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.locations", User.class)
                .getResultList();
        return users.stream()
                .sorted(Comparator.comparing(User::getDisplayName).thenComparing(User::getUsername))
                .map(UserAdministration::account)
                .toList();
    }

    public List<Location> locations() {
        return em.createQuery("SELECT l FROM Location l ORDER BY l.name", Location.class)
                .getResultList();
    }

    /** The group-to-permission mapping as the server is configured now (read-only here). */
    public Map<String, Set<String>> groupPermissions() {
        return GroupPermissions.configured();
    }

    /**
     * Creates a database-store account with a temporary password that the user must change at the
     * first sign-in. Every field at fault is named at once; a name that exists already (in any
     * case: "Alice" is alice) is refused, and nothing is stored.
     */
    public UserAccount createUser(NewUser request) {
        if (request == null) {
            throw new InvalidInputException("username", RefusalMessage.of("user.username.required"));
        }
        Map<String, RefusalMessage> errors = new TreeMap<>();
        for (ConstraintViolation<NewUser> violation : validator.validate(request)) {
            errors.putIfAbsent(violation.getPropertyPath().toString(), RefusalMessage.of(violation));
        }
        String username = request.username() == null ? "" : request.username().strip();
        if (!errors.containsKey("username") && (ANONYMOUS.equalsIgnoreCase(username) || nameTaken(username))) {
            errors.put("username", RefusalMessage.of("user.username.taken", username));
        }
        String displayName =
                request.displayName() == null ? "" : request.displayName().strip();
        if (!errors.containsKey("displayName") && !StorableText.isStorable(displayName)) {
            errors.put("displayName", RefusalMessage.of("user.displayName.unstorable"));
        }
        String email = request.email() == null || request.email().isBlank()
                ? null
                : request.email().strip();
        Set<String> groups = Set.of();
        Set<Location> locations = Set.of();
        try {
            groups = knownGroups(request.groups() == null ? Set.of() : request.groups());
        } catch (InvalidInputException refusal) {
            errors.putAll(refusal.fieldRefusals());
        }
        try {
            locations = existingLocations(request.locationIds() == null ? Set.of() : request.locationIds());
        } catch (InvalidInputException refusal) {
            errors.putAll(refusal.fieldRefusals());
        }
        try {
            Passwords.requireAcceptable("temporaryPassword", request.temporaryPassword());
        } catch (InvalidInputException refusal) {
            errors.putAll(refusal.fieldRefusals());
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        User user =
                User.withTemporaryPassword(username, displayName, email, Passwords.hash(request.temporaryPassword()));
        user.changeAccess(groups, locations);
        em.persist(user);
        try {
            em.flush();
        } catch (PersistenceException raced) {
            // Another administrator created the same name a moment ago: the unique constraint.
            throw new InvalidInputException("username", RefusalMessage.of("user.username.taken", username));
        }
        record(user, AccessChange.Kind.USER_CREATED, null, describe(user));
        return account(user);
    }

    /**
     * Replaces a user's groups and locations. Only the groups that the group-to-permission mapping
     * knows can be given; a directory user's groups are the directory's (read-only here: only
     * their locations change).
     */
    public UserAccount changeAccess(long userId, Set<String> groups, Set<Long> locationIds) {
        User user = someoneElse(userId, RefusalMessage.of("user.access.own"));
        Set<String> cleanGroups = knownGroups(groups);
        Set<Location> locations = existingLocations(locationIds);
        if (user.isFromDirectory() && !cleanGroups.equals(user.getGroups())) {
            throw new InvalidInputException("groups", RefusalMessage.of("user.groups.directory", user.getUsername()));
        }
        String groupsBefore = names(user.getGroups());
        String locationsBefore = locationNames(user.getLocations());
        user.changeAccess(cleanGroups, locations);
        if (!groupsBefore.equals(names(user.getGroups()))) {
            record(user, AccessChange.Kind.GROUPS, groupsBefore, names(user.getGroups()));
        }
        if (!locationsBefore.equals(locationNames(user.getLocations()))) {
            record(user, AccessChange.Kind.LOCATIONS, locationsBefore, locationNames(user.getLocations()));
        }
        return account(user);
    }

    /**
     * Deactivates ({@code false}) or reactivates a user. A deactivated user cannot sign in, pages or
     * API, from their next request on (the mechanism signs an open session out).
     */
    public UserAccount setActive(long userId, boolean active) {
        User user = someoneElse(userId, RefusalMessage.of("user.active.own"));
        if (user.isActive() != active) {
            record(user, AccessChange.Kind.ACTIVATION, activity(user.isActive()), activity(active));
            user.changeActive(active);
        }
        return account(user);
    }

    /**
     * Sets a temporary password that the user must change at the next sign-in; until then they
     * hold no permission. One's own password is changed with the current one, elsewhere.
     */
    public UserAccount setTemporaryPassword(long userId, String temporaryPassword) {
        User user = someoneElse(userId, RefusalMessage.of("user.password.own"));
        if (user.isFromDirectory()) {
            throw new InvalidInputException(
                    "temporaryPassword", RefusalMessage.of("user.password.directory", user.getUsername()));
        }
        Passwords.requireAcceptable("temporaryPassword", temporaryPassword);
        user.setTemporaryPassword(Passwords.hash(temporaryPassword));
        record(user, AccessChange.Kind.PASSWORD_RESET, null, "temporary password, to be changed at the next sign-in");
        return account(user);
    }

    /** The latest access changes, newest first ({@link #ACCESS_LOG_SIZE} at most). */
    public List<AccessLogEntry> accessLog() {
        return em
                .createQuery(
                        "SELECT c FROM AccessChange c JOIN FETCH c.user ORDER BY c.changedAt DESC, c.id DESC",
                        AccessChange.class)
                .setMaxResults(ACCESS_LOG_SIZE)
                .getResultList()
                .stream()
                .map(AccessChange::view)
                .toList();
    }

    private User someoneElse(long userId, RefusalMessage refusalForOneself) {
        User user = em.find(User.class, userId);
        if (user == null) {
            throw new NotFoundException(RefusalMessage.of("user.notFound"));
        }
        if (user.getUsername().equals(session.getCallerPrincipal().getName())) {
            throw new ForbiddenException(refusalForOneself);
        }
        return user;
    }

    private boolean nameTaken(String username) {
        return !em.createQuery("SELECT u.id FROM User u WHERE LOWER(u.username) = :name", Long.class)
                .setParameter("name", username.toLowerCase(Locale.ROOT))
                .setMaxResults(1)
                .getResultList()
                .isEmpty();
    }

    private static Set<String> knownGroups(Collection<String> groups) {
        Set<String> known = GroupPermissions.configured().keySet();
        Set<String> clean = new TreeSet<>();
        for (String group : groups) {
            String name = group == null ? "" : group.strip();
            if (!known.contains(name)) {
                throw new InvalidInputException(
                        "groups", RefusalMessage.of("user.groups.unknown", String.join(", ", known)));
            }
            clean.add(name);
        }
        return clean;
    }

    private Set<Location> existingLocations(Collection<Long> locationIds) {
        Set<Location> locations = new HashSet<>();
        for (Long locationId : locationIds) {
            Location location = locationId == null ? null : em.find(Location.class, locationId);
            if (location == null) {
                throw new InvalidInputException("locations", RefusalMessage.of("user.locations.unknown"));
            }
            locations.add(location);
        }
        return locations;
    }

    private void record(User user, AccessChange.Kind kind, String before, String after) {
        em.persist(new AccessChange(session.getCallerPrincipal().getName(), user, kind, before, after));
    }

    static String describe(User user) {
        return "groups: " + names(user.getGroups()) + "; locations: " + locationNames(user.getLocations())
                + (user.isMustChangePassword() ? "; temporary password" : "");
    }

    static String names(Collection<String> names) {
        return names.isEmpty() ? "none" : String.join(", ", new TreeSet<>(names));
    }

    static String locationNames(Collection<Location> locations) {
        return names(locations.stream().map(Location::getName).collect(Collectors.toSet()));
    }

    private static String activity(boolean active) {
        return active ? "active" : "inactive";
    }

    static UserAccount account(User user) {
        return new UserAccount(
                user.getId(),
                user.getUsername(),
                user.getDisplayName(),
                user.getEmail(),
                user.isActive(),
                user.isFromDirectory(),
                user.isMustChangePassword(),
                user.getGroups(),
                GroupPermissions.of(user.getGroups()),
                user.getLocations().stream()
                        .sorted(Comparator.comparing(Location::getName))
                        .map(location -> new Profile.LocationView(location.getId(), location.getName()))
                        .toList());
    }
}
