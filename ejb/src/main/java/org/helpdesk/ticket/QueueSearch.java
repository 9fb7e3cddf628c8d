package org.helpdesk.ticket;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.StorableText;

/**
 * What the staff queue is asked for. Every filter is optional ({@code null}: any). The assignee is
 * a user id, or one of {@link #UNASSIGNED} and {@link #MINE}. Pages count from 1.
 */
public record QueueSearch(
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

    public static final String UNASSIGNED = "unassigned";
    public static final String MINE = "mine";

    /** The orders the queue offers. */
    public enum Sort {
        CREATED,
        UPDATED,
        URGENCY,
        STATUS
    }

    public QueueSearch {
        if (page < 1) {
            throw new InvalidInputException("page", "The page must be 1 or more.");
        }
        if (size < 1 || size > TicketSearch.MAX_SIZE) {
            throw new InvalidInputException(
                    "limit", "The page size must be between 1 and " + TicketSearch.MAX_SIZE + ".");
        }
        if (assignee != null
                && !assignee.equals(UNASSIGNED)
                && !assignee.equals(MINE)
                && !assignee.matches("\\d{1,18}")) {
            throw new InvalidInputException("assignee", "The assignee is a user id, \"unassigned\" or \"mine\".");
        }
        text = text == null || text.isBlank() ? null : StorableText.require("q", text.strip());
        sort = sort == null ? Sort.CREATED : sort;
    }

    /** The same search without its status filter: for the counts per status. */
    QueueSearch anyStatus() {
        return new QueueSearch(
                null, locationId, assignee, categoryId, urgency, text, requesterId, sort, ascending, page, size);
    }

    TicketSearch asTextSearch() {
        return new TicketSearch(text, status, page, size);
    }
}
