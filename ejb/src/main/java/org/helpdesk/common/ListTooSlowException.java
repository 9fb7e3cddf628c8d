package org.helpdesk.common;

/**
 * A list whose query ran past the database's time limit for lists and was cancelled, so that one
 * broad search cannot keep the database from serving everyone else. The caller narrows the filter.
 */
public class ListTooSlowException extends BusinessException {

    private static final long serialVersionUID = 1L;

    public static final String MESSAGE = "This list took too long to read. Try a narrower filter.";

    public ListTooSlowException() {
        super(MESSAGE);
    }
}
