package org.helpdesk.api;

import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import org.helpdesk.web.security.SecurityLog;

/** An EJB method's @RolesAllowed said no: 403 with the problem shape, and a line in the security log. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    private HttpServletRequest request;

    @Override
    public Response toResponse(EJBAccessException exception) {
        SecurityLog.refused(request, "no-permission");
        return Problem.of(Response.Status.FORBIDDEN, "FORBIDDEN", "You do not have permission for this action.")
                .toResponse();
    }
}
