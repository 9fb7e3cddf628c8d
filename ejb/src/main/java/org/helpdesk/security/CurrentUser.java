package org.helpdesk.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.User;

/**
 * The authenticated caller as an entity of the caller's transaction, and what they may do.
 * The business services ask it; they never take a user id from the request.
 */
@Stateless
@PermitAll
public class CurrentUser {

    @Resource
    private EJBContext context;

    @PersistenceContext
    private EntityManager em;

    /** The caller's user, managed in the current transaction. */
    public User get() {
        String username = context.getCallerPrincipal().getName();
        return em.createNamedQuery(User.ACTIVE_BY_USERNAME, User.class)
                .setParameter("username", username)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> new NotFoundException(RefusalMessage.of("user.notFound")));
    }

    /** Whether the caller holds {@code manage_tickets}: support staff. */
    public boolean isStaff() {
        return context.isCallerInRole(Permissions.MANAGE_TICKETS);
    }
}
