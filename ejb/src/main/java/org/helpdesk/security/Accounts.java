package org.helpdesk.security;

import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.directory.User;

/**
 * The accounts the identity store checks passwords against. Open to unauthenticated callers on
 * purpose: it is what authentication itself calls, before there is a caller.
 */
@Stateless
@PermitAll
public class Accounts {

    @PersistenceContext
    private EntityManager em;

    /** The active account with this user name, with its groups, in one query. */
    public Optional<Account> findActive(String username) {
        List<User> users = em.createNamedQuery(User.ACTIVE_BY_USERNAME_WITH_GROUPS, User.class)
                .setParameter("username", username)
                .getResultList();
        return users.stream()
                .findFirst()
                .map(user -> new Account(user.getUsername(), user.getPasswordHash(), user.getGroups()));
    }
}
