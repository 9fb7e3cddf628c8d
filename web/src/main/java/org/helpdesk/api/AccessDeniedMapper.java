package org.helpdesk.api;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** An EJB method's @RolesAllowed said no: 403 with the problem shape. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Override
    public Response toResponse(EJBAccessException exception) {
        return Problem.of(Response.Status.FORBIDDEN, "FORBIDDEN", "You do not have permission for this action.")
                .toResponse();
    }
}
