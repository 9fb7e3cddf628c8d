package org.helpdesk.mail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.persistence.EntityManager;

/**
 * The table mail_inbound (V7): one row per fetched message, keyed by its Message-ID, written in the
 * caller's transaction, which is also the one of the response the message causes. A message
 * fetched again finds its row and is a duplicate; one whose transaction rolled back has none.
 */
public final class InboundRecords {

    /** The key column's length (RFC 5322 allows lines of 998 characters). */
    private static final int KEY_LENGTH = 998;

    private InboundRecords() {}

    /** The key of a Message-ID, cut to the column. */
    public static String key(String messageId) {
        String id = messageId.strip();
        return id.length() > KEY_LENGTH ? id.substring(0, KEY_LENGTH) : id;
    }

    public static boolean recorded(EntityManager em, String key) {
        return !em.createNativeQuery("SELECT 1 FROM mail_inbound WHERE message_id = ?")
                .setParameter(1, key)
                .getResultList()
                .isEmpty();
    }

    /**
     * Writes the row of a message handled in this transaction. (Absent values are left out of
     * the statement rather than bound as NULL, whose type PostgreSQL's driver cannot tell.)
     */
    public static void record(EntityManager em, String key, ReplyOutcome outcome, String sender, Long ticketId) {
        boolean withSender = sender != null && !sender.isBlank() && sender.length() <= 320;
        boolean withTicket = ticketId != null;
        var query = em.createNativeQuery("INSERT INTO mail_inbound (message_id, outcome, received_at"
                        + (withSender ? ", sender" : "") + (withTicket ? ", ticket_id" : "") + ") VALUES (?, ?, ?"
                        + (withSender ? ", ?" : "") + (withTicket ? ", ?" : "") + ")")
                .setParameter(1, key)
                .setParameter(2, outcome.name())
                .setParameter(3, OffsetDateTime.ofInstant(Instant.now(), ZoneOffset.UTC));
        int next = 4;
        if (withSender) {
            query.setParameter(next++, sender);
        }
        if (withTicket) {
            query.setParameter(next, ticketId);
        }
        query.executeUpdate();
    }
}
