package org.helpdesk.directory;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.logging.Logger;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Passwords;
import org.helpdesk.security.Permissions;

/**
 * The first administrator of a new installation, created at start from the server's
 * configuration: the system property {@value #NAME_PROPERTY} names the account, the environment
 * variable {@value #PASSWORD_VARIABLE} holds its password (never a default one; an environment
 * variable, not a property, so that it is not in the process list or the configuration file).
 *
 * <p>Applied only while no active account holds {@code administer}: once any administrator exists,
 * the property does nothing, so it may stay set. The account gets the group that grants
 * {@code administer} (OWNER in the default mapping), every location there is, and the password as
 * a temporary one, to be changed at the first sign-in. A bootstrap that was asked for but cannot
 * be applied (no password, one too short, a name that exists, no group granting administer) fails
 * the deployment with the reason in the log, rather than starting an installation nobody can
 * administer. It runs after the migrations ({@code DatabaseMigration}).
 */
@Startup
@Singleton
@DependsOn("DatabaseMigration")
@PermitAll
public class AdministratorBootstrap {

    public static final String NAME_PROPERTY = "helpdesk.bootstrap.admin";
    public static final String PASSWORD_VARIABLE = "HELPDESK_BOOTSTRAP_ADMIN_PASSWORD";

    private static final Logger LOG = Logger.getLogger(AdministratorBootstrap.class.getName());

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void atStart() {
        String username = System.getProperty(NAME_PROPERTY);
        if (username == null || username.isBlank()) {
            return;
        }
        try {
            if (createFirstAdministrator(username.strip(), System.getenv(PASSWORD_VARIABLE))) {
                LOG.info(() -> "First administrator " + username.strip() + " created (" + NAME_PROPERTY
                        + "); the password must be changed at the first sign-in");
            } else {
                LOG.info(() -> NAME_PROPERTY + " ignored: an administrator exists");
            }
        } catch (InvalidInputException refused) {
            throw new IllegalStateException(
                    NAME_PROPERTY + "=" + username.strip() + " cannot be applied: " + refused.getMessage());
        }
    }

    /**
     * Creates the administrator when none exists; {@code false} (and nothing changed) when one
     * does. Called at start; public for the integration tests, and harmless to anyone else, since
     * it acts only on an installation without an administrator.
     *
     * @throws InvalidInputException the name or password cannot be used, or no group grants
     *     {@code administer}
     */
    public boolean createFirstAdministrator(String username, String password) {
        Set<String> administratorGroups = GroupPermissions.groupsGranting(Permissions.ADMINISTER);
        if (administratorGroups.isEmpty()) {
            throw new InvalidInputException(
                    "groups", RefusalMessage.of("bootstrap.noAdministratorGroup", GroupPermissions.PROPERTY_PREFIX));
        }
        if (administratorExists(administratorGroups)) {
            return false;
        }
        Map<String, RefusalMessage> errors = new TreeMap<>();
        if (!username.matches(User.USERNAME_PATTERN) || UserAdministration.ANONYMOUS.equalsIgnoreCase(username)) {
            errors.put("username", RefusalMessage.of("bootstrap.username.invalid"));
        } else if (!em.createQuery("SELECT u.id FROM User u WHERE LOWER(u.username) = LOWER(:name)", Long.class)
                .setParameter("name", username)
                .getResultList()
                .isEmpty()) {
            errors.put("username", RefusalMessage.of("bootstrap.username.taken", username));
        }
        if (password == null || password.isEmpty()) {
            errors.put("password", RefusalMessage.of("bootstrap.password.missing", PASSWORD_VARIABLE));
        } else {
            try {
                Passwords.requireAcceptable("password", password);
            } catch (InvalidInputException refused) {
                errors.putAll(refused.fieldRefusals());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        String group = administratorGroups.contains("OWNER")
                ? "OWNER"
                : administratorGroups.iterator().next();
        User administrator = User.withTemporaryPassword(username, username, null, Passwords.hash(password));
        administrator.changeAccess(
                Set.of(group),
                new HashSet<>(em.createQuery("SELECT l FROM Location l", Location.class)
                        .getResultList()));
        em.persist(administrator);
        em.persist(new AccessChange(
                NAME_PROPERTY,
                administrator,
                AccessChange.Kind.USER_CREATED,
                null,
                UserAdministration.describe(administrator)));
        return true;
    }

    private boolean administratorExists(Set<String> administratorGroups) {
        return em.createQuery(
                                "SELECT COUNT(u) FROM User u JOIN u.groups g WHERE u.active = TRUE AND g IN :groups",
                                Long.class)
                        .setParameter("groups", administratorGroups)
                        .getSingleResult()
                > 0;
    }
}
