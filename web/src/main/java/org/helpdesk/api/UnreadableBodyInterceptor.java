package org.helpdesk.api;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Every request body that Jakarta REST reads (JSON; multipart forms are read by {@link FormParts})
 * is read through here, and a body that cannot be read is the client's fault: too large is a 413
 * ({@link RequestSizeLimit}), anything else (malformed JSON, a value of the wrong type) a 400,
 * naming the field where JSON-B names it. JSON-B's reader wraps these failures in exceptions of
 * its own, so the whole chain of causes is searched.
 */
@Provider
public class UnreadableBodyInterceptor implements ReaderInterceptor {

    /** How Yasson, WildFly's JSON-B, names the property it could not read. */
    private static final Pattern PROPERTY = Pattern.compile("property '?([A-Za-z0-9_]+)'?");

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        try {
            return context.proceed();
        } catch (IOException | RuntimeException unreadable) {
            throw new WebApplicationException(unreadable, problemFor(unreadable).toResponse());
        }
    }

    static Problem problemFor(Throwable failure) {
        Optional<RequestSizeLimit.TooLargeException> tooLarge =
                cause(failure, RequestSizeLimit.TooLargeException.class);
        if (tooLarge.isPresent()) {
            return RequestSizeLimit.tooLarge(tooLarge.get().limit());
        }
        if (cause(failure, JsonParsingException.class).isPresent()) {
            return Problem.invalid("The body is not well-formed JSON.", List.of());
        }
        if (cause(failure, JsonbException.class).isPresent()
                || cause(failure, JsonException.class).isPresent()) {
            return propertyNamed(failure)
                    .map(property -> Problem.invalid(
                            "The body is not JSON of the expected shape.",
                            List.of(new Problem.FieldError(property, "This value has the wrong type."))))
                    .orElseGet(() -> Problem.invalid("The body is not JSON of the expected shape.", List.of()));
        }
        return Problem.invalid("The request body could not be read.", List.of());
    }

    private static <T extends Throwable> Optional<T> cause(Throwable failure, Class<T> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return Optional.of(type.cast(cause));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> propertyNamed(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            Matcher property = PROPERTY.matcher(String.valueOf(cause.getMessage()));
            if (property.find()) {
                return Optional.of(property.group(1));
            }
        }
        return Optional.empty();
    }
}
