package org.helpdesk.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpdesk.directory.Profile;
import org.helpdesk.directory.ProfileService;

/** GET /api/v1/me: the caller, their permissions and their locations. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
public class MeResource {

    @Inject
    private ProfileService profiles;

    @GET
    @Operation(
            summary = "Who the caller is",
            description = "Their permissions and the locations they may file tickets at.")
    @APIResponse(
            responseCode = "200",
            description = "The caller.",
            content =
                    @Content(
                            schema = @Schema(implementation = Profile.class),
                            examples = @ExampleObject(name = "me", value = ApiDocs.ME)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Profile me() {
        return profiles.me();
    }
}
