package org.helpdesk.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Once per cluster: a round of the fetcher runs while its transaction holds the row lock on
 * mail_fetch_lock (V7), taken with {@code SELECT ... FOR UPDATE SKIP LOCKED} like the sender's
 * claim; a node that finds the row locked skips its round. The messages themselves are handled
 * in transactions of their own ({@link InboundReplies#handle}), which this one only outlives. A
 * node that dies loses its database connection and with it the lock.
 */
@Stateless
@PermitAll
public class MailFetchClaim {

    @PersistenceContext
    private EntityManager em;

    /** Runs the round if no other node is in one; false if one is. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean whileClaimed(Runnable round) {
        if (em.createNativeQuery("SELECT id FROM mail_fetch_lock WHERE id = 1 FOR UPDATE SKIP LOCKED")
                .getResultList()
                .isEmpty()) {
            return false;
        }
        round.run();
        em.createNativeQuery("UPDATE mail_fetch_lock SET fetched_at = ? WHERE id = 1")
                .setParameter(1, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .executeUpdate();
        return true;
    }
}
