package org.helpdesk.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.helpdesk.directory.Profile;
import org.helpdesk.directory.ProfileService;

/** GET /api/v1/me: the caller, their permissions and their locations. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    @Inject
    private ProfileService profiles;

    @GET
    public Profile me() {
        return profiles.me();
    }
}
