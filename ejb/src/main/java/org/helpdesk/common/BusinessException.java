package org.helpdesk.common;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ejb.ApplicationException;

/**
 * The root of every refusal a business method can give. Unchecked, and it rolls the transaction
 * back, so that a refused request stores nothing. Its words are {@link RefusalMessage}s, put into
 * the reader's language where they are shown; {@link #getMessage} is their English.
 */
@ApplicationException(rollback = true, inherited = true)
public abstract class BusinessException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<RefusalMessage> messages;

    protected BusinessException(RefusalMessage message) {
        this(List.of(message));
    }

    protected BusinessException(List<RefusalMessage> messages) {
        super(join(messages, RefusalMessage.ENGLISH));
        this.messages = List.copyOf(messages);
    }

    /** The refusal in {@code locale}'s language. */
    public String messageIn(Locale locale) {
        return join(messages, locale);
    }

    private static String join(List<RefusalMessage> messages, Locale locale) {
        return messages.stream().map(message -> message.in(locale)).collect(Collectors.joining("; "));
    }
}
