package org.helpdesk.web.security;

import java.util.Optional;

import jakarta.ejb.EJBException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import org.helpdesk.common.StorableText;
import org.helpdesk.security.Account;
import org.helpdesk.security.Accounts;

/**
 * Checks user names and passwords against the organisation's directory, after the database store
 * ({@link HelpdeskIdentityStore}, priority 100) found no account of its own for the name. The
 * decision is {@link Accounts#signInFromDirectory}'s; the directory is asked through the server's
 * Elytron {@code ldap-realm} (configure-ldap.cli). Without that configuration it validates nothing.
 *
 * <p>Nothing is remembered between requests: each HTTP Basic call binds to the directory again,
 * so a changed or revoked password counts at once. An unreachable directory surfaces as
 * {@link org.helpdesk.security.DirectoryUnavailableException}, which the authentication mechanism
 * answers with "sign-in is unavailable" (503 on the API).
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    @Inject
    private Accounts accounts;

    @Override
    public int priority() {
        return 200;
    }

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String username = credential.getCaller();
        if (!StorableText.isStorable(username) || username.length() > 100) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<Account> account = signIn(username, credential.getPasswordAsString());
        return account.map(valid -> new CredentialValidationResult(valid.username(), valid.permissions()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }

    /**
     * Two first sign-ins of the same new user at once (a browser and a script) both try to create
     * the account; the loser's transaction fails on the unique user name, and asking again finds
     * the account the other one created.
     */
    private Optional<Account> signIn(String username, String password) {
        try {
            return accounts.signInFromDirectory(username, password);
        } catch (EJBException concurrentFirstSignIn) {
            return accounts.signInFromDirectory(username, password);
        }
    }
}
