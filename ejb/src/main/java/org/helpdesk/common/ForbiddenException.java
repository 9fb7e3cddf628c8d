package org.helpdesk.common;

/**
 * The caller may see the thing but not do this to it (staff editing a requester's text). For
 * things the caller may not even see, the answer is {@link NotFoundException} instead.
 */
public class ForbiddenException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ForbiddenException(RefusalMessage message) {
        super(message);
    }
}
