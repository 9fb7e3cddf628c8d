package org.helpdesk.common;

/**
 * Text that every supported database can store: no NUL character (PostgreSQL refuses it) and no
 * half of a surrogate pair (it is not valid UTF-8). Anything else, including right-to-left marks,
 * zero-width characters and emoji, is kept as typed.
 */
public final class StorableText {

    private StorableText() {}

    public static boolean isStorable(String text) {
        if (text == null) {
            return true;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** The text, or a refusal naming the field. */
    public static String require(String field, String text) {
        if (!isStorable(text)) {
            throw new InvalidInputException(field, RefusalMessage.of("text.unstorable"));
        }
        return text;
    }
}
