package org.helpdesk.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.security.Permissions;

/**
 * The administrators' view of the outbox: how many mails stand where, the mails not yet sent and
 * those given up (DEAD), and the retry of dead ones.
 */
@Stateless
@RolesAllowed(Permissions.ADMINISTER)
public class MailAdministration {

    /** The most rows one list shows. */
    public static final int LIST_LIMIT = 200;

    @PersistenceContext
    private EntityManager em;

    /** The number of mails in each state. */
    public Map<MailState, Long> counts() {
        Map<MailState, Long> counts = new EnumMap<>(MailState.class);
        for (MailState state : MailState.values()) {
            counts.put(state, 0L);
        }
        em.createQuery("SELECT m.state, COUNT(m) FROM OutboxMail m GROUP BY m.state", Object[].class)
                .getResultStream()
                .forEach(row -> counts.put((MailState) row[0], (Long) row[1]));
        return counts;
    }

    /** The newest mails in the state, at most {@link #LIST_LIMIT}. */
    public List<OutboxMail> list(MailState state) {
        return em.createQuery("SELECT m FROM OutboxMail m WHERE m.state = :state ORDER BY m.id DESC", OutboxMail.class)
                .setParameter("state", state)
                .setMaxResults(LIST_LIMIT)
                .getResultList();
    }

    /** A dead mail pending again, due now; a mail in another state is left alone. */
    public void retry(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null) {
            throw new NotFoundException(RefusalMessage.of("mail.notFound"));
        }
        mail.retry(now());
    }

    /** Every dead mail pending again; returns how many. */
    public int retryAllDead() {
        List<OutboxMail> dead = em.createQuery("SELECT m FROM OutboxMail m WHERE m.state = :state", OutboxMail.class)
                .setParameter("state", MailState.DEAD)
                .getResultList();
        Instant now = now();
        dead.forEach(mail -> mail.retry(now));
        return dead.size();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
