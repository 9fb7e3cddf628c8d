package org.helpdesk.ticket;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import org.helpdesk.attachment.AttachmentStore;
import org.helpdesk.attachment.IncomingFile;
import org.helpdesk.common.Limits;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.directory.User;
import org.helpdesk.security.GroupPermissions;
import org.helpdesk.security.Permissions;

/**
 * A response that arrives by e-mail, decided with the page's rules for the user the reply token
 * was given to, who is not a signed-in caller: the mail fetcher (org.helpdesk.mail.MailReplies)
 * is the only caller and passes the token's owner, never an address from the mail alone. The
 * user must be active, the mail's sender must be their address, and they must still see the
 * ticket (its requester, or staff at its location: {@link TicketAccess}); a closed ticket takes
 * nothing. Runs in the fetcher's transaction, so the response and the message's record commit
 * together.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class MailResponses {

    /** Why a reply was not posted; {@code POSTED} when it was. */
    public enum Outcome {
        POSTED,
        WRONG_SENDER,
        NOT_ALLOWED,
        CLOSED,
        EMPTY,
        TOO_LONG
    }

    @PersistenceContext
    private EntityManager em;

    @Inject
    private TicketAccess access;

    @Inject
    private AttachmentStore attachments;

    @Inject
    private TicketNotifications notifications;

    /** The user the token was given to, if still active. */
    public User user(long userId) {
        User user = em.find(User.class, userId);
        if (user == null || !user.isActive()) {
            return null;
        }
        return user;
    }

    /**
     * Posts {@code text} (quotes and signature already stripped) with the files as the user's
     * response to the ticket, or says why not and writes nothing.
     */
    public Outcome respond(long ticketId, long userId, String sender, String text, List<IncomingFile> files) {
        User user = user(userId);
        if (user == null) {
            return Outcome.NOT_ALLOWED;
        }
        String address = user.getEmail();
        if (address == null
                || sender == null
                || !address.strip()
                        .toLowerCase(Locale.ROOT)
                        .equals(sender.strip().toLowerCase(Locale.ROOT))) {
            return Outcome.WRONG_SENDER;
        }
        boolean staff = GroupPermissions.of(user.getGroups()).contains(Permissions.MANAGE_TICKETS);
        Ticket ticket;
        try {
            ticket = access.visibleTicket(ticketId, user, staff);
        } catch (NotFoundException e) {
            return Outcome.NOT_ALLOWED;
        }
        if (!staff && !ticket.isRequestedBy(user)) {
            return Outcome.NOT_ALLOWED;
        }
        if (ticket.getStatus() == Status.CLOSED) {
            return Outcome.CLOSED;
        }
        if (text == null || text.isBlank()) {
            return Outcome.EMPTY;
        }
        if (text.strip().length() > Limits.TEXT) {
            return Outcome.TOO_LONG;
        }
        String body = TicketService.requireText("text", text, "Write your response.");
        attachments.checkCount(files);
        Instant now = TicketService.now();
        Status before = ticket.getStatus();
        TicketMessage message = ticket.respond(user, staff, body, now);
        em.flush();
        notifications.responded(ticket, message, before);
        attachments.storeAll(ticket, message, user, files, now);
        return Outcome.POSTED;
    }
}
