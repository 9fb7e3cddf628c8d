package org.helpdesk.ticket;

import java.util.Map;

import org.helpdesk.common.Page;

/** A page of the staff queue and, for the same filters but any status, the count per status. */
public record QueuePage(Page<QueueRow> rows, Map<Status, Long> countsByStatus) {

    public QueuePage {
        countsByStatus = Map.copyOf(countsByStatus);
    }
}
