package org.helpdesk.ticket;

import org.helpdesk.common.Limits;
import org.helpdesk.common.StorableText;

/**
 * What a list of tickets is asked for: optional text (in the texts the caller may see, {@link TextSearch}) and status, and the
 * page ({@code page} from 1, {@code size} from 1 to {@value #MAX_SIZE}).
 */
public record TicketSearch(String text, Status status, int page, int size) {

    public static final int MAX_SIZE = Limits.PAGE_SIZE_MAX;
    public static final int DEFAULT_SIZE = Limits.PAGE_SIZE_DEFAULT;

    public TicketSearch {
        Limits.requirePage(page, size);
        text = text == null || text.isBlank() ? null : StorableText.require("q", text.strip());
    }

    int firstResult() {
        long first = (long) (page - 1) * size;
        return first > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) first;
    }
}
