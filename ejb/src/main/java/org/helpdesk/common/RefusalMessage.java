package org.helpdesk.common;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;

import jakarta.validation.ConstraintViolation;

/**
 * The words of a refusal, kept out of the code: a key of the refusals bundle
 * ({@code org/helpdesk/common/refusals.properties}, one file per language beside it) and its
 * arguments. The EJB that refuses names the key; the page puts it into words in the page's locale,
 * the API in the language of the request's {@code Accept-Language}, and logs and tests read it in
 * English ({@link BusinessException#getMessage}).
 */
public record RefusalMessage(String key, List<Serializable> arguments) implements Serializable {

    /** The bundle's base name. */
    public static final String BUNDLE = "org.helpdesk.common.refusals";

    /** The language of the root bundle, and of the logs. */
    public static final Locale ENGLISH = Locale.ENGLISH;

    /** A missing translation falls back to the root bundle, never to the server's own locale. */
    private static final ResourceBundle.Control NO_SERVER_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    public RefusalMessage {
        Objects.requireNonNull(key, "key");
        arguments = List.copyOf(arguments);
    }

    public static RefusalMessage of(String key, Serializable... arguments) {
        return new RefusalMessage(key, Arrays.asList(arguments));
    }

    /**
     * A Bean Validation constraint's refusal: its message template is a key in braces
     * ({@code message = "{ticket.subject.size}"}), and its {@code max}, when it has one, is the
     * argument {@code {0}}, so that the text always says the limit the constraint checks.
     */
    public static RefusalMessage of(ConstraintViolation<?> violation) {
        String template = violation.getMessageTemplate();
        if (!template.startsWith("{") || !template.endsWith("}")) {
            throw new IllegalStateException("A constraint's message must be a key of " + BUNDLE + ": " + template);
        }
        Map<String, Object> attributes = violation.getConstraintDescriptor().getAttributes();
        Object max = attributes.get("max");
        String key = template.substring(1, template.length() - 1);
        return max instanceof Serializable limit ? of(key, limit) : of(key);
    }

    /** The text in {@code locale}'s language, or in English where it has no translation. */
    public String in(Locale locale) {
        ResourceBundle bundle =
                ResourceBundle.getBundle(BUNDLE, locale, RefusalMessage.class.getClassLoader(), NO_SERVER_LOCALE);
        // Numbers are written as the language found writes them: a French reader gets English.
        Locale found = bundle.getLocale().equals(Locale.ROOT) ? ENGLISH : bundle.getLocale();
        return new MessageFormat(bundle.getString(key), found).format(arguments.toArray());
    }
}
