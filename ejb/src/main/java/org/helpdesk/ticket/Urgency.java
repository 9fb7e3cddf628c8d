package org.helpdesk.ticket;

import java.util.Locale;
import java.util.Optional;

/** How soon the requester needs help. Declared from least to most urgent, so that it sorts. */
public enum Urgency {
    LOW,
    MEDIUM,
    HIGH,
    CRITICAL;

    /** The value as the API spells it: low, medium, high, critical. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Urgency> fromCode(String code) {
        for (Urgency urgency : values()) {
            if (urgency.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(urgency);
            }
        }
        return Optional.empty();
    }
}
