package org.helpdesk.ticket;

import java.time.Instant;

/** A ticket as a row of a list, read as one projection (no entity, no query per row). */
public record TicketSummary(
        long id,
        String subject,
        Status status,
        Urgency urgency,
        String locationName,
        Instant createdAt,
        Instant updatedAt) {}
