package org.helpdesk.ticket;

import java.util.Map;

import org.helpdesk.common.Limits;
import org.helpdesk.common.Page;

/**
 * A page of the staff queue and, for the same filters but any status, the count per status.
 * {@code countsExact} is false where the filters needed counting tickets and more than
 * {@link Limits#COUNT_CAP} matched: the counts are then lower bounds ("412+").
 */
public record QueuePage(Page<QueueRow> rows, Map<Status, Long> countsByStatus, boolean countsExact) {

    public QueuePage {
        countsByStatus = Map.copyOf(countsByStatus);
    }
}
