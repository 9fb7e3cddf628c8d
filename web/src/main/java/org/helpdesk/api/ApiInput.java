package org.helpdesk.api;

import java.util.Locale;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.ticket.Status;
import org.helpdesk.ticket.Urgency;

/**
 * Turns the API's text values (query parameters, codes in JSON and form fields) into the EJBs' types.
 * Anything that is not a value of the type is a 400 naming the field; a missing value stays
 * {@code null}, for the EJB to judge (a status filter may be absent, a new ticket's urgency not).
 */
final class ApiInput {

    private ApiInput() {}

    static Status status(String field, String code) {
        if (isAbsent(code)) {
            return null;
        }
        return Status.fromCode(code)
                .orElseThrow(() -> new InvalidInputException(field, RefusalMessage.of("ticket.status.required")));
    }

    static Urgency urgency(String field, String code) {
        if (isAbsent(code)) {
            return null;
        }
        return Urgency.fromCode(code)
                .orElseThrow(() -> new InvalidInputException(field, RefusalMessage.of("api.urgency.invalid")));
    }

    static Integer wholeNumber(String field, String value) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, RefusalMessage.of("api.number.invalid"));
        }
    }

    static Long id(String field, String value) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, RefusalMessage.of("api.id.invalid"));
        }
    }

    /** {@code true} or {@code false}; absent is {@code false}. */
    static boolean flag(String field, String value) {
        if (isAbsent(value)) {
            return false;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(field, RefusalMessage.of("api.boolean.invalid"));
        };
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
