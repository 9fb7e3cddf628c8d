package org.helpdesk.common;

/**
 * Someone else changed the thing since the caller loaded it: nothing was written, and the caller
 * must look at the new state before trying again (optimistic locking; nothing is overwritten).
 */
public class ConcurrentChangeException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConcurrentChangeException() {
        super(RefusalMessage.of("changedMeanwhile"));
    }

    /** The refusal for something other than a ticket, named in the message. */
    public ConcurrentChangeException(RefusalMessage message) {
        super(message);
    }
}
