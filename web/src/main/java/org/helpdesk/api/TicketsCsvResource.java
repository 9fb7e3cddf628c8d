package org.helpdesk.api;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.helpdesk.common.Limits;
import org.helpdesk.ticket.ExportPosition;
import org.helpdesk.ticket.QueueRow;
import org.helpdesk.ticket.QueueSearch;
import org.helpdesk.ticket.TicketQueue;

/**
 * GET /api/v1/tickets.csv: the staff queue's filter as CSV, every matching ticket in the caller's
 * scope, newest first. Staff only ({@link TicketQueue} is {@code manage_tickets}): the export is a
 * tool of the desk, a requester has their own list and API. It holds the queue's columns, never a
 * message, so no internal note can be in it (Rule 7). Streamed: the rows are read in chunks of
 * {@code Limits.EXPORT_CHUNK} (keyset on the creation order) and written as they come, so memory
 * does not grow with the export. The first chunk is read before the answer starts, so that a
 * refusal (403, a bad filter) is still problem details; a failure later can only cut the file short.
 */
@Path("tickets.csv")
@Tag(name = "Tickets")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TicketsCsvResource {

    static final String TEXT_CSV = "text/csv; charset=UTF-8";

    private static final String EXAMPLE_CSV =
            "id,subject,status,urgency,location,requester,assignee,category,created_at,updated_at\r\n"
                    + "42,Printer jams,in_progress,high,North Clinic,Alice Anders,Mark Mendez,Hardware,"
                    + "2026-12-01T09:15:00Z,2026-12-01T10:02:00Z\r\n"
                    + "41,'=SUM(A1),open,low,North Clinic,Alice Anders,,,2026-11-30T16:40:00Z,2026-11-30T16:40:00Z\r\n";

    static final List<String> HEADER = List.of(
            "id",
            "subject",
            "status",
            "urgency",
            "location",
            "requester",
            "assignee",
            "category",
            "created_at",
            "updated_at");

    @Inject
    private TicketQueue queue;

    @GET
    @Produces(TEXT_CSV)
    @Operation(
            summary = "Export the queue as CSV",
            description = "Staff only. Every ticket at the caller's locations that the filters match, newest first, "
                    + "as CSV (RFC 4180, UTF-8, a header row; a text cell beginning with =, +, -, @, a tab or a CR "
                    + "starts with an apostrophe so that a spreadsheet does not run it). The filters are the staff "
                    + "queue's. Times are ISO 8601 in UTC.")
    @APIResponse(
            responseCode = "200",
            description = "The CSV file, streamed.",
            content =
                    @Content(
                            mediaType = "text/csv",
                            schema = @Schema(type = SchemaType.STRING),
                            examples = @ExampleObject(name = "export", value = EXAMPLE_CSV)))
    @APIResponse(responseCode = "400", ref = "ValidationFailed")
    public Response export(
            @Parameter(schema = @Schema(enumeration = {"open", "in_progress", "resolved", "closed"}))
                    @QueryParam("status")
                    String status,
            @Parameter(description = "One of the caller's locations.", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("locationId")
                    String locationId,
            @Parameter(description = "A user id, \"unassigned\" or \"mine\".") @QueryParam("assignee") String assignee,
            @Parameter(schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("categoryId") String categoryId,
            @Parameter(schema = @Schema(enumeration = {"low", "medium", "high", "critical"})) @QueryParam("urgency")
                    String urgency,
            @Parameter(description = "Text to find.") @QueryParam("q") String q,
            @Parameter(description = "Only tickets this user requested.", schema = @Schema(type = SchemaType.INTEGER))
                    @QueryParam("userId")
                    String userId) {
        QueueSearch search = new QueueSearch(
                ApiInput.status("status", status),
                ApiInput.id("locationId", locationId),
                assignee == null || assignee.isBlank() ? null : assignee.strip(),
                ApiInput.id("categoryId", categoryId),
                ApiInput.urgency("urgency", urgency),
                q,
                ApiInput.id("userId", userId),
                QueueSearch.Sort.CREATED,
                false,
                1,
                1);
        List<QueueRow> first = queue.exportChunk(search, null);
        StreamingOutput body = output -> {
            BufferedWriter text = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            CsvWriter csv = new CsvWriter(text);
            csv.trustedRow(HEADER);
            List<QueueRow> chunk = first;
            while (true) {
                for (QueueRow row : chunk) {
                    csv.row(cellsOf(row));
                }
                text.flush();
                if (chunk.size() < Limits.EXPORT_CHUNK) {
                    break;
                }
                chunk = queue.exportChunk(search, ExportPosition.after(chunk.get(chunk.size() - 1)));
            }
        };
        return Response.ok(body, TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"tickets.csv\"")
                .build();
    }

    static List<String> cellsOf(QueueRow row) {
        return Arrays.asList(
                String.valueOf(row.id()),
                row.subject(),
                row.status().code(),
                row.urgency().code(),
                row.locationName(),
                row.requesterName(),
                row.assigneeName(),
                row.categoryName(),
                row.createdAt().toString(),
                row.updatedAt().toString());
    }
}
