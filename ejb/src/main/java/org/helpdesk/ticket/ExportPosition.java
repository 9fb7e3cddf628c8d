package org.helpdesk.ticket;

import java.time.Instant;

/** Where an export has got to: the last row written, in the export's order (newest first). */
public record ExportPosition(Instant createdAt, long id) {

    /** The position after this row. */
    public static ExportPosition after(QueueRow row) {
        return new ExportPosition(row.createdAt(), row.id());
    }
}
