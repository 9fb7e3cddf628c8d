package org.helpdesk.it.api;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.api.ApiClient.assertInvalidField;
import static org.helpdesk.it.api.ApiClient.assertProblem;
import static org.helpdesk.it.api.ApiClient.assertTicketNotFound;
import static org.helpdesk.it.api.ApiClient.object;
import static org.helpdesk.it.api.ApiClient.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Listing, filing and viewing tickets, and downloading their files, over the REST API. */
@ExtendWith(ArquillianExtension.class)
class TicketsApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static String encoded(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static List<Long> idsOf(JsonObject page) {
        return page.getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .map(item -> item.getJsonNumber("id").longValue())
                .toList();
    }

    private static Map<String, String> ticketForm(String subject) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("subject", subject);
        fields.put("details", "Details of " + subject);
        fields.put("urgency", "high");
        fields.put("locationId", "1");
        return fields;
    }

    @Test
    void filingAnswers201WithLocationAndTheOpenTicketWhateverStatusItAsksFor() throws Exception {
        ApiClient alice = ApiClient.as("alice");
        String subject = unique("API create");

        HttpResponse<String> created = alice.post(
                "/tickets",
                "{\"subject\":\"" + subject + "\",\"details\":\"Printer "
                        + "jams\",\"urgency\":\"critical\",\"locationId\":1,\"status\":\"closed\"}");

        assertEquals(201, created.statusCode(), created.body());
        JsonObject ticket = object(created);
        long id = ticket.getJsonNumber("id").longValue();
        assertTrue(created.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/tickets/" + id));
        assertTrue(created.headers().firstValue("ETag").isPresent());
        assertEquals("open", ticket.getString("status"), "Rule 4");
        assertEquals("critical", ticket.getString("urgency"));
        assertEquals(subject, ticket.getString("subject"));
        assertEquals("North Clinic", ticket.getJsonObject("location").getString("name"));
        assertEquals("alice", ticket.getJsonObject("requester").getString("username"));
        assertEquals(JsonValue.NULL, ticket.get("assignee"));
        assertEquals(JsonValue.NULL, ticket.get("category"));
        assertTrue(ticket.getString("createdAt").endsWith("Z"), "ISO-8601 UTC");
    }

    @Test
    void viewShowsTheTicketWithMessagesAndHistoryAndItsVersionAsETag() throws Exception {
        ApiClient alice = ApiClient.as("alice");
        long id = alice.fileTicket(unique("API view")).getJsonNumber("id").longValue();
        ApiClient.as("mark").post("/tickets/" + id + "/messages", "{\"text\":\"On it.\"}");

        HttpResponse<String> viewed = alice.get("/tickets/" + id);

        assertEquals(200, viewed.statusCode(), viewed.body());
        assertTrue(viewed.headers().firstValue("ETag").orElseThrow().matches("\"\\d+\""));
        JsonObject ticket = object(viewed);
        JsonObject message = ticket.getJsonArray("messages").getJsonObject(0);
        assertEquals("On it.", message.getString("text"));
        assertEquals("Mark Mendez", message.getJsonObject("author").getString("displayName"));
        assertEquals(false, message.getBoolean("internal"));
        JsonObject event = ticket.getJsonArray("history").getJsonObject(0);
        assertEquals("status_changed", event.getString("type"));
        assertEquals("open", event.getString("from"));
        assertEquals("in_progress", event.getString("to"));
        assertEquals("Mark Mendez", event.getJsonObject("actor").getString("displayName"));
        assertTrue(event.containsKey("at"));
    }

    @Test
    void aRequesterSeesStaffByDisplayNameOnlyWhileStaffSeeUserNames() throws Exception {
        ApiClient alice = ApiClient.as("alice");
        ApiClient mark = ApiClient.as("mark");
        String subject = unique("Display names");
        long id = alice.fileTicket(subject).getJsonNumber("id").longValue();
        assertEquals(
                200,
                mark.put("/tickets/" + id + "/assignee", "{\"assigneeId\":4}").statusCode());
        assertEquals(
                201,
                mark.post("/tickets/" + id + "/messages", "{\"text\":\"On it.\"}")
                        .statusCode());

        HttpResponse<String> asRequester = alice.get("/tickets/" + id);
        HttpResponse<String> listed = alice.get("/tickets?q=" + encoded(subject));
        HttpResponse<String> asStaff = mark.get("/tickets/" + id);

        for (HttpResponse<String> answer : List.of(asRequester, listed)) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertTrue(!answer.body().contains("\"mark\""), "no staff user name: " + answer.body());
            assertTrue(answer.body().contains("\"Mark Mendez\""), answer.body());
        }
        JsonObject ticket = object(asRequester);
        assertEquals(JsonValue.NULL, ticket.getJsonObject("assignee").get("username"));
        assertEquals("Mark Mendez", ticket.getJsonObject("assignee").getString("displayName"));
        assertEquals(
                JsonValue.NULL,
                ticket.getJsonArray("messages")
                        .getJsonObject(0)
                        .getJsonObject("author")
                        .get("username"));
        assertEquals(
                JsonValue.NULL,
                ticket.getJsonArray("history")
                        .getJsonObject(0)
                        .getJsonObject("actor")
                        .get("username"));
        assertEquals("alice", ticket.getJsonObject("requester").getString("username"), "one's own name stays");
        JsonObject staffView = object(asStaff);
        assertEquals("mark", staffView.getJsonObject("assignee").getString("username"));
        assertEquals("alice", staffView.getJsonObject("requester").getString("username"));
    }

    @Test
    void anUnknownTicketIsNotFoundWithTheSeedTexts() throws Exception {
        HttpResponse<String> response = ApiClient.as("alice").get("/tickets/999999999");

        assertTicketNotFound(response);
        assertTrue(response.body().contains("\"code\":\"NOT_FOUND\""), response.body());
        assertTrue(response.body().contains("Ticket not found"), response.body());
    }

    @Test
    void someoneElsesTicketIsNotFoundExactlyLikeAnUnknownOne() throws Exception {
        long alicesTicket = ApiClient.as("alice")
                .fileTicket(unique("Alice's"))
                .getJsonNumber("id")
                .longValue();

        HttpResponse<String> foreign = ApiClient.as("ron").get("/tickets/" + alicesTicket);
        HttpResponse<String> unknown = ApiClient.as("ron").get("/tickets/999999998");

        assertTicketNotFound(foreign);
        assertEquals(unknown.body(), foreign.body(), "ids leak nothing (Rule 2)");
    }

    @Test
    void aTicketOutsideAStaffMembersLocationsIsNotFound() throws Exception {
        long southTicket = ApiClient.as("ron")
                .fileTicket(unique("South"), 2)
                .getJsonNumber("id")
                .longValue();

        assertTicketNotFound(ApiClient.as("mark").get("/tickets/" + southTicket));
        assertEquals(200, ApiClient.as("olivia").get("/tickets/" + southTicket).statusCode());
    }

    @Test
    void aRequesterListsOnlyTheirOwnTicketsNewestFirstWithPagination() throws Exception {
        ApiClient alice = ApiClient.as("alice");
        String marker = unique("API list");
        long first = alice.fileTicket(marker + " first").getJsonNumber("id").longValue();
        long second = alice.fileTicket(marker + " second").getJsonNumber("id").longValue();
        ApiClient.as("olivia").fileTicket(marker + " olivia's");

        JsonObject page = object(alice.get("/tickets?q=" + encoded(marker) + "&limit=1"));
        JsonObject all = object(alice.get("/tickets?q=" + encoded(marker)));

        assertEquals(List.of(second), idsOf(page), "newest first, one per page");
        assertEquals(1, page.getInt("page"));
        assertEquals(1, page.getInt("limit"));
        assertEquals(2, page.getInt("totalItems"));
        assertEquals(2, page.getInt("totalPages"));
        assertEquals(List.of(second, first), idsOf(all), "never olivia's ticket");
        assertEquals(25, all.getInt("limit"), "the default page size");
        JsonObject item = all.getJsonArray("items").getJsonObject(0);
        assertEquals("Details of " + marker + " second", item.getString("details"));
        assertEquals("alice", item.getJsonObject("requester").getString("username"));
        assertTrue(!item.containsKey("messages"), "list items carry no thread");
    }

    @Test
    void aRequesterAskingForSomeoneElsesTicketsGetsAnEmptyPage() throws Exception {
        String marker = unique("Ron's");
        ApiClient.as("ron").fileTicket(marker, 2);

        JsonObject page = object(ApiClient.as("alice").get("/tickets?userId=2&q=" + encoded(marker)));
        JsonObject own = object(ApiClient.as("alice").get("/tickets?userId=1&limit=1"));

        assertEquals(List.of(), idsOf(page));
        assertEquals(0, page.getInt("totalItems"));
        assertEquals(1, own.getJsonArray("items").size(), "her own id is her own list");
    }

    @Test
    void staffListTheirScopeAndFilterByRequesterAndStatus() throws Exception {
        String marker = unique("Scope");
        long alices = ApiClient.as("alice")
                .fileTicket(marker + " north")
                .getJsonNumber("id")
                .longValue();
        long rons = ApiClient.as("ron")
                .fileTicket(marker + " south", 2)
                .getJsonNumber("id")
                .longValue();

        assertEquals(
                List.of(alices),
                idsOf(object(ApiClient.as("mark").get("/tickets?q=" + encoded(marker)))),
                "mark works at North only");
        assertEquals(
                List.of(rons), idsOf(object(ApiClient.as("olivia").get("/tickets?userId=2&q=" + encoded(marker)))));
        assertEquals(
                List.of(alices),
                idsOf(object(ApiClient.as("olivia").get("/tickets?status=open&userId=1&q=" + encoded(marker)))));
        assertEquals(
                List.of(), idsOf(object(ApiClient.as("olivia").get("/tickets?status=closed&q=" + encoded(marker)))));
    }

    /** A word of its own, one token for every database's search (letters and digits only). */
    private static String word(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void searchFindsTheWordsOfTheConversationThatTheCallerMaySee() throws Exception {
        String inResponse = word("answered");
        String inNote = word("noted");
        long id = ApiClient.as("alice")
                .fileTicket(unique("Searched conversation"))
                .getJsonNumber("id")
                .longValue();
        ApiClient mark = ApiClient.as("mark");
        assertEquals(
                201,
                mark.post("/tickets/" + id + "/messages", "{\"text\":\"Try " + inResponse + " now.\"}")
                        .statusCode());
        assertEquals(
                201,
                mark.post(
                                "/tickets/" + id + "/messages",
                                "{\"text\":\"Between us: " + inNote + ".\",\"internal\":true}")
                        .statusCode());

        ApiClient alice = ApiClient.as("alice");
        assertEquals(List.of(id), idsOf(object(alice.get("/tickets?q=" + inResponse))), "a response's words");
        assertEquals(List.of(id), idsOf(object(mark.get("/tickets?q=" + inResponse))));
        assertEquals(List.of(id), idsOf(object(mark.get("/tickets?q=" + inNote))), "staff search their notes");
        JsonObject requesterSearch = object(alice.get("/tickets?q=" + inNote));
        assertEquals(List.of(), idsOf(requesterSearch), "a note's words never find a ticket for its requester");
        assertEquals(0, requesterSearch.getInt("totalItems"));
        assertEquals(List.of(), idsOf(object(mark.get("/tickets?q=" + word("nowhere")))));
    }

    @Test
    void listParametersOutsideTheirRangeAre400NamingTheParameter() throws Exception {
        ApiClient alice = ApiClient.as("alice");

        assertInvalidField(alice.get("/tickets?page=0"), "page");
        assertInvalidField(alice.get("/tickets?page=abc"), "page");
        assertInvalidField(alice.get("/tickets?limit=0"), "limit");
        assertInvalidField(alice.get("/tickets?limit=101"), "limit");
        assertInvalidField(alice.get("/tickets?limit=ten"), "limit");
        assertInvalidField(alice.get("/tickets?status=bogus"), "status");
        assertInvalidField(alice.get("/tickets?userId=me"), "userId");
        assertEquals(200, alice.get("/tickets?limit=100&page=3").statusCode());
    }

    @Test
    void filingWithoutTheRequiredFieldsIs400NamingEachField() throws Exception {
        HttpResponse<String> response = ApiClient.as("alice").post("/tickets", "{\"details\":\" \"}");

        assertInvalidField(response, "subject");
        assertInvalidField(response, "details");
        assertInvalidField(response, "urgency");
        assertInvalidField(response, "locationId");
    }

    @Test
    void filingAtALocationOutsideTheCallersIs400() throws Exception {
        assertInvalidField(
                ApiClient.as("alice")
                        .post("/tickets", "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":2}"),
                "locationId");
        assertInvalidField(
                ApiClient.as("lou")
                        .post("/tickets", "{\"subject\":\"s\",\"details\":\"d\",\"urgency\":\"low\",\"locationId\":1}"),
                "locationId");
    }

    @Test
    void filingAsAMultipartFormStoresTheFilesForDownload() throws Exception {
        ApiClient alice = ApiClient.as("alice");
        String subject = unique("API files") + " Zürich";
        byte[] log = "error 42 – ünïcode".getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> created = alice.multipart(
                "/tickets",
                ticketForm(subject),
                List.of(
                        new FilePart("screen.png", "image/png", new byte[] {1, 2, 3}),
                        new FilePart("log.txt", "text/plain", log)));

        assertEquals(201, created.statusCode(), created.body());
        JsonObject ticket = object(created);
        assertEquals(subject, ticket.getString("subject"), "form fields are UTF-8");
        List<JsonObject> files = ticket.getJsonArray("attachments").getValuesAs(JsonObject.class);
        assertEquals(
                List.of("screen.png", "log.txt"),
                files.stream().map(file -> file.getString("fileName")).toList());
        assertEquals(log.length, files.get(1).getInt("size"));
        HttpResponse<String> download = alice.get("/tickets/" + ticket.getJsonNumber("id") + "/attachments/"
                + files.get(1).getJsonNumber("id"));
        assertEquals(200, download.statusCode());
        assertEquals(new String(log, StandardCharsets.UTF_8), download.body());
        assertEquals("text/plain", download.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(download.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .startsWith("attachment"));
        assertEquals(
                "nosniff",
                download.headers().firstValue("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void aFileIsDownloadedOnlyWithTheSameAccessAsItsTicket() throws Exception {
        ApiClient alice = ApiClient.as("alice");
        JsonObject ticket = object(alice.multipart(
                "/tickets",
                ticketForm(unique("Private file")),
                List.of(new FilePart("private.txt", "text/plain", new byte[] {42}))));
        String file = "/tickets/" + ticket.getJsonNumber("id") + "/attachments/"
                + ticket.getJsonArray("attachments").getJsonObject(0).getJsonNumber("id");

        assertTicketNotFound(ApiClient.as("ron").get(file));
        JsonObject missing = assertProblem(
                alice.get("/tickets/" + ticket.getJsonNumber("id") + "/attachments/999999"), 404, "NOT_FOUND");
        assertEquals("Attachment not found", missing.getString("detail"));
        assertEquals(200, ApiClient.as("mark").get(file).statusCode());
    }

    @Test
    void anInternalNotesFileIsHiddenFromTheRequester() throws Exception {
        long id = ApiClient.as("alice")
                .fileTicket(unique("Note file"))
                .getJsonNumber("id")
                .longValue();
        Map<String, String> note = Map.of("text", "See the invoice", "internal", "true");
        JsonObject ticket = object(ApiClient.as("mark")
                .multipart(
                        "/tickets/" + id + "/messages",
                        note,
                        List.of(new FilePart("invoice.pdf", "application/pdf", new byte[] {1}))));
        long fileId = ticket.getJsonArray("messages")
                .getJsonObject(0)
                .getJsonArray("attachments")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        assertProblem(ApiClient.as("alice").get("/tickets/" + id + "/attachments/" + fileId), 404, "NOT_FOUND");
        assertEquals(
                200,
                ApiClient.as("olivia")
                        .get("/tickets/" + id + "/attachments/" + fileId)
                        .statusCode());
    }

    @Test
    void theBrowserSessionWorksForTheApiToo() throws Exception {
        HelpdeskClient browser = HelpdeskClient.signedIn("alice", "demo");

        assertEquals(200, browser.getJson("/api/v1/tickets").statusCode());
    }
}
