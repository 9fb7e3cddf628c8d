package org.helpdesk.common;

/**
 * A list whose query ran past the database's time limit for lists and was cancelled, so that one
 * broad search cannot keep the database from serving everyone else. The caller narrows the filter.
 */
public class ListTooSlowException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public ListTooSlowException() {
        super(RefusalMessage.of("list.tooSlow"));
    }
}
