package org.helpdesk.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** How the pages write times and file sizes: #{timeFormat.format(instant)}, #{timeFormat.duration(d)}, #{timeFormat.size(bytes)}. */
@Named
@ApplicationScoped
public class TimeFormat {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The time in the server's time zone (the organisation's), to the minute. */
    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ZoneId.systemDefault()));
    }

    /** A duration as people read it, to its two largest units: 42 s, 12 min, 3 h 5 min, 2 d 4 h. */
    public String duration(Duration duration) {
        if (duration == null) {
            return "";
        }
        long seconds = duration.toSeconds();
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3_600) {
            return seconds / 60 + " min";
        }
        if (seconds < 86_400) {
            return seconds / 3_600 + " h " + seconds % 3_600 / 60 + " min";
        }
        return seconds / 86_400 + " d " + seconds % 86_400 / 3_600 + " h";
    }

    /** A size in bytes as people read it: 512 B, 14 KB, 9.5 MB. */
    public String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
