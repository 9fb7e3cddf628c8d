package org.helpdesk.ticket;

import java.util.Locale;
import java.util.Optional;

/** Where a ticket stands. Every ticket starts {@link #OPEN} (Rule 4). */
public enum Status {
    OPEN,
    IN_PROGRESS,
    RESOLVED,
    CLOSED;

    /** The value as the API and the URLs spell it: open, in_progress, resolved, closed. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with the given code, ignoring case; empty for anything else. */
    public static Optional<Status> fromCode(String code) {
        for (Status status : values()) {
            if (status.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
