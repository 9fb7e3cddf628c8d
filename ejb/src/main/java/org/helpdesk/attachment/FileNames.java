package org.helpdesk.attachment;

/**
 * Turns the name a client sent into one that is safe to store and to send back: no path (a
 * client's {@code ../../x} becomes {@code x}), no control characters, at most 255 characters.
 */
public final class FileNames {

    static final int MAX_LENGTH = 255;
    static final String FALLBACK = "attachment";

    private FileNames() {}

    public static String clean(String name) {
        if (name == null) {
            return FALLBACK;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        StringBuilder cleaned = new StringBuilder(base.length());
        base.codePoints()
                .filter(c -> !Character.isISOControl(c)
                        && Character.getType(c) != Character.FORMAT
                        && Character.getType(c) != Character.SURROGATE)
                .forEach(cleaned::appendCodePoint);
        String result = cleaned.toString().strip();
        while (result.startsWith(".")) {
            result = result.substring(1);
        }
        if (result.isEmpty()) {
            return FALLBACK;
        }
        if (result.length() > MAX_LENGTH) {
            int dot = result.lastIndexOf('.');
            String extension = dot > 0 && result.length() - dot <= 16 ? result.substring(dot) : "";
            result = result.substring(0, MAX_LENGTH - extension.length()) + extension;
        }
        return result;
    }
}
