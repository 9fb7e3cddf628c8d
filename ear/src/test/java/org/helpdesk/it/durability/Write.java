package org.helpdesk.it.durability;

import java.util.List;

/**
 * One write a client sent through the API, and what came of it: acknowledged (201, with the ids
 * the server gave the ticket or message and its files) or cut off by the kill (no answer).
 *
 * @param kind what was written
 * @param text the subject of a ticket or the text of a message, unique in the run
 * @param ticketId the ticket written or written to; for an unacknowledged ticket, 0
 * @param messageId the acknowledged message's id; otherwise 0
 * @param files the files sent, with the ids the answer gave them (0 while unacknowledged)
 * @param acknowledged whether the server answered 201
 */
public record Write(Kind kind, String text, long ticketId, long messageId, List<SentFile> files, boolean acknowledged) {

    public enum Kind {
        TICKET("ticket"),
        RESPONSE("response"),
        INTERNAL_NOTE("internal note");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** A file as it was sent: its name (unique in the run), size and SHA-256, and its id once acknowledged. */
    public record SentFile(String fileName, int size, String sha256, long id) {

        SentFile withId(long newId) {
            return new SentFile(fileName, size, sha256, newId);
        }
    }

    @Override
    public String toString() {
        return kind + " \"" + text + "\"" + (ticketId == 0 ? "" : " on #" + ticketId)
                + (messageId == 0 ? "" : " (message " + messageId + ")") + " with " + files.size() + " file(s)";
    }
}
