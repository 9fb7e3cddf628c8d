package org.helpdesk.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.attachment.AttachmentLimits;
import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.directory.User;
import org.helpdesk.ticket.MailResponses;
import org.helpdesk.ticket.Ticket;

/**
 * Decides one fetched reply, in a transaction of its own: the message's Message-ID is recorded in
 * mail_inbound in the same transaction as the response it causes, so a message fetched again is
 * recognised and never posted twice, and one whose transaction rolled back is fetched again.
 *
 * <p>Auto-replies and bounces are dropped without an answer; an unknown token, or a known one
 * from another address than its owner's, is dropped silently (nothing tells a stranger whether a
 * token exists); a reply with a file over Rule 5's limits (or more than 5 files) stores nothing
 * and its sender gets a short note; everything else is decided by {@link MailResponses} with the
 * page's rules.
 */
@Stateless
@PermitAll
public class MailReplies {

    private static final Logger LOG = Logger.getLogger(MailReplies.class.getName());

    /** What became of a message; the value recorded in mail_inbound. */
    public enum Outcome {
        POSTED,
        DUPLICATE,
        AUTOMATIC,
        UNKNOWN_TOKEN,
        WRONG_SENDER,
        NOT_ALLOWED,
        CLOSED,
        EMPTY,
        TOO_LONG,
        TOO_LARGE,
        FAILED
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private MailResponses responses;

    @EJB
    private MailOutbox outbox;

    /** Decides the message and records it; DUPLICATE (and nothing written) if it was seen before. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Outcome handle(InboundMail mail) {
        String messageId = key(mail.messageId());
        if (recorded(messageId)) {
            return Outcome.DUPLICATE;
        }
        // The row first: a second node handling the same message waits on its key, then fails.
        record(messageId, Outcome.FAILED, null);
        Optional<ReplyTokens.Owner> owner = mail.token().isEmpty()
                ? Optional.empty()
                : ReplyTokens.owner(em, mail.token().get());
        Outcome outcome = decide(mail, owner);
        em.createNativeQuery("UPDATE mail_inbound SET outcome = ?, ticket_id = ? WHERE message_id = ?")
                .setParameter(1, outcome.name())
                .setParameter(2, owner.map(ReplyTokens.Owner::ticketId).orElse(null))
                .setParameter(3, messageId)
                .executeUpdate();
        LOG.info(() -> "Reply " + messageId + " from " + mail.sender() + ": " + outcome);
        return outcome;
    }

    /** Records a message that could not be handled, so that it is not fetched for ever. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(String messageId) {
        String key = key(messageId);
        if (!recorded(key)) {
            record(key, Outcome.FAILED, null);
        }
    }

    private Outcome decide(InboundMail mail, Optional<ReplyTokens.Owner> owner) {
        if (mail.automatic()) {
            return Outcome.AUTOMATIC;
        }
        if (owner.isEmpty()) {
            return Outcome.UNKNOWN_TOKEN;
        }
        long ticketId = owner.get().ticketId();
        long userId = owner.get().userId();
        if (!mail.overLimit().isEmpty() || mail.files().size() > AttachmentLimits.MAX_FILES) {
            User user = responses.user(userId);
            if (user == null || !sameAddress(user.getEmail(), mail.sender())) {
                return Outcome.WRONG_SENDER;
            }
            refusalNote(user, ticketId, mail);
            return Outcome.TOO_LARGE;
        }
        List<IncomingFile> files = new ArrayList<>();
        for (InboundMail.InboundFile file : mail.files()) {
            byte[] bytes = file.bytes();
            files.add(new IncomingFile(
                    file.fileName(), file.contentType(), () -> new java.io.ByteArrayInputStream(bytes)));
        }
        return Outcome.valueOf(responses
                .respond(ticketId, userId, mail.sender(), mail.text(), files)
                .name());
    }

    private void refusalNote(User user, long ticketId, InboundMail mail) {
        Ticket ticket = em.find(Ticket.class, ticketId);
        String why = mail.files().size() + mail.overLimit().size() > AttachmentLimits.MAX_FILES
                ? "A reply can carry at most " + AttachmentLimits.MAX_FILES + " files."
                : "Each file can be at most " + (AttachmentLimits.MAX_FILE_BYTES / (1024 * 1024)) + " MB; too large: "
                        + String.join(", ", mail.overLimit()) + ".";
        outbox.enqueue(
                user,
                MailKind.REPLY_REFUSED,
                ticketId,
                new MailContent(
                        "[Helpdesk #" + ticketId + "] Reply not posted: " + ticket.getSubject(),
                        "Your reply to ticket #" + ticketId + " was not posted. " + why
                                + " Send it again without the file, or attach it on the page.",
                        List.of(),
                        null,
                        MailSettings.baseUrl() + "/tickets/view/" + ticketId));
    }

    private static boolean sameAddress(String a, String b) {
        return a != null
                && b != null
                && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }

    private boolean recorded(String messageId) {
        return !em.createNativeQuery("SELECT 1 FROM mail_inbound WHERE message_id = ?")
                .setParameter(1, messageId)
                .getResultList()
                .isEmpty();
    }

    private void record(String messageId, Outcome outcome, Long ticketId) {
        em.createNativeQuery(
                        "INSERT INTO mail_inbound (message_id, outcome, ticket_id, received_at) VALUES (?, ?, ?, ?)")
                .setParameter(1, messageId)
                .setParameter(2, outcome.name())
                .setParameter(3, ticketId)
                .setParameter(4, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC))
                .executeUpdate();
    }

    private static String key(String messageId) {
        return messageId.length() > 998 ? messageId.substring(0, 998) : messageId;
    }
}
