package org.helpdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Sends one batch of due outbox rows, in a transaction of its own. The rows are claimed with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED} (PostgreSQL and H2 2.x alike): another node's sender
 * skips them and claims the next ones, so on a cluster each mail is sent by one node. A row is
 * marked SENT only after the SMTP server accepted it, in the same transaction as the claim.
 *
 * <p>What that guarantees: a committed notification is sent at least once, and twice only if the
 * node dies between the SMTP server's acceptance and this transaction's commit (the message then
 * carries the same Message-ID, so a mail client shows it once).
 */
@Stateless
@PermitAll
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class.getName());

    /** The header every notification carries so that auto-responders stay quiet (RFC 3834). */
    static final String AUTO_SUBMITTED = "Auto-Submitted";

    /** The outbox row a message came from: its Message-ID and this header name it. */
    public static final String OUTBOX_ID_HEADER = "X-Helpdesk-Outbox-Id";

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/mail/Helpdesk")
    private Session mailSession;

    /**
     * Claims up to {@code limit} due rows and tries each once; returns how many the SMTP server
     * accepted (fewer than {@code limit}: nothing more to do now).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int deliverDue(int limit) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<OutboxMail> due = claim(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        Duration initial = MailSettings.retryInitial();
        Duration max = MailSettings.retryMax();
        Duration giveUpAfter = MailSettings.giveUpAfter();
        int sent = 0;
        Transport transport;
        try {
            transport = mailSession.getTransport("smtp");
            transport.connect();
        } catch (MessagingException e) {
            String error = describe(e);
            LOG.warning(
                    () -> "SMTP server unreachable, " + due.size() + " mail(s) wait for the next attempt: " + error);
            due.forEach(mail -> mail.failed(error, now, initial, max, giveUpAfter));
            return 0;
        }
        try {
            for (OutboxMail mail : due) {
                try {
                    MimeMessage message = message(mail);
                    transport.sendMessage(message, message.getAllRecipients());
                    mail.sent(Instant.now().truncatedTo(ChronoUnit.MILLIS));
                    sent++;
                } catch (MessagingException | RuntimeException e) {
                    String error = describe(e);
                    LOG.log(
                            Level.WARNING,
                            "Mail " + mail.getId() + " to " + mail.getRecipient() + " not sent: " + error);
                    mail.failed(error, now, initial, max, giveUpAfter);
                    if (mail.getState() == MailState.DEAD) {
                        LOG.warning(() -> "Mail " + mail.getId() + " given up (DEAD) after " + mail.getAttempts()
                                + " attempt(s); an administrator can retry it at /admin/mail");
                    }
                }
            }
        } finally {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.fine(() -> "Closing the SMTP connection: " + e);
            }
        }
        return sent;
    }

    private List<OutboxMail> claim(Instant now, int limit) {
        @SuppressWarnings("unchecked")
        List<Object> ids = em.createNativeQuery(
                        "SELECT id FROM mail_outbox WHERE state = 'PENDING' AND next_attempt_at <= ?"
                                + " ORDER BY next_attempt_at, id FETCH FIRST " + limit
                                + " ROWS ONLY FOR UPDATE SKIP LOCKED")
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .getResultList();
        List<OutboxMail> claimed = new ArrayList<>(ids.size());
        for (Object id : ids) {
            claimed.add(em.find(OutboxMail.class, ((Number) id).longValue()));
        }
        return claimed;
    }

    private MimeMessage message(OutboxMail mail) throws MessagingException {
        String messageId = "<outbox-" + mail.getId() + "@helpdesk>";
        MimeMessage message = new MimeMessage(mailSession) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom();
        if (mail.getReplyToken() != null && message.getFrom() != null && message.getFrom().length > 0) {
            // Replies go to helpdesk+<token>@domain (the mailbox the fetcher reads, by
            // sub-addressing): the token, written with the row, names the ticket and the recipient.
            String from = ((InternetAddress) message.getFrom()[0]).getAddress();
            message.setReplyTo(
                    new InternetAddress[] {new InternetAddress(ReplyTokens.replyAddress(from, mail.getReplyToken()))});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.getRecipient(), true));
        message.setSubject(mail.getSubject(), "UTF-8");
        message.setSentDate(new Date());
        message.setHeader(AUTO_SUBMITTED, "auto-generated");
        message.setHeader(OUTBOX_ID_HEADER, String.valueOf(mail.getId()));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.getTextBody(), "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.getHtmlBody(), "UTF-8", "html");
        MimeMultipart alternative = new MimeMultipart("alternative");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        message.setContent(alternative);
        message.saveChanges();
        return message;
    }

    private static String describe(Exception e) {
        StringBuilder text = new StringBuilder(String.valueOf(e.getMessage()));
        Throwable cause = e.getCause();
        while (cause != null && text.length() < OutboxMail.ERROR_LENGTH) {
            text.append(" (").append(cause).append(')');
            cause = cause.getCause();
        }
        return text.toString();
    }
}
