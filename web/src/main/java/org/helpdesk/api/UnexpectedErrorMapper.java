package org.helpdesk.api;

import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Everything no other mapper claims: a failure of the server, logged here in full and answered
 * with a 500 problem that tells the client nothing of the server's insides.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        LOG.log(Level.SEVERE, "API call failed", exception);
        return Problem.of(500, "The request could not be completed.").toResponse();
    }
}
