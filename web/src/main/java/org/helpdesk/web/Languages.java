package org.helpdesk.web;

import java.util.List;
import java.util.Locale;

/**
 * The languages Helpdesk speaks: English, the default, and German. The pages choose among them by
 * the browser's {@code Accept-Language} ({@code supported-locale} in faces-config.xml, the same
 * list), the API by {@link #preferred}.
 */
public final class Languages {

    public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.GERMAN);

    private Languages() {}

    /** The first supported language among the caller's, in the caller's order; English if none. */
    public static Locale preferred(List<Locale> acceptable) {
        return acceptable.stream()
                .map(Locale::getLanguage)
                .flatMap(language -> SUPPORTED.stream()
                        .filter(supported -> supported.getLanguage().equals(language)))
                .findFirst()
                .orElse(Locale.ENGLISH);
    }
}
