package org.helpdesk.api;

import java.util.List;
import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The API's one error shape: RFC 9457 problem details with a machine-readable {@code code} and,
 * for invalid input, the fields at fault.
 */
@JsonbPropertyOrder({"type", "title", "status", "detail", "code", "errors"})
@Schema(description = "RFC 9457 problem details, the shape of every error of the API.")
public record Problem(
        @Schema(description = "Always about:blank: the status and the code say what happened.", example = "about:blank")
        String type,

        @Schema(description = "The HTTP status's reason phrase.", example = "Not Found")
        String title,

        @Schema(description = "The HTTP status code.", example = "404")
        int status,

        @Schema(description = "What went wrong, for people.", example = "Ticket not found")
        String detail,

        @Schema(
                description = "What went wrong, for programs.",
                example = "NOT_FOUND",
                enumeration = {
                    "NOT_FOUND",
                    "FORBIDDEN",
                    "UNAUTHORIZED",
                    "VALIDATION_FAILED",
                    "PAYLOAD_TOO_LARGE",
                    "CONFLICT",
                    "PRECONDITION_FAILED",
                    "LENGTH_REQUIRED",
                    "METHOD_NOT_ALLOWED",
                    "NOT_ACCEPTABLE",
                    "UNSUPPORTED_MEDIA_TYPE",
                    "TOO_MANY_REQUESTS",
                    "SIGN_IN_UNAVAILABLE",
                    "LIST_TOO_SLOW",
                    "INTERNAL_ERROR"
                })
        String code,

        @Schema(description = "The fields at fault (VALIDATION_FAILED only; empty otherwise).")
        List<FieldError> errors) {

    public static final MediaType MEDIA_TYPE = new MediaType("application", "problem+json");

    /** The machine code of each status the API answers with. */
    private static final Map<Integer, String> CODES = Map.ofEntries(
            Map.entry(400, "VALIDATION_FAILED"),
            Map.entry(401, "UNAUTHORIZED"),
            Map.entry(403, "FORBIDDEN"),
            Map.entry(404, "NOT_FOUND"),
            Map.entry(405, "METHOD_NOT_ALLOWED"),
            Map.entry(406, "NOT_ACCEPTABLE"),
            Map.entry(409, "CONFLICT"),
            Map.entry(411, "LENGTH_REQUIRED"),
            Map.entry(412, "PRECONDITION_FAILED"),
            Map.entry(413, "PAYLOAD_TOO_LARGE"),
            Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"));

    /** One field at fault and what is wrong with it. */
    public record FieldError(
            @Schema(example = "urgency") String field,

            @Schema(example = "Choose an urgency: low, medium, high or critical.")
            String message) {}

    public static Problem of(Response.Status status, String code, String detail) {
        return of(status.getStatusCode(), code, detail);
    }

    /** A problem with the usual code of its status. */
    public static Problem of(int status, String detail) {
        return of(status, CODES.getOrDefault(status, status >= 500 ? "INTERNAL_ERROR" : "VALIDATION_FAILED"), detail);
    }

    public static Problem invalid(String detail, List<FieldError> errors) {
        Response.Status status = Response.Status.BAD_REQUEST;
        return new Problem(
                "about:blank",
                status.getReasonPhrase(),
                status.getStatusCode(),
                detail,
                "VALIDATION_FAILED",
                List.copyOf(errors));
    }

    private static Problem of(int status, String code, String detail) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        return new Problem("about:blank", title, status, detail, code, List.of());
    }

    public Response toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this).build();
    }
}
