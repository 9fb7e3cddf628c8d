package org.helpdesk.mail;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.directory.User;
import org.helpdesk.security.CurrentUser;
import org.helpdesk.security.Permissions;

/**
 * The signed-in user's choice of notifications: every kind is on until they turn it off; only the
 * kinds turned off are stored (table notification_opt_out). Staff kinds are offered to staff only.
 */
@Stateless
@RolesAllowed({Permissions.CREATE_TICKETS, Permissions.MANAGE_TICKETS})
public class NotificationPreferences {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private CurrentUser currentUser;

    /** The kinds the caller can receive, each with whether it is on. */
    public Map<MailKind, Boolean> mine() {
        User caller = currentUser.get();
        Set<MailKind> off = off(caller.getId());
        Map<MailKind, Boolean> choices = new EnumMap<>(MailKind.class);
        for (MailKind kind : offered()) {
            choices.put(kind, !off.contains(kind));
        }
        return choices;
    }

    /** Sets the caller's choice: the given kinds on, every other kind offered to them off. */
    public void choose(Set<MailKind> on) {
        User caller = currentUser.get();
        em.createNativeQuery("DELETE FROM notification_opt_out WHERE user_id = ?")
                .setParameter(1, caller.getId())
                .executeUpdate();
        for (MailKind kind : offered()) {
            if (!on.contains(kind)) {
                em.createNativeQuery("INSERT INTO notification_opt_out (user_id, kind) VALUES (?, ?)")
                        .setParameter(1, caller.getId())
                        .setParameter(2, kind.name())
                        .executeUpdate();
            }
        }
    }

    private Set<MailKind> offered() {
        Set<MailKind> kinds = EnumSet.noneOf(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            if (kind.audience() == MailKind.Audience.REQUESTER
                    || (kind.audience() == MailKind.Audience.STAFF && currentUser.isStaff())) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    private Set<MailKind> off(long userId) {
        @SuppressWarnings("unchecked")
        List<Object> rows = em.createNativeQuery("SELECT kind FROM notification_opt_out WHERE user_id = ?")
                .setParameter(1, userId)
                .getResultList();
        Set<MailKind> off = EnumSet.noneOf(MailKind.class);
        rows.forEach(row -> off.add(MailKind.valueOf(row.toString())));
        return off;
    }

    /** Whether the user turned the kind off; the outbox asks this in the change's transaction. */
    static boolean isOff(EntityManager em, long userId, MailKind kind) {
        return !em.createNativeQuery("SELECT 1 FROM notification_opt_out WHERE user_id = ? AND kind = ?")
                .setParameter(1, userId)
                .setParameter(2, kind.name())
                .getResultList()
                .isEmpty();
    }
}
