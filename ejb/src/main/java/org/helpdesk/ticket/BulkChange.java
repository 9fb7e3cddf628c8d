package org.helpdesk.ticket;

import java.io.Serializable;

/**
 * The one change a bulk action makes to each of its tickets: the assignee ({@code null}:
 * unassign), the status, or the category ({@code null}: clear it). {@code field} {@code null} is
 * "no action chosen", which {@link BulkTriage} refuses.
 */
public record BulkChange(Field field, Status status, Long assigneeId, Long categoryId) implements Serializable {

    /** What a bulk action may set: the same three as the ticket page's triage. */
    public enum Field {
        ASSIGNEE,
        STATUS,
        CATEGORY
    }

    public static BulkChange assign(Long assigneeId) {
        return new BulkChange(Field.ASSIGNEE, null, assigneeId, null);
    }

    public static BulkChange status(Status status) {
        return new BulkChange(Field.STATUS, status, null, null);
    }

    public static BulkChange categorise(Long categoryId) {
        return new BulkChange(Field.CATEGORY, null, null, categoryId);
    }
}
