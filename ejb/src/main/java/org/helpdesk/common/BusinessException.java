package org.helpdesk.common;

import jakarta.ejb.ApplicationException;

/**
 * The root of every refusal a business method can give. Unchecked, and it rolls the transaction
 * back, so that a refused request stores nothing.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected BusinessException(String message) {
        super(message);
    }
}
