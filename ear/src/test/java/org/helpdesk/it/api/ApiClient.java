package org.helpdesk.it.api;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;

import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;
import org.helpdesk.it.support.Multipart;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An API client for the tests: JSON in and out over the real HTTP interface, as one of the demo
 * users (password "demo") or anonymously, and the assertions that every API test shares.
 */
final class ApiClient {

    static final String API = "/api/v1";

    private final HelpdeskClient http;

    private ApiClient(HelpdeskClient http) {
        this.http = http;
    }

    static ApiClient as(String username) {
        return new ApiClient(HelpdeskClient.basic(username, "demo"));
    }

    static ApiClient anonymous() {
        return new ApiClient(HelpdeskClient.anonymous());
    }

    HelpdeskClient http() {
        return http;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.getJson(API + path);
    }

    HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
        return http.postJson(API + path, json);
    }

    HttpResponse<String> put(String path, String json) throws IOException, InterruptedException {
        return send("PUT", path, json, null);
    }

    HttpResponse<String> patch(String path, String json) throws IOException, InterruptedException {
        return send("PATCH", path, json, null);
    }

    /** Any method with a JSON body and, unless {@code null}, an If-Match header. */
    HttpResponse<String> send(String method, String path, String json, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = http.request(API + path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return http.send(request);
    }

    HttpResponse<String> multipart(String path, Map<String, String> fields, List<FilePart> files)
            throws IOException, InterruptedException {
        return multipart(path, fields, "attachments", files);
    }

    /**
     * A multipart/form-data POST with text fields and files in parts of the given name, sent with
     * its Content-Length, as browsers and curl send forms (the API refuses one without: 411).
     */
    HttpResponse<String> multipart(String path, Map<String, String> fields, String fileField, List<FilePart> files)
            throws IOException, InterruptedException {
        Multipart body = new Multipart();
        fields.forEach(body::field);
        files.forEach(file -> body.file(fileField, file));
        return http.send(body.postWith(http.request(API + path).header("Accept", "application/json")));
    }

    /** Files a request at North Clinic (alice's and mark's location) and returns it as the API answered. */
    JsonObject fileTicket(String subject) throws IOException, InterruptedException {
        return fileTicket(subject, 1);
    }

    JsonObject fileTicket(String subject, long locationId) throws IOException, InterruptedException {
        HttpResponse<String> created = post(
                "/tickets",
                "{\"subject\":\"" + subject + "\",\"details\":\"Details of " + subject
                        + "\",\"urgency\":\"medium\",\"locationId\":" + locationId + "}");
        assertEquals(201, created.statusCode(), created.body());
        return object(created);
    }

    /** The ticket's current ETag, as GET answers it. */
    String etagOf(long ticketId) throws IOException, InterruptedException {
        HttpResponse<String> ticket = get("/tickets/" + ticketId);
        assertEquals(200, ticket.statusCode(), ticket.body());
        return ticket.headers().firstValue("ETag").orElseThrow();
    }

    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    static JsonObject object(HttpResponse<String> response) {
        return (JsonObject) json(response.body());
    }

    static JsonStructure json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    /** Asserts an RFC 9457 problem with the status and the machine code; returns it. */
    static JsonObject assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals(
                "application/problem+json",
                response.headers()
                        .firstValue("Content-Type")
                        .orElseThrow()
                        .split(";")[0]
                        .strip(),
                response.body());
        JsonObject problem = object(response);
        assertEquals(status, problem.getInt("status"));
        assertEquals(code, problem.getString("code"));
        assertEquals("about:blank", problem.getString("type"));
        return problem;
    }

    /** Asserts a 400 VALIDATION_FAILED that names the field. */
    static JsonObject assertInvalidField(HttpResponse<String> response, String field) {
        JsonObject problem = assertProblem(response, 400, "VALIDATION_FAILED");
        boolean named = problem.getJsonArray("errors").getValuesAs(JsonObject.class).stream()
                .anyMatch(error -> error.getString("field").equals(field));
        assertEquals(true, named, "the field " + field + " is named: " + response.body());
        return problem;
    }

    /** Asserts the seed's answer for a ticket the caller may not see. */
    static void assertTicketNotFound(HttpResponse<String> response) {
        JsonObject problem = assertProblem(response, 404, "NOT_FOUND");
        assertEquals("Ticket not found", problem.getString("detail"));
    }
}
