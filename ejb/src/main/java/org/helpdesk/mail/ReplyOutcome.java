package org.helpdesk.mail;

/** What became of a fetched message; the value recorded in mail_inbound.outcome. */
public enum ReplyOutcome {
    /** Posted to the ticket's thread as the token's owner. */
    POSTED(false),
    /** Recorded before (fetched again after a crash or a reset \Seen flag): nothing done. */
    DUPLICATE(false),
    /** An auto-reply or a bounce: dropped without an answer (no mail loops). */
    AUTOMATIC(false),
    /** No token, or one nobody was given: dropped silently, a stranger learns nothing. */
    UNKNOWN_TOKEN(false),
    /** A real token from another address than its owner's: dropped silently. */
    WRONG_SENDER(false),
    /** The owner no longer sees the ticket (inactive, moved out of scope): dropped. */
    NOT_ALLOWED(false),
    /** The ticket is closed and takes no response: the sender gets a note. */
    CLOSED(true),
    /** Nothing left once quotes and signature were stripped: dropped. */
    EMPTY(false),
    /** Longer than a response may be: the sender gets a note. */
    TOO_LONG(true),
    /** A file over Rule 5's limits, or more than 5 files: nothing stored, the sender gets a note. */
    TOO_LARGE(true),
    /** Could not be handled after several attempts (logged); marked processed so it is not read for ever. */
    FAILED(false);

    private final boolean noted;

    ReplyOutcome(boolean noted) {
        this.noted = noted;
    }

    /** Whether the sender (the token's owner, from their own address) is told by mail. */
    public boolean noted() {
        return noted;
    }
}
