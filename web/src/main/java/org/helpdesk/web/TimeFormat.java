package org.helpdesk.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/** How the pages write times and file sizes: #{timeFormat.format(instant)}, #{timeFormat.size(bytes)}. */
@Named
@ApplicationScoped
public class TimeFormat {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The time in the server's time zone (the organisation's), to the minute. */
    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(ZoneId.systemDefault()));
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
