package org.helpdesk.ticket;

import java.util.Locale;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.StorableText;

/**
 * What a list of tickets is asked for: optional text (in subject and details) and status, and the
 * page ({@code page} from 1, {@code size} from 1 to {@value #MAX_SIZE}).
 */
public record TicketSearch(String text, Status status, int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 25;

    public TicketSearch {
        if (page < 1) {
            throw new InvalidInputException("page", "The page must be 1 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidInputException("limit", "The page size must be between 1 and " + MAX_SIZE + ".");
        }
        text = text == null || text.isBlank() ? null : StorableText.require("q", text.strip());
    }

    /** The text as a LIKE pattern: lower case, with LIKE's own characters escaped by '\'. */
    String likePattern() {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    int firstResult() {
        long first = (long) (page - 1) * size;
        return first > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) first;
    }
}
