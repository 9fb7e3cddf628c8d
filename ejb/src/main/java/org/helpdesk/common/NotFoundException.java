package org.helpdesk.common;

/**
 * The thing asked for does not exist, or the caller may not know that it exists: both give the
 * same answer, so that ids leak nothing (Rule 2).
 */
public class NotFoundException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public NotFoundException(RefusalMessage message) {
        super(message);
    }
}
