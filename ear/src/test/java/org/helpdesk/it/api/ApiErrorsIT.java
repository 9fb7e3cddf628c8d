package org.helpdesk.it.api;

import java.io.InputStream;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.json.JsonObject;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;
import org.helpdesk.it.support.HelpdeskClient.HeadOnlyAnswer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.api.ApiClient.assertInvalidField;
import static org.helpdesk.it.api.ApiClient.assertProblem;
import static org.helpdesk.it.api.ApiClient.object;
import static org.helpdesk.it.api.ApiClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The API's one error shape for every refusal: credentials, permissions, bad input, wrong
 * methods and types, and bodies that are too large. Never a 500, a stack trace or an HTML page.
 */
@ExtendWith(ArquillianExtension.class)
class ApiErrorsIT {

    private static final int TEN_MB = 10 * 1024 * 1024;
    private static final long MULTIPART_LIMIT = 5L * TEN_MB + 1024 * 1024;

    /** Every call of the API: method, path, JSON body. */
    private static final List<String[]> CALLS = List.of(
            new String[] {"GET", "/me", null},
            new String[] {"GET", "/categories", null},
            new String[] {"POST", "/categories", "{\"name\":\"x\"}"},
            new String[] {"GET", "/tickets", null},
            new String[] {
                "POST", "/tickets", "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1}"
            },
            new String[] {"GET", "/tickets/1", null},
            new String[] {"PATCH", "/tickets/1", "{\"subject\":\"s\"}"},
            new String[] {"PUT", "/tickets/1/status", "{\"status\":\"in_progress\"}"},
            new String[] {"PUT", "/tickets/1/assignee", "{\"assigneeId\":4}"},
            new String[] {"PUT", "/tickets/1/category", "{\"categoryId\":1}"},
            new String[] {"POST", "/tickets/1/messages", "{\"text\":\"t\"}"},
            new String[] {"GET", "/tickets/1/attachments/1", null});

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static Map<String, String> ticketForm(String subject) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("details", "Details of " + subject);
        fields.put("urgency", "low");
        fields.put("locationId", "1");
        return fields;
    }

    /** How many of alice's tickets have this subject. */
    private static int ticketsWithSubject(String subject) throws Exception {
        return object(ApiClient.as("alice").get("/tickets?q=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .getInt("totalItems");
    }

    /** A body of {@code size} bytes that starts with {@code start}, produced while it is sent. */
    private static InputStream body(String start, long size) {
        byte[] head = start.getBytes(StandardCharsets.UTF_8);
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0];
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= size) {
                    return -1;
                }
                int n = (int) Math.min(length, size - sent);
                if (sent < head.length) {
                    n = Math.min(n, head.length - (int) sent);
                    System.arraycopy(head, (int) sent, buffer, offset, n);
                } else {
                    Arrays.fill(buffer, offset, offset + n, (byte) 'x');
                }
                sent += n;
                return n;
            }
        };
    }

    /**
     * A POST of {@code size} bytes that start well-formed and go on and on, sent chunked: no
     * Content-Length tells the server the size.
     */
    private static HttpResponse<String> postChunked(String path, String contentType, String start, long size)
            throws Exception {
        ApiClient alice = ApiClient.as("alice");
        return alice.http()
                .send(alice.http()
                        .request(ApiClient.API + path)
                        .version(HttpClient.Version.HTTP_1_1)
                        .header("Content-Type", contentType)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body(start, size))));
    }

    private static HeadOnlyAnswer postHeadOnly(String path, String contentType, long length) throws Exception {
        return HelpdeskClient.basic("alice", "demo").postHeadOnly(ApiClient.API + path, contentType, length);
    }

    private static JsonObject assertRefusedBeforeReading(HeadOnlyAnswer answer, int expectedStatus, String code) {
        assertEquals(expectedStatus, answer.status(), answer.body());
        assertEquals(
                "application/problem+json", answer.contentType().split(";")[0].strip());
        JsonObject problem = (JsonObject) ApiClient.json(answer.body());
        assertEquals(code, problem.getString("code"));
        return problem;
    }

    @Test
    void everyCallWithoutCredentialsIs401WithABasicChallenge() throws Exception {
        for (String[] call : CALLS) {
            HttpResponse<String> response = ApiClient.anonymous().send(call[0], call[1], call[2], null);

            JsonObject problem = assertProblem(response, 401, "UNAUTHORIZED");
            assertTrue(
                    response.headers()
                            .firstValue("WWW-Authenticate")
                            .orElseThrow()
                            .startsWith("Basic"),
                    call[1]);
            assertEquals("Unauthorized", problem.getString("title"));
        }
        assertProblem(HelpdeskClient.basic("alice", "wrong").getJson("/api/v1/tickets"), 401, "UNAUTHORIZED");
    }

    @Test
    void everyCallForSomeoneWithoutATicketPermissionIs403() throws Exception {
        for (String[] call : CALLS) {
            assertProblem(ApiClient.as("nora").send(call[0], call[1], call[2], null), 403, "FORBIDDEN");
        }
    }

    @Test
    void malformedJsonIs400() throws Exception {
        JsonObject problem = assertProblem(
                ApiClient.as("alice").post("/tickets", "{\"subject\": \"unfinished"), 400, "VALIDATION_FAILED");

        assertEquals("The body is not well-formed JSON.", problem.getString("detail"));
    }

    @Test
    void aValueOfTheWrongTypeIs400NamingTheField() throws Exception {
        assertInvalidField(
                ApiClient.as("alice")
                        .post(
                                "/tickets",
                                "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":\"north\"}"),
                "locationId");
        assertProblem(ApiClient.as("alice").post("/tickets", "[1, 2]"), 400, "VALIDATION_FAILED");
    }

    @Test
    void anUnknownUrgencyIs400NamingTheFieldAndStoresNothing() throws Exception {
        String subject = unique("Urgent");

        assertInvalidField(
                ApiClient.as("alice")
                        .post(
                                "/tickets",
                                "{\"subject\":\"" + subject
                                        + "\",\"details\":\"d\",\"urgency\":\"urgent\",\"locationId\":1}"),
                "urgency");
        assertEquals(0, ticketsWithSubject(subject));
    }

    @Test
    void anEmptyBodyIs400() throws Exception {
        assertProblem(ApiClient.as("alice").send("POST", "/tickets", null, null), 400, "VALIDATION_FAILED");
        long id = ApiClient.as("alice")
                .fileTicket(unique("Empty body"))
                .getJsonNumber("id")
                .longValue();
        assertProblem(
                ApiClient.as("mark").send("PUT", "/tickets/" + id + "/status", null, null), 400, "VALIDATION_FAILED");
    }

    @Test
    void aBodyOfAnotherTypeIs415() throws Exception {
        ApiClient alice = ApiClient.as("alice");

        HttpResponse<String> response = alice.http()
                .send(alice.http()
                        .request("/api/v1/tickets")
                        .header("Content-Type", "text/plain")
                        .POST(HttpRequest.BodyPublishers.ofString("subject=x")));

        assertProblem(response, 415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aWrongMethodIs405WithTheAllowedOnes() throws Exception {
        HttpResponse<String> response = ApiClient.as("alice").send("DELETE", "/tickets", null, null);

        assertProblem(response, 405, "METHOD_NOT_ALLOWED");
        assertTrue(response.headers().firstValue("Allow").orElseThrow().contains("POST"));
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertProblem(ApiClient.as("alice").get("/nothing-here"), 404, "NOT_FOUND");
        assertProblem(ApiClient.as("alice").get("/tickets/not-a-number"), 404, "NOT_FOUND");
        assertProblem(ApiClient.as("alice").http().getJson("/api/v2/tickets"), 404, "NOT_FOUND");
    }

    @Test
    void aJsonBodyDeclaredOverOneMegabyteIs413BeforeItIsRead() throws Exception {
        JsonObject problem = assertRefusedBeforeReading(
                postHeadOnly("/tickets", "application/json", 1024 * 1024 + 1), 413, "PAYLOAD_TOO_LARGE");

        assertEquals("The request body is larger than 1 MB.", problem.getString("detail"));
    }

    @Test
    void aMultipartBodyDeclaredOverTheLimitIs413BeforeItIsRead() throws Exception {
        JsonObject problem = assertRefusedBeforeReading(
                postHeadOnly("/tickets", "multipart/form-data; boundary=x", MULTIPART_LIMIT + 1),
                413,
                "PAYLOAD_TOO_LARGE");

        assertEquals("The request body is larger than 51 MB.", problem.getString("detail"));
    }

    @Test
    void aChunkedJsonBodyIsCutOffAtTheLimitWith413() throws Exception {
        assertProblem(
                postChunked("/tickets", "application/json", "{\"details\":\"", 1024 * 1024 + 1),
                413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aMultipartBodyWithoutContentLengthIs411BeforeItIsRead() throws Exception {
        String subject = unique("Chunked form");

        assertProblem(
                postChunked(
                        "/tickets",
                        "multipart/form-data; boundary=b",
                        "--b\r\nContent-Disposition: form-data; "
                                + "name=\"subject\"\r\n\r\n" + subject + "\r\n--b\r\nContent-Disposition: form-data; "
                                + "name=\"attachments\"; filename=\"small.bin\"\r\n\r\n",
                        4096),
                411,
                "LENGTH_REQUIRED");
        assertEquals(0, ticketsWithSubject(subject));
    }

    @Test
    void sixFilesAre400AndNothingIsStored() throws Exception {
        String subject = unique("Six files");
        List<FilePart> six = List.of(
                FilePart.ofSize("1.txt", 5),
                FilePart.ofSize("2.txt", 5),
                FilePart.ofSize("3.txt", 5),
                FilePart.ofSize("4.txt", 5),
                FilePart.ofSize("5.txt", 5),
                FilePart.ofSize("6.txt", 5));

        assertInvalidField(ApiClient.as("alice").multipart("/tickets", ticketForm(subject), six), "attachments");
        assertEquals(0, ticketsWithSubject(subject));
    }

    @Test
    void aFileOf10MbAndOneByteIs400AndNothingIsStored() throws Exception {
        String subject = unique("Ten MB plus one");

        JsonObject problem = assertInvalidField(
                ApiClient.as("alice")
                        .multipart("/tickets", ticketForm(subject), List.of(FilePart.ofSize("big.bin", TEN_MB + 1))),
                "attachments");

        assertTrue(problem.getString("detail").contains("larger than 10 MB"), problem.toString());
        assertEquals(0, ticketsWithSubject(subject));
    }

    @Test
    void fiveFilesOf10MbAreAccepted() throws Exception {
        List<FilePart> five = List.of(
                FilePart.ofSize("1.bin", TEN_MB),
                FilePart.ofSize("2.bin", TEN_MB),
                FilePart.ofSize("3.bin", TEN_MB),
                FilePart.ofSize("4.bin", TEN_MB),
                FilePart.ofSize("5.bin", TEN_MB));

        HttpResponse<String> created = ApiClient.as("alice").multipart("/tickets", ticketForm(unique("Five")), five);

        assertEquals(201, created.statusCode(), created.body());
        assertEquals(5, object(created).getJsonArray("attachments").size());
    }

    @Test
    void aFilePartUnderAnotherNameIs400RatherThanLost() throws Exception {
        HttpResponse<String> response = ApiClient.as("alice")
                .multipart("/tickets", ticketForm(unique("Wrong part")), "file", List.of(FilePart.ofSize("a.txt", 3)));

        assertInvalidField(response, "file");
    }

    @Test
    void noErrorIsHtmlOrAStackTrace() throws Exception {
        List<HttpResponse<String>> errors = List.of(
                ApiClient.as("alice").post("/tickets", "{"),
                ApiClient.as("alice").get("/tickets/999999999"),
                ApiClient.anonymous().get("/tickets"),
                ApiClient.as("alice").send("DELETE", "/me", null, null));

        for (HttpResponse<String> error : errors) {
            assertFalse(error.body().contains("<html"), error.body());
            assertFalse(error.body().contains("Exception"), error.body());
            assertFalse(error.body().contains("\tat "), error.body());
        }
    }
}
