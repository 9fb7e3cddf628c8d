package org.helpdesk.mail;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.logging.Logger;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.search.FlagTerm;

/**
 * Fetches replies from the IMAP mailbox every 2 seconds on every node where
 * {@code helpdesk.mail.imap.enabled} is true (README, "Mail"). It reads unseen messages without
 * marking them (BODY.PEEK), lets {@link MailReplies} decide and record each in a transaction of its
 * own, and marks a message \Seen only after that committed. A crash in between leaves it unseen:
 * fetched again, its recorded Message-ID makes it a duplicate, so it is neither lost nor posted
 * twice; two nodes fetching the same message are kept apart by the same record.
 */
@Singleton
@PermitAll
public class MailFetcher {

    private static final Logger LOG = Logger.getLogger(MailFetcher.class.getName());

    /** At most this many messages per tick. */
    private static final int MESSAGES_PER_TICK = 50;

    /** A message whose handling failed this often is recorded FAILED and not fetched again. */
    private static final int ATTEMPTS = 3;

    private final Map<String, Integer> failures = new HashMap<>();

    @EJB
    private MailReplies replies;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false, info = "helpdesk mail fetcher")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void fetch() {
        if (!MailSettings.imapEnabled()) {
            return;
        }
        Store store = null;
        try {
            store = session().getStore(MailSettings.imapSsl() ? "imaps" : "imap");
            store.connect(
                    MailSettings.imapHost(),
                    MailSettings.imapPort(),
                    MailSettings.imapUser(),
                    MailSettings.imapPassword());
            Folder folder = store.getFolder(MailSettings.imapFolder());
            folder.open(Folder.READ_WRITE);
            try {
                Message[] unseen = folder.search(new FlagTerm(new Flags(Flags.Flag.SEEN), false));
                for (int i = 0; i < unseen.length && i < MESSAGES_PER_TICK; i++) {
                    handle(unseen[i]);
                }
            } finally {
                folder.close(false);
            }
        } catch (MessagingException | RuntimeException e) {
            LOG.warning(() -> "Fetching replies failed, tried again at the next tick: " + e);
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
        } catch (java.io.IOException | MessagingException | RuntimeException e) {
            LOG.warning(() -> "An unreadable message is left unseen: " + e);
            return;
        }
        try {
            replies.handle(mail);
        } catch (RuntimeException e) {
            int failed = failures.merge(mail.messageId(), 1, Integer::sum);
            LOG.warning(() -> "Reply " + mail.messageId() + " not handled (" + failed + "): " + e);
            if (failed < ATTEMPTS) {
                return;
            }
            try {
                replies.failed(mail.messageId());
            } catch (RuntimeException again) {
                return;
            }
            failures.remove(mail.messageId());
        }
        // Only now, after the commit: a crash before this line leaves the message to be fetched again.
        message.setFlag(Flags.Flag.SEEN, true);
    }

    private static Session session() {
        Properties properties = new Properties();
        String protocol = MailSettings.imapSsl() ? "imaps" : "imap";
        properties.setProperty("mail." + protocol + ".peek", "true");
        properties.setProperty("mail." + protocol + ".connectiontimeout", "5000");
        properties.setProperty("mail." + protocol + ".timeout", "15000");
        if (MailSettings.imapStartTls()) {
            properties.setProperty("mail.imap.starttls.enable", "true");
            properties.setProperty("mail.imap.starttls.required", "true");
        }
        return Session.getInstance(properties);
    }
}
