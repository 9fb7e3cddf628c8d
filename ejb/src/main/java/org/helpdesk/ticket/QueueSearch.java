package org.helpdesk.ticket;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.Limits;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.common.StorableText;

/**
 * What the staff queue is asked for. Every filter is optional ({@code null}: any). The assignee is
 * a user id, or one of {@link #UNASSIGNED} and {@link #MINE}. {@code due} filters by the SLA
 * clock that runs out first ({@link Due}). Pages count from 1.
 */
public record QueueSearch(
        Status status,
        Long locationId,
        String assignee,
        Long categoryId,
        Urgency urgency,
        String text,
        Long requesterId,
        Due due,
        Sort sort,
        boolean ascending,
        int page,
        int size) {

    public static final String UNASSIGNED = "unassigned";
    public static final String MINE = "mine";

    /** The orders the queue offers. */
    public enum Sort {
        CREATED,
        UPDATED,
        URGENCY,
        STATUS,
        /** By the due time of the SLA clock that runs out first; tickets without a running clock last. */
        DUE
    }

    /** The SLA filters: a running clock past its due time, or one due within the next hour. */
    public enum Due {
        BREACHED,
        WITHIN_HOUR;

        /** The value as the page and the API spell it: breached, within_hour. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static java.util.Optional<Due> fromCode(String code) {
            for (Due due : values()) {
                if (due.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                    return java.util.Optional.of(due);
                }
            }
            return java.util.Optional.empty();
        }
    }

    /** A search without an SLA filter. */
    public QueueSearch(
            Status status,
            Long locationId,
            String assignee,
            Long categoryId,
            Urgency urgency,
            String text,
            Long requesterId,
            Sort sort,
            boolean ascending,
            int page,
            int size) {
        this(status, locationId, assignee, categoryId, urgency, text, requesterId, null, sort, ascending, page, size);
    }

    public QueueSearch {
        Limits.requirePage(page, size);
        if (assignee != null && !isAssignee(assignee)) {
            throw new InvalidInputException("assignee", RefusalMessage.of("queue.assignee.invalid"));
        }
        text = text == null || text.isBlank() ? null : StorableText.require("q", text.strip());
        sort = sort == null ? Sort.CREATED : sort;
    }

    /** Whether a value names an assignee filter: a user id, {@link #UNASSIGNED} or {@link #MINE}. */
    public static boolean isAssignee(String value) {
        return value.equals(UNASSIGNED) || value.equals(MINE) || value.matches(Limits.USER_ID_PATTERN);
    }

    /** The same search of one status: for the counts per status. */
    QueueSearch withStatus(Status wanted) {
        return new QueueSearch(
                wanted, locationId, assignee, categoryId, urgency, text, requesterId, due, sort, ascending, page, size);
    }

    /** The same filters, newest first: the order of an export, which reads on by creation (keyset). */
    QueueSearch inCreationOrder() {
        return new QueueSearch(
                status, locationId, assignee, categoryId, urgency, text, requesterId, Sort.CREATED, false, 1, size);
    }

    /** Whether only the location and the status filter it, whose counts are kept exact. */
    boolean isCountedByLocationAndStatus() {
        return assignee == null
                && categoryId == null
                && urgency == null
                && text == null
                && requesterId == null
                && due == null;
    }

    TicketSearch asTextSearch() {
        return new TicketSearch(text, status, page, size);
    }
}
