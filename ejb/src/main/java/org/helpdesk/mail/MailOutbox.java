package org.helpdesk.mail;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.directory.User;

/**
 * Where the services that change tickets write their notifications: always inside their own
 * transaction (MANDATORY), so that the mail is committed with the change or not at all. It never
 * talks to SMTP; {@link MailSender} does, later and elsewhere. A recipient without an e-mail
 * address, an inactive one, or one who turned the kind off gets no row.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MailOutbox {

    private static final Logger LOG = Logger.getLogger(MailOutbox.class.getName());

    @PersistenceContext
    private EntityManager em;

    /** Writes the notification for the recipient unless they cannot or do not want to get it. */
    public void enqueue(User recipient, MailKind kind, Long ticketId, MailContent content) {
        String address = recipient.getEmail();
        if (address == null || address.isBlank() || !recipient.isActive()) {
            LOG.fine(() -> "No " + kind.code() + " mail for " + recipient.getUsername() + ": no address");
            return;
        }
        if (NotificationPreferences.isOff(em, recipient.getId(), kind)) {
            return;
        }
        em.persist(new OutboxMail(
                recipient.getId(),
                address.strip(),
                kind,
                ticketId,
                content,
                Instant.now().truncatedTo(ChronoUnit.MILLIS)));
    }
}
