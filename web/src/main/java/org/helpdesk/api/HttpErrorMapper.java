package org.helpdesk.api;

import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Jakarta REST's own refusals (no such path 404, wrong method 405, wrong Accept 406, wrong
 * Content-Type 415) in the API's problem shape, with a detail of our own rather than the
 * implementation's message. Refusals that already carry a problem pass unchanged.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    private static final Logger LOG = Logger.getLogger(HttpErrorMapper.class.getName());

    private static final Map<Integer, String> DETAILS = Map.of(
            400, "The request could not be read.",
            404, "Not found",
            405, "This method is not allowed here; the Allow header lists those that are.",
            406, "This call cannot answer in a type that the Accept header allows.",
            415, "This call takes application/json (or multipart/form-data where it takes files).");

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        if (original.getEntity() instanceof Problem) {
            return original;
        }
        int status = original.getStatus();
        if (status >= 500) {
            LOG.log(Level.SEVERE, "API call failed", exception);
            return Problem.of(status, "The request could not be completed.").toResponse();
        }
        Problem problem = Problem.of(status, DETAILS.getOrDefault(status, "The request was not accepted."));
        return Response.fromResponse(problem.toResponse())
                .header(HttpHeaders.ALLOW, original.getHeaderString(HttpHeaders.ALLOW))
                .build();
    }
}
