package org.helpdesk.ticket;

import java.time.Instant;

/**
 * A ticket without its thread: what a list of tickets shows of each when it shows the whole ticket
 * (the REST API's lists) rather than a page's row ({@link TicketSummary}, {@link QueueRow}).
 */
public record TicketOverview(
        long id,
        String subject,
        String details,
        Urgency urgency,
        Status status,
        TicketDetails.Ref location,
        TicketDetails.Person requester,
        TicketDetails.Person assignee,
        TicketDetails.Ref category,
        Instant createdAt,
        Instant updatedAt) {}
