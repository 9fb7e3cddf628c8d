package org.helpdesk.security;

import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

import org.wildfly.security.auth.server.RealmIdentity;
import org.wildfly.security.auth.server.RealmUnavailableException;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.authz.Attributes;
import org.wildfly.security.evidence.PasswordGuessEvidence;

/**
 * The organisation's directory as the server's Elytron security domain offers it: the
 * {@code dir-context} and {@code ldap-realm} that configure-ldap.cli defines, under the security
 * domain the server maps Helpdesk's deployments to. The server searches the user (the configured
 * base and filter, which also leaves disabled users out), checks the password by binding as the
 * user, and collects the groups, nested groups included; this class only asks it. It holds no
 * state and no cache: every call asks the directory, so a removed or disabled user, or a changed
 * password, counts from the next request.
 */
@ApplicationScoped
public class Directory {

    /** Written by configure-ldap.cli: whether the server's security domain holds the directory. */
    public static final String ENABLED_PROPERTY = "helpdesk.ldap.enabled";

    /** The identity attributes that configure-ldap.cli's {@code attribute-mapping} fills. */
    static final String DISPLAY_NAME = "displayName";

    static final String EMAIL = "email";
    static final String GROUPS = "groups";

    private static final Logger LOG = Logger.getLogger(Directory.class.getName());

    /** Whether this server signs users in against a directory. */
    public boolean isConfigured() {
        return Boolean.getBoolean(ENABLED_PROPERTY);
    }

    /** The user, if the directory knows them (and they are not disabled) and the password is theirs. */
    public Optional<DirectoryEntry> authenticate(String username, String password) {
        return ask(username, identity -> identity.verifyEvidence(new PasswordGuessEvidence(password.toCharArray())));
    }

    /** The user as the directory describes them now, if it still knows them. */
    public Optional<DirectoryEntry> find(String username) {
        return ask(username, identity -> true);
    }

    private Optional<DirectoryEntry> ask(String username, Check check) {
        if (!isConfigured()) {
            return Optional.empty();
        }
        SecurityDomain domain = SecurityDomain.getCurrent();
        if (domain == null) {
            LOG.severe("helpdesk.ldap.enabled is set, but the deployment has no Elytron security domain");
            throw new DirectoryUnavailableException();
        }
        RealmIdentity identity = null;
        try {
            identity = domain.getIdentity(username);
            if (!identity.exists() || !check.passes(identity)) {
                return Optional.empty();
            }
            Attributes attributes = identity.getAuthorizationIdentity().getAttributes();
            String displayName = first(attributes, DISPLAY_NAME).orElse(username);
            return Optional.of(new DirectoryEntry(
                    username,
                    displayName,
                    first(attributes, EMAIL).orElse(null),
                    attributes.containsKey(GROUPS) ? Set.copyOf(attributes.get(GROUPS)) : Set.of()));
        } catch (RealmUnavailableException | RuntimeException unreachable) {
            // The realm reports an unreachable directory as RealmUnavailableException; JNDI's
            // failures below it may also arrive unwrapped. Either way: no sign-in, and no trace
            // to the caller. The server log keeps the cause (never the password).
            LOG.log(Level.WARNING, "The directory could not be asked about " + username + ": " + unreachable);
            throw new DirectoryUnavailableException();
        } finally {
            if (identity != null) {
                identity.dispose();
            }
        }
    }

    private static Optional<String> first(Attributes attributes, String name) {
        return attributes.containsKey(name) && !attributes.get(name).isEmpty()
                ? Optional.of(attributes.get(name).get(0)).filter(value -> !value.isBlank())
                : Optional.empty();
    }

    @FunctionalInterface
    private interface Check {
        boolean passes(RealmIdentity identity) throws RealmUnavailableException;
    }
}
