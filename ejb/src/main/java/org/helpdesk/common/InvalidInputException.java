package org.helpdesk.common;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A request that breaks a rule about its content, with the message for each field at fault
 * (field name to message), so that a page can show it beside the field and the API can list it.
 */
public class InvalidInputException extends BusinessException {

    private static final long serialVersionUID = 1L;

    private final Map<String, RefusalMessage> fieldRefusals;

    public InvalidInputException(String field, RefusalMessage message) {
        this(Map.of(field, message));
    }

    public InvalidInputException(Map<String, RefusalMessage> fieldRefusals) {
        super(List.copyOf(fieldRefusals.values()));
        this.fieldRefusals = Map.copyOf(fieldRefusals);
    }

    /** Each field's refusal, to be put into words where it is shown (or merged into another's). */
    public Map<String, RefusalMessage> fieldRefusals() {
        return fieldRefusals;
    }

    /** Each field's refusal in {@code locale}'s language. */
    public Map<String, String> fieldErrorsIn(Locale locale) {
        return fieldRefusals.entrySet().stream()
                .collect(Collectors.toMap(
                        Map.Entry::getKey, error -> error.getValue().in(locale)));
    }

    /** Each field's refusal in English. */
    public Map<String, String> fieldErrors() {
        return fieldErrorsIn(RefusalMessage.ENGLISH);
    }
}
