package org.helpdesk.common;

/**
 * Every limit of the product in one place: the EJBs' checks, the columns, the OpenAPI schema and
 * the pages' {@code maxlength} all read them from here.
 */
public final class Limits {

    /** The longest text: a ticket's details, a message, an event's values. */
    public static final int TEXT = 20_000;

    /** {@link #TEXT} as the messages write it. */
    public static final String TEXT_IN_WORDS = "20,000";

    /** The longest subject of a ticket. */
    public static final int SUBJECT = 200;

    /** The largest page of a list. */
    public static final int PAGE_SIZE_MAX = 100;

    /** The page size when the caller asks for none. */
    public static final int PAGE_SIZE_DEFAULT = 25;

    /** A user id as a filter value: 1 to 18 digits. */
    public static final String USER_ID_PATTERN = "\\d{1,18}";

    /**
     * Where a filtered count would cost a scan, counting stops here and the page says "more than
     * 1,000" (the per-status counts of a scope are exact at any size: TicketCounts).
     */
    public static final int COUNT_CAP = 1_000;

    /**
     * The most tickets one bulk action changes: a selection may hold no more, and "all matching
     * this filter" applies to the first this many in the queue's order (the page says so).
     */
    public static final int BULK_MAX = 1_000;

    /** {@link #BULK_MAX} as the messages write it. */
    public static final String BULK_MAX_IN_WORDS = "1,000";

    /** How many rows an export reads per query: its memory is one chunk, whatever the total. */
    public static final int EXPORT_CHUNK = 500;

    /** The server property of the time limit for a list's queries, in milliseconds. */
    public static final String LIST_QUERY_TIMEOUT_PROPERTY = "helpdesk.list.query-timeout-ms";

    /** The time limit for a list's queries when the server sets none. */
    public static final int LIST_QUERY_TIMEOUT_DEFAULT_MILLIS = 5_000;

    private Limits() {}

    /** How long the database may spend on one query of a list before it cancels it. */
    public static int listQueryTimeoutMillis() {
        return Integer.getInteger(LIST_QUERY_TIMEOUT_PROPERTY, LIST_QUERY_TIMEOUT_DEFAULT_MILLIS);
    }

    /** The page number and size of a list, checked once for every list. */
    public static void requirePage(int page, int size) {
        if (page < 1) {
            throw new InvalidInputException("page", RefusalMessage.of("page.min"));
        }
        if (size < 1 || size > PAGE_SIZE_MAX) {
            throw new InvalidInputException("limit", RefusalMessage.of("page.size", PAGE_SIZE_MAX));
        }
    }
}
