package org.helpdesk.common;

/** The request is well-formed but the thing's current state does not allow it (a closed ticket). */
public class ConflictException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ConflictException(RefusalMessage message) {
        super(message);
    }
}
