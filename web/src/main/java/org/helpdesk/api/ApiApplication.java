package org.helpdesk.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API's root. Authentication: HTTP Basic, or the browser's signed-in session.
 * The OpenAPI document (WildFly's MicroProfile OpenAPI, at /openapi) is generated from the
 * resources of this package; the answers that many calls share are declared once here.
 */
@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Helpdesk API",
                        version = "1",
                        description =
                                "Support requests for scripts and other systems, with the same rules as the pages. "
                                        + "Errors are RFC 9457 problem details (application/problem+json) with a machine code. "
                                        + "A write (POST, PUT, PATCH) signed in by the browser's session cookie instead of "
                                        + "HTTP Basic must carry an Origin of this site or an X-Requested-With header, or is "
                                        + "refused with 403."),
        security = @SecurityRequirement(name = "basic"),
        components =
                @Components(
                        securitySchemes =
                                @SecurityScheme(
                                        securitySchemeName = "basic",
                                        type = SecuritySchemeType.HTTP,
                                        scheme = "basic",
                                        description = "The Helpdesk user name and password."),
                        responses = {
                            @APIResponse(
                                    name = "TicketAfterChange",
                                    responseCode = "200",
                                    description = "Changed; the ticket as it is now, its ETag the new version.",
                                    headers = @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG),
                                    content =
                                            @Content(
                                                    mediaType = "application/json",
                                                    schema = @Schema(implementation = TicketView.class),
                                                    examples =
                                                            @ExampleObject(name = "ticket", value = ApiDocs.TICKET))),
                            @APIResponse(
                                    name = "TicketAfterMessage",
                                    responseCode = "201",
                                    description =
                                            "Added; Location names the ticket, the body is the ticket as it is now.",
                                    headers = {
                                        @Header(name = HttpHeaders.LOCATION, description = "/api/v1/tickets/{id}"),
                                        @Header(name = HttpHeaders.ETAG, description = ApiDocs.ETAG)
                                    },
                                    content =
                                            @Content(
                                                    mediaType = "application/json",
                                                    schema = @Schema(implementation = TicketView.class),
                                                    examples =
                                                            @ExampleObject(name = "ticket", value = ApiDocs.TICKET))),
                            @APIResponse(
                                    name = "ValidationFailed",
                                    responseCode = "400",
                                    description =
                                            "Invalid input: malformed JSON, a wrong type, an unknown code, a missing "
                                                    + "or too long field, too many or too large files; the fields at fault are listed.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "invalid",
                                                                    value = ApiDocs.VALIDATION_FAILED))),
                            @APIResponse(
                                    name = "Unauthorized",
                                    responseCode = "401",
                                    description = "No or wrong credentials; the answer carries a Basic challenge. After"
                                            + " too many failed sign-ins of a user name or from an address, every"
                                            + " sign-in is refused for a while with 429 TOO_MANY_REQUESTS and"
                                            + " Retry-After (seconds), the right password included.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "unauthorized",
                                                                    value = ApiDocs.UNAUTHORIZED))),
                            @APIResponse(
                                    name = "Forbidden",
                                    responseCode = "403",
                                    description = "The caller lacks the permission: no ticket permission at all, or a "
                                            + "requester calling a staff-only call.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "forbidden",
                                                                    value = ApiDocs.FORBIDDEN))),
                            @APIResponse(
                                    name = "TicketNotFound",
                                    responseCode = "404",
                                    description = "No such ticket, or not one the caller may see (ids leak nothing).",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "notFound",
                                                                    value = ApiDocs.TICKET_NOT_FOUND))),
                            @APIResponse(
                                    name = "AttachmentNotFound",
                                    responseCode = "404",
                                    description = "No such ticket or file, or not one the caller may see.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "notFound",
                                                                    value = ApiDocs.ATTACHMENT_NOT_FOUND))),
                            @APIResponse(
                                    name = "Conflict",
                                    responseCode = "409",
                                    description = "The ticket's state does not allow this (a closed ticket takes no "
                                            + "response), or it changed while this request was applied.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "conflict",
                                                                    value = ApiDocs.CONFLICT))),
                            @APIResponse(
                                    name = "PreconditionFailed",
                                    responseCode = "412",
                                    description =
                                            "If-Match names a version that the ticket no longer has; nothing changed.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "stale",
                                                                    value = ApiDocs.PRECONDITION_FAILED))),
                            @APIResponse(
                                    name = "PayloadTooLarge",
                                    responseCode = "413",
                                    description = "The request body is larger than 51 MB (multipart) or 1 MB (JSON).",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "tooLarge",
                                                                    value = ApiDocs.PAYLOAD_TOO_LARGE))),
                            @APIResponse(
                                    name = "LengthRequired",
                                    responseCode = "411",
                                    description = "A multipart request without a Content-Length.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "lengthRequired",
                                                                    value = ApiDocs.LENGTH_REQUIRED))),
                            @APIResponse(
                                    name = "UnsupportedMediaType",
                                    responseCode = "415",
                                    description = "The body is not of a type this call takes.",
                                    content =
                                            @Content(
                                                    mediaType = "application/problem+json",
                                                    schema = @Schema(implementation = Problem.class),
                                                    examples =
                                                            @ExampleObject(
                                                                    name = "unsupported",
                                                                    value = ApiDocs.UNSUPPORTED_MEDIA_TYPE)))
                        }))
public class ApiApplication extends Application {}
