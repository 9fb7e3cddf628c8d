package org.helpdesk.api;

import java.util.Locale;

import org.helpdesk.common.InvalidInputException;
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
                .orElseThrow(() ->
                        new InvalidInputException(field, "Choose a status: open, in_progress, resolved or closed."));
    }

    static Urgency urgency(String field, String code) {
        if (isAbsent(code)) {
            return null;
        }
        return Urgency.fromCode(code)
                .orElseThrow(
                        () -> new InvalidInputException(field, "Choose an urgency: low, medium, high or critical."));
    }

    static Integer wholeNumber(String field, String value) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, "Give a whole number.");
        }
    }

    static Long id(String field, String value) {
        if (isAbsent(value)) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException notANumber) {
            throw new InvalidInputException(field, "Give an id: a whole number.");
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
            default -> throw new InvalidInputException(field, "Give true or false.");
        };
    }

    private static boolean isAbsent(String value) {
        return value == null || value.isBlank();
    }
}
