package org.helpdesk.ticket;

import java.time.Instant;

/**
 * A ticket as a row of the staff queue, read as one projection (no query per row). {@code slaDueAt}
 * is the due time of its SLA clock that runs out first, {@code null} when none runs.
 */
public record QueueRow(
        long id,
        String subject,
        Status status,
        Urgency urgency,
        String locationName,
        String requesterName,
        String assigneeName,
        String categoryName,
        Instant createdAt,
        Instant updatedAt,
        Instant slaDueAt) {}
