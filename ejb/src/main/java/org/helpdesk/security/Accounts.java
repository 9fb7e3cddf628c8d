package org.helpdesk.security;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.directory.User;

/**
 * The accounts users sign in with: the database store's (a PBKDF2 hash checked by the identity
 * store) and the directory's (the password checked by the organisation's directory through the
 * server's {@code ldap-realm}, the account created here at the first sign-in). Open to
 * unauthenticated callers on purpose: it is what authentication itself calls, before there is a
 * caller.
 *
 * <p>A name that belongs to a database account is the database's: the directory is never asked
 * about it, so that the demo users (and a local administrator) sign in while the directory is
 * unreachable, and a directory entry of the same name cannot take the account over.
 */
@Stateless
@PermitAll
public class Accounts {

    /** Names a directory user may have; nothing that could mean something in an LDAP filter. */
    private static final Pattern DIRECTORY_NAME = Pattern.compile("[\\p{L}\\p{N}._@-]{1,100}");

    private static final int MAX_DISPLAY_NAME = 200;
    private static final int MAX_EMAIL = 320;

    private static final Logger LOG = Logger.getLogger(Accounts.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private Directory directory;

    /** The active account with this user name, with its groups, in one query. */
    public Optional<Account> findActive(String username) {
        List<User> users = em.createNamedQuery(User.ACTIVE_BY_USERNAME_WITH_GROUPS, User.class)
                .setParameter("username", username)
                .getResultList();
        return users.stream().findFirst().map(Accounts::toAccount);
    }

    /**
     * Signs a directory user in: the directory checks the password and says who they are; the
     * first time, their account is created at once (display name, e-mail and groups from the
     * directory; no location access until an administrator gives it), later it is brought up to
     * date. Empty when the directory does not know the name (or its filter leaves the user out as
     * disabled), the password is wrong, the name is a database account's, or an administrator
     * deactivated the account in Helpdesk.
     *
     * @throws DirectoryUnavailableException the directory could not be asked
     */
    public Optional<Account> signInFromDirectory(String username, String password) {
        if (!directory.isConfigured()
                || !DIRECTORY_NAME.matcher(username).matches()
                || password.isEmpty()
                || isDatabaseAccount(username)) {
            return Optional.empty();
        }
        return directory.authenticate(username, password).flatMap(this::provision);
    }

    /**
     * A signed-in directory user, as the directory describes them now: asked on every request of
     * their session, so that a user removed or disabled in the directory is out at the next
     * request and a change of their groups applies at once.
     *
     * @throws DirectoryUnavailableException the directory could not be asked
     */
    public Optional<Account> refreshFromDirectory(String username) {
        if (!DIRECTORY_NAME.matcher(username).matches()) {
            return Optional.empty();
        }
        return directory.find(username).flatMap(this::provision);
    }

    private boolean isDatabaseAccount(String username) {
        return em.createNamedQuery(User.BY_USERNAME_WITH_GROUPS, User.class)
                .setParameter("username", username)
                .getResultStream()
                .anyMatch(user -> !user.isFromDirectory());
    }

    /**
     * The application account of a directory user, created or updated. Of the directory's groups
     * only those that the group-to-permission mapping names are kept (an Active Directory user may
     * be in hundreds); they are read again at each request, so a mapping added later applies then.
     */
    private Optional<Account> provision(DirectoryEntry entry) {
        String displayName = truncate(entry.displayName(), MAX_DISPLAY_NAME);
        String email = entry.email() == null || entry.email().length() > MAX_EMAIL ? null : entry.email();
        Set<String> groups = entry.groups().stream()
                .filter(group -> System.getProperty(GroupPermissions.PROPERTY_PREFIX + group) != null)
                .collect(Collectors.toSet());
        Optional<User> existing = em.createNamedQuery(User.BY_USERNAME_WITH_GROUPS, User.class)
                .setParameter("username", entry.username())
                .getResultStream()
                .findFirst();
        if (existing.isEmpty()) {
            User created = User.fromDirectory(entry.username(), displayName, email, groups);
            em.persist(created);
            em.flush();
            LOG.info(() -> "Account created for directory user " + entry.username() + " with groups " + groups);
            return Optional.of(toAccount(created));
        }
        User user = existing.get();
        if (!user.isFromDirectory() || !user.isActive()) {
            return Optional.empty();
        }
        user.updateFromDirectory(displayName, email, groups);
        return Optional.of(toAccount(user));
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    private static Account toAccount(User user) {
        return new Account(
                user.getUsername(),
                user.getPasswordHash(),
                user.getGroups(),
                user.isFromDirectory(),
                user.isMustChangePassword());
    }
}
