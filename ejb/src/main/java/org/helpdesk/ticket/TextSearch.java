package org.helpdesk.ticket;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import org.eclipse.persistence.sessions.Session;

/**
 * The condition of a list that a ticket contains a text, in the texts the caller may see: its
 * subject, its details and its conversation, internal notes for staff only (Rule 7).
 *
 * <p>On PostgreSQL it is a lookup of words in the ticket's {@code search_words} and its GIN index
 * (db/postgresql/V1__text_search.sql): every piece of the text between spaces must be there, as
 * PostgreSQL splits the tickets' own texts into words ("simple" configuration: lower case, no
 * stemming), so that a search costs the same on a million tickets as on a thousand. The words of
 * internal notes carry weight B there; a search without notes asks for weight A alone.
 *
 * <p>Elsewhere (the embedded H2) the text is a case-insensitive substring of those texts: the
 * same tickets for whole words, more for parts of words.
 */
final class TextSearch {

    private TextSearch() {}

    /**
     * The JPQL condition on ticket {@code t}, its parameter put into {@code parameters}.
     *
     * @param withNotes whether the words of internal notes count (staff)
     */
    static String condition(EntityManager em, String text, boolean withNotes, Map<String, Object> parameters) {
        if (isPostgreSQL(em)) {
            parameters.put("words", wordQuery(text, withNotes));
            return "SQL('? @@ to_tsquery(''simple'', ?)', COLUMN('search_words', t), :words) = TRUE";
        }
        parameters.put("text", likePattern(text));
        return "(LOWER(t.subject) LIKE :text ESCAPE '\\' OR LOWER(t.details) LIKE :text ESCAPE '\\'"
                + " OR EXISTS (SELECT m.id FROM TicketMessage m WHERE m.ticket = t"
                + " AND LOWER(m.body) LIKE :text ESCAPE '\\'"
                // Not "m.internal = FALSE": EclipseLink binds it as 0 inside a subquery, which H2 2.x
                // refuses to compare with a BOOLEAN column.
                + (withNotes ? "" : " AND SQL('(NOT ?)', m.internal) = SQL('TRUE')")
                + "))";
    }

    /**
     * The text in {@code to_tsquery}'s syntax: each piece between spaces one quoted operand (quotes
     * and backslashes, the only characters special inside one, separate pieces too), all of them
     * required, of weight A unless notes count. A piece without a word in it (say "%") asks for
     * nothing; a text of no words finds no ticket.
     */
    static String wordQuery(String text, boolean withNotes) {
        String weight = withNotes ? "" : ":A";
        return Arrays.stream(text.split("[\\s'\\\\]+"))
                .filter(piece -> !piece.isEmpty())
                .map(piece -> "'" + piece + "'" + weight)
                .collect(Collectors.joining(" & "));
    }

    /** The text as a LIKE pattern: lower case, with LIKE's own characters escaped by '\'. */
    static String likePattern(String text) {
        String escaped = text.toLowerCase(Locale.ROOT)
                .replace("\\", "\\\\")
                .replace("%", "\\%")
                .replace("_", "\\_");
        return "%" + escaped + "%";
    }

    private static boolean isPostgreSQL(EntityManager em) {
        return em.unwrap(Session.class).getPlatform().isPostgreSQL();
    }
}
