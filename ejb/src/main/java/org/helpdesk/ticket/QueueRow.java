package org.helpdesk.ticket;

import java.time.Instant;

/**
 * A ticket as a row of the staff queue, read as one projection (no query per row); also a row of
 * the queue's export. {@code slaDueAt} is the due time of its SLA clock that runs out first,
 * {@code null} when none runs. The version is the one the row was read at: a bulk change of the
 * tickets selected on the page carries it, so that a ticket changed since is refused, not
 * overwritten.
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
        Instant slaDueAt,
        long version) {}
