package org.helpdesk.ticket;

import java.io.Serializable;
import java.util.List;

/**
 * What a bulk action did: how many tickets now carry the change (those that already had it
 * included, without a history entry, as a single change would do), and each one refused with why.
 */
public record BulkResult(int changed, List<Refusal> refused) implements Serializable {

    public BulkResult {
        refused = List.copyOf(refused);
    }

    /** Why one ticket of a bulk action was left as it was. */
    public enum Reason {
        /** Someone changed it after the caller saw it (its version differs). */
        CHANGED_MEANWHILE,
        /** It does not exist, or it is not in the caller's scope (Rule 2: the same answer). */
        NOT_FOUND,
        /** The caller filed it at a location they do not have: they are only its requester. */
        OUT_OF_SCOPE,
        /** A rule of the change refused it for this ticket (an assignee who does not work at its location). */
        REFUSED
    }

    /** One ticket left unchanged, and the message a single change would have given. */
    public record Refusal(long ticketId, Reason reason, String message) implements Serializable {}
}
