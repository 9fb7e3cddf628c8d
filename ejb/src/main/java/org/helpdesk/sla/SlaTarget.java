package org.helpdesk.sla;

import java.time.Duration;
import java.util.Objects;

/**
 * What the desk promises for the tickets of one urgency, in working time: the first response
 * within one target, the resolution within the other. Which urgency has which target is the
 * administrators' setting ({@code sla_target}, defaults in V8__sla_clocks.sql).
 */
public record SlaTarget(Duration firstResponse, Duration resolution) {

    /**
     * A business day in a target is this much working time: one day of the default hours, 09:00 to
     * 17:00. A target of "3 business days" is 24 working hours, whatever a location's day is.
     */
    public static final Duration BUSINESS_DAY = Duration.ofHours(8);

    public SlaTarget {
        requirePositive(firstResponse, "first response");
        requirePositive(resolution, "resolution");
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("The " + what + " target must be more than zero: " + duration);
        }
    }
}
