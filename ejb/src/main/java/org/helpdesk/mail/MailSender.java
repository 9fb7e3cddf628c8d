package org.helpdesk.mail;

import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

/**
 * Delivers the outbox every few seconds on every node where {@code helpdesk.mail.enabled} is true.
 * The timer is not persistent: each node runs its own, and the rows' claim
 * ({@link MailDelivery}) makes sure each mail goes out from one of them. No request ever waits for
 * this: the services only write rows.
 */
@Singleton
@PermitAll
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class.getName());

    /** At most this many batches per tick, so that a long backlog does not hold the timer. */
    private static final int BATCHES_PER_TICK = 20;

    @EJB
    private MailDelivery delivery;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "helpdesk mail sender")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void deliver() {
        if (!MailSettings.enabled()) {
            return;
        }
        int batchSize = MailSettings.batchSize();
        try {
            for (int batch = 0; batch < BATCHES_PER_TICK; batch++) {
                if (delivery.deliverDue(batchSize) < batchSize) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "Mail delivery failed, tried again at the next tick: " + e);
        }
    }
}
