package org.helpdesk.mail;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Logger;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

/**
 * Fetches replies from the mailbox every 2 seconds on every node where
 * {@code helpdesk.mail.imap.enabled} is true, through the IMAP server of the mail session
 * (configure-mail.cli: host, port, TLS and credentials are the session's). Off, it does nothing:
 * the embedded default needs no mail server.
 *
 * <p>One node at a time reads the mailbox ({@link MailFetchClaim}). It reads unseen messages
 * without marking them (BODY.PEEK), lets {@link InboundReplies} decide and record each in a
 * transaction of its own, and marks a message \Seen only after that transaction committed. A crash
 * before the commit leaves nothing written and the message unseen: it is handled again. A crash
 * after the commit but before \Seen leaves the message unseen with its Message-ID recorded: fetched
 * again, it is a duplicate and only marked. So a reply is neither lost nor posted twice.
 */
@Singleton
@PermitAll
public class MailFetcher {

    private static final Logger LOG = Logger.getLogger(MailFetcher.class.getName());

    /** At most this many messages per round, so that a round (and the claim) stays short. */
    private static final int MESSAGES_PER_ROUND = 50;

    /** A message whose handling failed this often on this node is recorded FAILED and marked. */
    private static final int ATTEMPTS = 3;

    private final Map<String, Integer> failures = new HashMap<>();

    @Resource(lookup = "java:jboss/mail/Helpdesk")
    private Session mailSession;

    @EJB
    private MailFetchClaim claim;

    @Inject
    private InboundReplies replies;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "helpdesk mail fetcher")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fetch() {
        if (!MailSettings.imapEnabled()) {
            return;
        }
        try {
            claim.whileClaimed(this::round);
        } catch (RuntimeException e) {
            LOG.warning(() -> "Fetching replies failed, tried again at the next tick: " + e);
        }
    }

    private void round() {
        Store store = null;
        try {
            store = mailSession.getStore("imap");
            // Host, port, user and TLS from the session's properties, the password from its
            // authenticator (the IMAP server's credential reference).
            store.connect();
            Folder folder = store.getFolder(MailSettings.imapFolder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < unseen.length && i < MESSAGES_PER_ROUND; i++) {
                    handle(unseen[i]);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException e) {
            LOG.warning(() -> "The mailbox could not be read, tried again at the next tick: " + e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException e) {
                    LOG.fine(() -> "Closing the IMAP connection: " + e);
                }
            }
        }
    }

    private void handle(Message message) throws MessagingException {
        InboundMail mail;
        try {
            mail = InboundMail.of(message);
        } catch (IOException | MessagingException | RuntimeException e) {
            LOG.warning(() -> "An unreadable message is left unseen: " + e);
            unseen(message);
            return;
        }
        try {
            replies.handle(mail);
            failures.remove(mail.messageId());
        } catch (RuntimeException e) {
            int failed = failures.merge(mail.messageId(), 1, Integer::sum);
            LOG.warning(() -> "Reply " + mail.messageId() + " not handled (attempt " + failed + "): " + e);
            if (failed < ATTEMPTS) {
                unseen(message);
                return;
            }
            try {
                replies.failed(mail);
            } catch (RuntimeException again) {
                unseen(message);
                return;
            }
            failures.remove(mail.messageId());
        }
        // Only now, after the commit: a crash before this line leaves the message to be fetched again.
        message.setFlag(Flags.Flag.SEEN, true);
    }

    /**
     * Clears \Seen on a message left for the next round, in case the server set it on reading
     * (a session without mail.imap.peek); with peek, as configure-mail.cli sets, it was never set.
     */
    private static void unseen(Message message) {
        try {
            message.setFlag(Flags.Flag.SEEN, false);
        } catch (MessagingException e) {
            LOG.fine(() -> "Clearing \\Seen: " + e);
        }
    }
}
