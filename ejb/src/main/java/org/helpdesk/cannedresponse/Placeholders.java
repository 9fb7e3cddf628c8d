package org.helpdesk.cannedresponse;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The placeholders a template may hold, written in braces: {@code {requester.firstName}}. Anything
 * in braces without spaces is meant as a placeholder, so a misspelt one ({@code {ticket.nubmer}})
 * is refused when the template is saved rather than sent to a requester as it is; braces around
 * words with spaces are kept as text.
 */
public final class Placeholders {

    /** The known placeholders, in the order the management page lists them. */
    public enum Placeholder {
        REQUESTER_FIRST_NAME("requester.firstName"),
        REQUESTER_NAME("requester.name"),
        TICKET_NUMBER("ticket.number"),
        TICKET_SUBJECT("ticket.subject"),
        TICKET_LOCATION("ticket.location"),
        STAFF_FIRST_NAME("staff.firstName"),
        STAFF_NAME("staff.name");

        private final String name;

        Placeholder(String name) {
            this.name = name;
        }

        /** How a template writes it, braces included. */
        public String written() {
            return "{" + name + "}";
        }
    }

    private static final Pattern IN_BRACES = Pattern.compile("\\{([^{}\\s]+)\\}");

    private static final Map<String, Placeholder> BY_NAME = new LinkedHashMap<>();

    static {
        for (Placeholder placeholder : Placeholder.values()) {
            BY_NAME.put(placeholder.name, placeholder);
        }
    }

    private Placeholders() {}

    /** Every known placeholder as a template writes it. */
    public static List<String> known() {
        return BY_NAME.values().stream().map(Placeholder::written).toList();
    }

    /** The placeholders of the text that are not known, as written, each once. */
    public static Set<String> unknownIn(String text) {
        Set<String> unknown = new LinkedHashSet<>();
        Matcher matcher = IN_BRACES.matcher(text);
        while (matcher.find()) {
            if (!BY_NAME.containsKey(matcher.group(1))) {
                unknown.add(matcher.group());
            }
        }
        return unknown;
    }

    /** The text with each placeholder replaced by its value; the text must have no unknown one. */
    public static String fill(String text, Function<Placeholder, String> values) {
        Matcher matcher = IN_BRACES.matcher(text);
        StringBuilder filled = new StringBuilder();
        while (matcher.find()) {
            Placeholder placeholder = BY_NAME.get(matcher.group(1));
            String value = placeholder == null ? matcher.group() : values.apply(placeholder);
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(filled);
        return filled.toString();
    }

    /** How a greeting names a person: the first word of their display name. */
    public static String firstNameOf(String displayName) {
        String name = displayName.strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }
}
