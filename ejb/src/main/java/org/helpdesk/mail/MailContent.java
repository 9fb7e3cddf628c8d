package org.helpdesk.mail;

import java.util.List;
import java.util.Objects;

/**
 * What one notification says: a subject, one line on what happened, optional facts, the new text
 * quoted (may be {@code null}) and a link to the ticket. Rendered here as plain text and as HTML,
 * every value escaped in the HTML, so that no service writes markup.
 */
public record MailContent(String subject, String headline, List<String> facts, String quote, String link) {

    public MailContent {
        Objects.requireNonNull(subject);
        Objects.requireNonNull(headline);
        facts = List.copyOf(facts);
        Objects.requireNonNull(link);
    }

    /** The plain-text body: the headline, the facts, the text quoted with "> ", the link. */
    public String plainText() {
        StringBuilder text = new StringBuilder(headline).append("\n\n");
        facts.forEach(fact -> text.append(fact).append('\n'));
        if (!facts.isEmpty()) {
            text.append('\n');
        }
        if (quote != null) {
            quote.lines().forEach(line -> text.append("> ").append(line).append('\n'));
            text.append('\n');
        }
        return text.append("View the ticket: ").append(link).append('\n').toString();
    }

    /** The HTML body: the same content, every value escaped. */
    public String html() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body>");
        html.append("<p>").append(escape(headline)).append("</p>");
        if (!facts.isEmpty()) {
            html.append("<ul>");
            facts.forEach(fact -> html.append("<li>").append(escape(fact)).append("</li>"));
            html.append("</ul>");
        }
        if (quote != null) {
            html.append("<blockquote style=\"white-space:pre-wrap\">")
                    .append(escape(quote))
                    .append("</blockquote>");
        }
        html.append("<p><a href=\"")
                .append(escape(link))
                .append("\">View the ticket</a></p>")
                .append("</body></html>");
        return html.toString();
    }

    /** Escapes the five characters that are markup in HTML text and attribute values. */
    static String escape(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 16);
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '&' -> escaped.append("&amp;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
