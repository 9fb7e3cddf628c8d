package org.helpdesk.ticket;

import java.io.ByteArrayInputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.attachment.AttachmentLimits;
import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.common.Limits;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.common.StorableText;
import org.helpdesk.directory.User;
import org.helpdesk.mail.InboundMail;
import org.helpdesk.mail.InboundRecords;
import org.helpdesk.mail.InboundReplies;
import org.helpdesk.mail.MailContent;
import org.helpdesk.mail.MailKind;
import org.helpdesk.mail.MailOutbox;
import org.helpdesk.mail.MailSettings;
import org.helpdesk.mail.ReplyOutcome;
import org.helpdesk.mail.ReplyTokens;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Permissions;

/**
 * A reply by e-mail, decided with the page's rules for the person its reply token was given to
 * (the fetcher, org.helpdesk.mail.MailFetcher, is the only caller; nobody is signed in). The token
 * names the ticket and that person; the mail counts only if it comes from their current address,
 * they are still active and still see the ticket (its requester, or staff at its location:
 * {@link TicketAccess}), and the ticket is not closed. Then it is their response, with Rule 8 and
 * the notifications as on the page, and its files within Rule 5's limits.
 *
 * <p>Each message is handled in a transaction of its own that records its Message-ID
 * ({@link InboundRecords}) together with the response: a message seen before is a duplicate and
 * changes nothing; one whose transaction rolled back left nothing and is handled again.
 *
 * <p>Auto-replies and bounces are dropped without an answer (no mail loops); an unknown token, or
 * a real one from another address, is dropped silently (a stranger learns nothing); a reply with a
 * file over the limits, to a closed ticket or too long stores nothing and its sender gets a short
 * note, by the outbox, from the same transaction.
 */
@Stateless
@PermitAll
public class MailReplies implements InboundReplies {

    private static final Logger LOG = Logger.getLogger(MailReplies.class.getName());

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TicketAccess access;

    @Inject
    private AttachmentStore attachments;

    @Inject
    private TicketNotifications notifications;

    @Inject
    private SlaPolicy sla;

    @Inject
    private MailOutbox outbox;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public ReplyOutcome handle(InboundMail mail) {
        String key = InboundRecords.key(mail.messageId());
        if (InboundRecords.recorded(em, key)) {
            LOG.fine(() -> "Reply " + key + " was handled before");
            return ReplyOutcome.DUPLICATE;
        }
        Optional<ReplyTokens.Owner> owner =
                mail.automatic() ? Optional.empty() : mail.token().flatMap(token -> ReplyTokens.owner(em, token));
        ReplyOutcome outcome = decide(mail, owner);
        InboundRecords.record(
                em,
                key,
                outcome,
                mail.sender(),
                owner.map(ReplyTokens.Owner::ticketId).orElse(null));
        LOG.info(() -> "Reply " + key + " from " + mail.sender() + ": " + outcome);
        return outcome;
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void failed(InboundMail mail) {
        String key = InboundRecords.key(mail.messageId());
        if (!InboundRecords.recorded(em, key)) {
            InboundRecords.record(em, key, ReplyOutcome.FAILED, mail.sender(), null);
        }
    }

    private ReplyOutcome decide(InboundMail mail, Optional<ReplyTokens.Owner> owner) {
        if (mail.automatic()) {
            return ReplyOutcome.AUTOMATIC;
        }
        if (owner.isEmpty()) {
            return ReplyOutcome.UNKNOWN_TOKEN;
        }
        User user = em.find(User.class, owner.get().userId());
        if (user == null || !sameAddress(user.getEmail(), mail.sender())) {
            return ReplyOutcome.WRONG_SENDER;
        }
        if (!user.isActive()) {
            return ReplyOutcome.NOT_ALLOWED;
        }
        boolean staff = GroupPermissions.of(user.getGroups()).contains(Permissions.MANAGE_TICKETS);
        Ticket ticket;
        try {
            ticket = access.visibleTicket(owner.get().ticketId(), user, staff);
        } catch (NotFoundException e) {
            return ReplyOutcome.NOT_ALLOWED;
        }
        ReplyOutcome refusal = refusal(mail, ticket);
        if (refusal != null) {
            if (refusal.noted()) {
                note(user, ticket, refusal, mail);
            }
            return refusal;
        }
        Instant now = TicketService.now();
        Status before = ticket.getStatus();
        TicketMessage message = ticket.respond(user, staff, mail.text().strip(), now);
        sla.follow(ticket, now);
        em.flush();
        notifications.responded(ticket, message, before);
        attachments.storeAll(ticket, message, user, files(mail), now);
        return ReplyOutcome.POSTED;
    }

    /** Why the reply cannot be posted as it is, checked before anything is written; null: it can. */
    private static ReplyOutcome refusal(InboundMail mail, Ticket ticket) {
        if (ticket.getStatus() == Status.CLOSED) {
            return ReplyOutcome.CLOSED;
        }
        if (!mail.overLimit().isEmpty()
                || mail.files().size() + mail.overLimit().size() > AttachmentLimits.MAX_FILES) {
            return ReplyOutcome.TOO_LARGE;
        }
        String text = mail.text();
        if (text == null || text.isBlank() || !StorableText.isStorable(text)) {
            return ReplyOutcome.EMPTY;
        }
        if (text.strip().length() > Limits.TEXT) {
            return ReplyOutcome.TOO_LONG;
        }
        return null;
    }

    private void note(User user, Ticket ticket, ReplyOutcome refusal, InboundMail mail) {
        String why = switch (refusal) {
            case CLOSED ->
                "The request is closed and takes no more responses; file a new request" + " if you need more help.";
            case TOO_LONG -> "A response has at most " + Limits.TEXT_IN_WORDS + " characters.";
            default ->
                mail.files().size() + mail.overLimit().size() > AttachmentLimits.MAX_FILES
                        ? "A reply can carry at most " + AttachmentLimits.MAX_FILES + " files."
                        : "Each file can be at most " + AttachmentLimits.MAX_FILE_BYTES / (1024 * 1024)
                                + " MB; too large: " + String.join(", ", mail.overLimit()) + ".";
        };
        long id = ticket.getId();
        outbox.enqueue(
                user,
                MailKind.REPLY_REFUSED,
                id,
                new MailContent(
                        "[Helpdesk #" + id + "] Reply not posted: " + ticket.getSubject(),
                        "Your reply to request #" + id + " was not posted, and nothing of it was kept. " + why,
                        List.of(),
                        null,
                        MailSettings.baseUrl() + "/tickets/view/" + id));
    }

    private static List<IncomingFile> files(InboundMail mail) {
        List<IncomingFile> files = new ArrayList<>();
        for (InboundMail.InboundFile file : mail.files()) {
            byte[] bytes = file.bytes();
            files.add(new IncomingFile(file.fileName(), file.contentType(), () -> new ByteArrayInputStream(bytes)));
        }
        return files;
    }

    private static boolean sameAddress(String a, String b) {
        return a != null
                && b != null
                && a.strip().toLowerCase(Locale.ROOT).equals(b.strip().toLowerCase(Locale.ROOT));
    }
}
