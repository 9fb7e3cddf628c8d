package org.helpdesk.api;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.ConcurrentChangeException;
import org.helpdesk.common.ForbiddenException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.ListTooSlowException;
import org.helpdesk.common.NotFoundException;
import org.helpdesk.web.Languages;
import org.helpdesk.web.security.SecurityLog;

/** The EJBs' refusals as problem details, in the language of the request's {@code Accept-Language}. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Context
    private HttpHeaders headers;

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(BusinessException exception) {
        Locale locale = language();
        String detail = exception.messageIn(locale);
        if (exception instanceof NotFoundException) {
            return Problem.of(Response.Status.NOT_FOUND, "NOT_FOUND", detail).toResponse();
        }
        if (exception instanceof InvalidInputException invalid) {
            List<Problem.FieldError> errors = invalid.fieldErrorsIn(locale).entrySet().stream()
                    .map(error -> new Problem.FieldError(error.getKey(), error.getValue()))
                    .sorted(Comparator.comparing(Problem.FieldError::field))
                    .toList();
            return Problem.invalid(detail, errors).toResponse();
        }
        if (exception instanceof ListTooSlowException) {
            return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "LIST_TOO_SLOW", detail)
                    .toResponse();
        }
        if (exception instanceof ForbiddenException) {
            SecurityLog.refused(request, "forbidden");
            return Problem.of(Response.Status.FORBIDDEN, "FORBIDDEN", detail).toResponse();
        }
        if (exception instanceof ConcurrentChangeException && headers.getHeaderString(HttpHeaders.IF_MATCH) != null) {
            // The client named the version it saw, and the ticket is no longer at that version.
            return Problem.of(Response.Status.PRECONDITION_FAILED, "PRECONDITION_FAILED", detail)
                    .toResponse();
        }
        return Problem.of(Response.Status.CONFLICT, "CONFLICT", detail).toResponse();
    }

    /** The request's language; a malformed {@code Accept-Language} is no reason to fail: English. */
    private Locale language() {
        try {
            return Languages.preferred(headers.getAcceptableLanguages());
        } catch (IllegalArgumentException | IllegalStateException malformed) {
            return Locale.ENGLISH;
        }
    }
}
