package org.helpdesk.api;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.directory.Profile;
import org.helpdesk.directory.ProfileService;
import org.helpdesk.mail.MailKind;
import org.helpdesk.mail.NotificationPreferences;

/** GET /api/v1/me: the caller, their permissions and their locations. */
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Directory")
public class MeResource {

    @Inject
    private ProfileService profiles;

    @Inject
    private NotificationPreferences preferences;

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

    @GET
    @Path("notifications")
    @Operation(
            summary = "The caller's e-mail notifications",
            description = "Each kind the caller can receive (staff kinds for staff only), true when on.")
    @APIResponse(
            responseCode = "200",
            description = "Kind code to on/off.",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "notifications", value = ApiDocs.NOTIFICATIONS)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Map<String, Boolean> notifications() {
        Map<String, Boolean> choices = new LinkedHashMap<>();
        preferences.mine().forEach((kind, on) -> choices.put(kind.code(), on));
        return choices;
    }

    @PUT
    @Path("notifications")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Turn e-mail notifications on or off",
            description = "The kinds set to true are on; every other kind offered to the caller is off.")
    @APIResponse(
            responseCode = "200",
            description = "The choice as stored.",
            content =
                    @Content(
                            schema = @Schema(type = SchemaType.OBJECT),
                            examples = @ExampleObject(name = "notifications", value = ApiDocs.NOTIFICATIONS)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Map<String, Boolean> chooseNotifications(Map<String, Boolean> choices) {
        Set<MailKind> on = EnumSet.noneOf(MailKind.class);
        if (choices != null) {
            choices.forEach((code, enabled) -> {
                MailKind kind = MailKind.fromCode(code)
                        .orElseThrow(
                                () -> new InvalidInputException(code, RefusalMessage.of("api.notification.unknown")));
                if (Boolean.TRUE.equals(enabled)) {
                    on.add(kind);
                }
            });
        }
        preferences.choose(on);
        return notifications();
    }
}
