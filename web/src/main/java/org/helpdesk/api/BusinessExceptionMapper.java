package org.helpdesk.api;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.helpdesk.common.BusinessException;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.NotFoundException;

/** The EJBs' refusals as problem details. */
@Provider
public class BusinessExceptionMapper implements ExceptionMapper<BusinessException> {

    @Override
    public Response toResponse(BusinessException exception) {
        if (exception instanceof NotFoundException) {
            return Problem.of(Response.Status.NOT_FOUND, "NOT_FOUND", exception.getMessage()).toResponse();
        }
        if (exception instanceof InvalidInputException invalid) {
            List<Problem.FieldError> errors = invalid.fieldErrors().entrySet().stream()
                    .map(error -> new Problem.FieldError(error.getKey(), error.getValue()))
                    .toList();
            return Problem.invalid(exception.getMessage(), errors).toResponse();
        }
        return Problem.of(Response.Status.CONFLICT, "CONFLICT", exception.getMessage()).toResponse();
    }
}
