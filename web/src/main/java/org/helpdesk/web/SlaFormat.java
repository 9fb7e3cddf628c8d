package org.helpdesk.web;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * How the pages tell an SLA due time: "due in 2 h 10 min", "overdue by 35 min", in words (not by
 * colour alone), as wall-clock time from now: #{slaFormat.due(instant)}.
 */
@Named
@ApplicationScoped
public class SlaFormat {

    /** The time left until {@code due}, or how long it is past; empty for no due time. */
    public String due(Instant due) {
        if (due == null) {
            return "";
        }
        Duration left = Duration.between(Instant.now(), due);
        return left.isNegative()
                ? PageMessages.text("sla.overdueBy", span(left.negated()))
                : PageMessages.text("sla.dueIn", span(left));
    }

    /** Whether {@code due} has passed: for the style (the text says it too). */
    public boolean overdue(Instant due) {
        return due != null && due.isBefore(Instant.now());
    }

    /** A span to the minute, rounded up: "3 d 2 h", "2 h 10 min", "35 min", "1 min". */
    static String span(Duration duration) {
        long minutes = Math.max(1, (duration.toSeconds() + 59) / 60);
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long rest = minutes % 60;
        if (days > 0) {
            return days + " d" + (hours > 0 ? " " + hours + " h" : "");
        }
        if (hours > 0) {
            return hours + " h" + (rest > 0 ? " " + rest + " min" : "");
        }
        return rest + " min";
    }
}
