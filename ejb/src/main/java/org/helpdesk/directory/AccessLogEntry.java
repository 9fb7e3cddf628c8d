package org.helpdesk.directory;

import java.io.Serializable;
import java.time.Instant;

/** One access change as the administrators read it: when, who, whose account, what, before, after. */
public record AccessLogEntry(
        long id,
        Instant changedAt,
        String actor,
        String username,
        String displayName,
        AccessChange.Kind kind,
        String before,
        String after)
        implements Serializable {}
