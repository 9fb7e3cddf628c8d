package org.helpdesk.common;

/**
 * Someone else changed the thing since the caller loaded it: nothing was written, and the caller
 * must look at the new state before trying again (optimistic locking; nothing is overwritten).
 */
public class ConcurrentChangeException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException() {
        super("This request was changed by someone else in the meantime. Reload it to see the changes.");
    }

    /** The refusal for something other than a ticket, named in the message. */
    public ConcurrentChangeException(String message) {
        super(message);
    }
}
