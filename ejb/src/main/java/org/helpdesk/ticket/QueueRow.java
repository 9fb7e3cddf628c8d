package org.helpdesk.ticket;

import java.time.Instant;

/** A ticket as a row of the staff queue, read as one projection (no query per row). */
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
        Instant updatedAt) {}
