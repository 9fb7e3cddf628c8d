package org.helpdesk.mail;

import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of notification, each of which a user can turn off on the preferences page. The first
 * three go to the requester of a ticket, the last three to staff.
 */
public enum MailKind {
    /** The confirmation that a request was filed. */
    TICKET_FILED(Audience.REQUESTER),
    /** Staff answered in the thread (never an internal note: Rule 7). */
    STAFF_RESPONSE(Audience.REQUESTER),
    /** The status became in progress, resolved, closed, or open again. */
    STATUS_CHANGED(Audience.REQUESTER),
    /** A new ticket at one of the staff member's locations. Off: only tickets assigned to them. */
    NEW_TICKET(Audience.STAFF),
    /** The requester answered on a ticket assigned to the staff member. */
    REQUESTER_RESPONSE(Audience.STAFF),
    /** A ticket was assigned to the staff member. */
    ASSIGNED(Audience.STAFF),
    /** A reply by mail was not posted (a file over Rule 5's limits, a closed ticket): not a preference. */
    REPLY_REFUSED(Audience.SENDER);

    /** Whom a kind concerns: the preferences page shows staff kinds to staff only. */
    public enum Audience {
        REQUESTER,
        STAFF,
        /** Answers to a mail the user sent (a refused reply): not a choice, never offered. */
        SENDER
    }

    private final Audience audience;

    MailKind(Audience audience) {
        this.audience = audience;
    }

    public Audience audience() {
        return audience;
    }

    /** The value as the API spells it: ticket_filed, staff_response, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<MailKind> fromCode(String code) {
        for (MailKind kind : values()) {
            if (kind.code().equalsIgnoreCase(code == null ? "" : code.strip())) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
