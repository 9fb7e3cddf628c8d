package org.helpdesk.web.tickets;

import java.io.Serializable;
import java.time.Instant;

import org.helpdesk.ticket.TicketDetails;

/** One entry of a ticket's conversation as the page shows it: a message or a history event. */
public record ThreadItem(Instant at, TicketDetails.Message message, TicketDetails.HistoryEntry event)
        implements Serializable {

    public boolean isMessageEntry() {
        return message != null;
    }
}
