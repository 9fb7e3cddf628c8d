package org.helpdesk.directory;

import java.util.HashSet;
import java.util.Set;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.NamedQueries;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A person who signs in: requester or support staff, depending on the permissions their groups
 * grant. Either an account of the database store, whose password is stored only as a PBKDF2 hash,
 * or an account of a directory user (LDAP), created at their first sign-in: no password here, and
 * name, e-mail and groups as the directory last said ({@link #updateFromDirectory}).
 */
@Entity
@Table(name = "app_user")
@NamedQueries({
    @NamedQuery(
            name = User.ACTIVE_BY_USERNAME,
            query = "SELECT u FROM User u WHERE u.username = :username AND u.active = TRUE"),
    @NamedQuery(
            name = User.BY_USERNAME_WITH_GROUPS,
            query = "SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.groups WHERE u.username = :username"),
    @NamedQuery(
            name = User.ACTIVE_BY_USERNAME_WITH_GROUPS,
            query = "SELECT DISTINCT u FROM User u LEFT JOIN FETCH u.groups "
                    + "WHERE u.username = :username AND u.active = TRUE")
})
public class User {

    public static final String ACTIVE_BY_USERNAME = "User.activeByUsername";
    public static final String ACTIVE_BY_USERNAME_WITH_GROUPS = "User.activeByUsernameWithGroups";
    public static final String BY_USERNAME_WITH_GROUPS = "User.byUsernameWithGroups";

    /** The names an account may have: nothing that could mean something in an LDAP filter. */
    public static final String USERNAME_PATTERN = "[\\p{L}\\p{N}._@-]{1,100}";

    public static final int MAX_DISPLAY_NAME = 200;
    public static final int MAX_EMAIL = 320;

    @Id
    @SequenceGenerator(name = "user_seq", sequenceName = "user_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 100)
    private String username;

    @Column(name = "display_name", nullable = false, length = 200)
    private String displayName;

    @Column(name = "password_hash", length = 500)
    private String passwordHash;

    @Column(length = 320)
    private String email;

    @Column(name = "from_directory", nullable = false)
    private boolean fromDirectory;

    @Column(nullable = false)
    private boolean active = true;

    /** Set with a temporary password: the user has no permission until they choose their own. */
    @Column(name = "must_change_password", nullable = false)
    private boolean mustChangePassword;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "user_group", joinColumns = @JoinColumn(name = "user_id"))
    @Column(name = "group_name", length = 100)
    private Set<String> groups = new HashSet<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(
            name = "user_location",
            joinColumns = @JoinColumn(name = "user_id"),
            inverseJoinColumns = @JoinColumn(name = "location_id"))
    private Set<Location> locations = new HashSet<>();

    @Version
    private long version;

    protected User() {}

    public User(String username, String displayName, String passwordHash) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
    }

    /**
     * A database-store account made by an administrator (or the first-administrator bootstrap):
     * its password is temporary and must be changed at the first sign-in.
     */
    static User withTemporaryPassword(String username, String displayName, String email, String passwordHash) {
        User user = new User(username, displayName, passwordHash);
        user.email = email;
        user.mustChangePassword = true;
        return user;
    }

    /** The account of a directory user at their first sign-in; the directory keeps the password. */
    public static User fromDirectory(String username, String displayName, String email, Set<String> groups) {
        User user = new User(username, displayName, null);
        user.fromDirectory = true;
        user.updateFromDirectory(displayName, email, groups);
        return user;
    }

    /**
     * Takes the name, e-mail and groups the directory gives now. The groups are the directory's:
     * the copy here lets the pages and the permission checks read them like anyone else's.
     * Location access stays Helpdesk's (administrators assign it).
     */
    public void updateFromDirectory(String newDisplayName, String newEmail, Set<String> newGroups) {
        if (!fromDirectory) {
            throw new IllegalStateException("Not a directory account: " + username);
        }
        this.displayName = newDisplayName;
        this.email = newEmail;
        if (!groups.equals(newGroups)) {
            groups.clear();
            groups.addAll(newGroups);
        }
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public String getEmail() {
        return email;
    }

    /** Whether the account belongs to a directory user (no password in the database). */
    public boolean isFromDirectory() {
        return fromDirectory;
    }

    public boolean isActive() {
        return active;
    }

    /** Whether the password is temporary: to be changed before anything else. */
    public boolean isMustChangePassword() {
        return mustChangePassword;
    }

    public Set<String> getGroups() {
        return Set.copyOf(groups);
    }

    public Set<Location> getLocations() {
        return Set.copyOf(locations);
    }

    /** Replaces the user's groups and locations (the administrators' edit of a user). */
    void changeAccess(Set<String> newGroups, Set<Location> newLocations) {
        groups.clear();
        groups.addAll(newGroups);
        locations.clear();
        locations.addAll(newLocations);
    }

    /** Deactivated, the user cannot sign in (pages or API) from the next request on; reactivated, again. */
    void changeActive(boolean newActive) {
        this.active = newActive;
    }

    /** An administrator's reset: a temporary password that must be changed at the next sign-in. */
    void setTemporaryPassword(String newPasswordHash) {
        requireDatabaseAccount();
        this.passwordHash = newPasswordHash;
        this.mustChangePassword = true;
    }

    /** The user's own choice of password, which ends a temporary one. */
    void changePassword(String newPasswordHash) {
        requireDatabaseAccount();
        this.passwordHash = newPasswordHash;
        this.mustChangePassword = false;
    }

    private void requireDatabaseAccount() {
        if (fromDirectory) {
            throw new IllegalStateException("The directory keeps the password of " + username);
        }
    }

    /** Whether this user may file and see tickets at the location. */
    public boolean hasAccessTo(Location location) {
        return locations.stream().anyMatch(own -> own.getId().equals(location.getId()));
    }
}
