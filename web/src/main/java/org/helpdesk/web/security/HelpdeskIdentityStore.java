package org.helpdesk.web.security;

import java.util.Map;
import java.util.Optional;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;

import org.helpdesk.common.StorableText;
import org.helpdesk.security.Account;
import org.helpdesk.security.Accounts;

/**
 * Checks user names and passwords against the application's user store (the database store;
 * directory users are {@link DirectoryIdentityStore}'s, asked after this one). The groups that a valid
 * caller receives are their permissions (create_tickets, manage_tickets), mapped from their groups
 * by the server configuration, so that {@code @RolesAllowed} names permissions only.
 *
 * <p>PBKDF2 is slow on purpose. A caller whose exact credentials were verified a moment ago is let
 * through on a keyed digest ({@link RecentlyVerifiedCredentials}) instead, so that API clients
 * sending HTTP Basic on every request do not pay for the hash each time. Every hash runs under one
 * of {@link SignInThrottle}'s permits (one per processor), so guesses in parallel cannot take
 * every core.
 */
@ApplicationScoped
public class HelpdeskIdentityStore implements IdentityStore {

    /** OWASP's recommendation for PBKDF2-HMAC-SHA256 (2023). */
    static final int ITERATIONS = 210_000;

    @Inject
    private Accounts accounts;

    @Inject
    private Pbkdf2PasswordHash passwordHash;

    @Inject
    private RecentlyVerifiedCredentials recentlyVerified;

    @Inject
    private SignInThrottle throttle;

    /** A hash of a password nobody has, so that unknown users cost as much time as known ones. */
    private String decoyHash;

    @PostConstruct
    void configureHashing() {
        passwordHash.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", String.valueOf(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoyHash = passwordHash.generate("decoy-password-for-timing".toCharArray());
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        if (!StorableText.isStorable(credential.getCaller())
                || credential.getCaller().length() > 100) {
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Account> account = accounts.findActive(credential.getCaller());
        if (account.isPresent() && account.get().fromDirectory()) {
            // The directory's user: its password is the directory's (DirectoryIdentityStore).
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        if (account.isEmpty()) {
            throttle.hashed(() -> passwordHash.verify(credential.getPassword().getValue(), decoyHash));
            return CredentialValidationResult.INVALID_RESULT;
        }
        String storedHash = account.get().passwordHash();
        String password = credential.getPasswordAsString();
        boolean valid = recentlyVerified.contains(credential.getCaller(), password, storedHash)
                || verifyAndRemember(credential, storedHash);
        return valid
                ? new CredentialValidationResult(
                        account.get().username(), account.get().permissions())
                : CredentialValidationResult.INVALID_RESULT;
    }

    private boolean verifyAndRemember(UsernamePasswordCredential credential, String storedHash) {
        if (!throttle.hashed(() -> passwordHash.verify(credential.getPassword().getValue(), storedHash))) {
            return false;
        }
        recentlyVerified.remember(credential.getCaller(), credential.getPasswordAsString(), storedHash);
        return true;
    }
}
