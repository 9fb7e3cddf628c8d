package org.helpdesk.security;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.RefusalMessage;

/**
 * The organisation's directory could not be asked (unreachable, timed out, refused the service
 * account). Directory users cannot sign in meanwhile; database-store users are not affected. The
 * pages show "sign-in is unavailable", the API answers 503.
 */
public class DirectoryUnavailableException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException() {
        super(RefusalMessage.of("signIn.directoryUnavailable"));
    }
}
