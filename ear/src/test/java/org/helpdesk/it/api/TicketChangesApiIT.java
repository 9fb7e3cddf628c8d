package org.helpdesk.it.api;

import java.net.http.HttpResponse;
import java.util.List;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.helpdesk.it.support.Deployments;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The rest of a ticket's life over the REST API: status, assignee, category, the requester's text,
 * responses and internal notes, with the ETag/If-Match concurrency check.
 */
@ExtendWith(ArquillianExtension.class)
class TicketChangesApiIT {

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static long newTicket(String prefix) throws Exception {
        return ApiClient.as("alice")
                .fileTicket(unique(prefix))
                .getJsonNumber("id")
                .longValue();
    }

    private static List<String> historyTypes(JsonObject ticket) {
        return ticket.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(event -> event.getString("type"))
                .toList();
    }

    @Test
    void staffChangeTheStatusAndGetTheTicketWithItsNewETag() throws Exception {
        long id = newTicket("Status");
        ApiClient mark = ApiClient.as("mark");
        String before = mark.etagOf(id);

        HttpResponse<String> changed = mark.put("/tickets/" + id + "/status", "{\"status\":\"in_progress\"}");

        assertEquals(200, changed.statusCode(), changed.body());
        JsonObject ticket = object(changed);
        assertEquals(id, ticket.getJsonNumber("id").longValue());
        assertEquals("in_progress", ticket.getString("status"));
        assertEquals(List.of("status_changed"), historyTypes(ticket));
        String after = changed.headers().firstValue("ETag").orElseThrow();
        assertNotEquals(before, after);
        assertEquals(after, mark.etagOf(id), "the answer's ETag is the ticket's version");
    }

    @Test
    void aRequesterCannotChangeStatusAssigneeOrCategory() throws Exception {
        long id = newTicket("Rule 6");
        ApiClient alice = ApiClient.as("alice");

        JsonObject status =
                assertProblem(alice.put("/tickets/" + id + "/status", "{\"status\":\"closed\"}"), 403, "FORBIDDEN");
        assertProblem(alice.put("/tickets/" + id + "/assignee", "{\"assigneeId\":4}"), 403, "FORBIDDEN");
        assertProblem(alice.put("/tickets/" + id + "/category", "{\"categoryId\":1}"), 403, "FORBIDDEN");

        assertEquals(403, status.getInt("status"));
        JsonObject ticket = object(alice.get("/tickets/" + id));
        assertEquals("open", ticket.getString("status"));
        assertEquals(JsonValue.NULL, ticket.get("assignee"));
        assertEquals(List.of(), historyTypes(ticket));
    }

    @Test
    void changingAnUnknownOrOutOfScopeTicketIsNotFound() throws Exception {
        long south = ApiClient.as("ron")
                .fileTicket(unique("South"), 2)
                .getJsonNumber("id")
                .longValue();
        ApiClient mark = ApiClient.as("mark");

        assertTicketNotFound(mark.put("/tickets/999999999/status", "{\"status\":\"in_progress\"}"));
        assertTicketNotFound(mark.put("/tickets/" + south + "/status", "{\"status\":\"in_progress\"}"));
        assertTicketNotFound(mark.put("/tickets/" + south + "/assignee", "{\"assigneeId\":4}"));
        assertTicketNotFound(mark.put("/tickets/" + south + "/category", "{\"categoryId\":1}"));
        assertTicketNotFound(mark.send("PUT", "/tickets/999999999/status", "{\"status\":\"open\"}", "\"1\""));
    }

    @Test
    void anUnknownStatusIs400NamingTheField() throws Exception {
        long id = newTicket("Bogus status");

        assertInvalidField(ApiClient.as("mark").put("/tickets/" + id + "/status", "{\"status\":\"bogus\"}"), "status");
        assertInvalidField(ApiClient.as("mark").put("/tickets/" + id + "/status", "{}"), "status");
    }

    @Test
    void aStaleIfMatchIs412AndChangesNothing() throws Exception {
        long id = newTicket("Stale");
        ApiClient mark = ApiClient.as("mark");
        String seen = mark.etagOf(id);
        mark.put("/tickets/" + id + "/category", "{\"categoryId\":3}");

        HttpResponse<String> stale = mark.send("PUT", "/tickets/" + id + "/status", "{\"status\":\"closed\"}", seen);

        assertProblem(stale, 412, "PRECONDITION_FAILED");
        assertEquals("open", object(mark.get("/tickets/" + id)).getString("status"));
        assertProblem(
                mark.send("PUT", "/tickets/" + id + "/assignee", "{\"assigneeId\":4}", seen),
                412,
                "PRECONDITION_FAILED");
        assertProblem(
                mark.send("PUT", "/tickets/" + id + "/category", "{\"categoryId\":1}", seen),
                412,
                "PRECONDITION_FAILED");
        assertProblem(
                ApiClient.as("alice").send("PATCH", "/tickets/" + id, "{\"subject\":\"New\"}", seen),
                412,
                "PRECONDITION_FAILED");
        assertProblem(
                ApiClient.as("alice").send("POST", "/tickets/" + id + "/messages", "{\"text\":\"Hi\"}", seen),
                412,
                "PRECONDITION_FAILED");
        assertProblem(
                mark.send("PUT", "/tickets/" + id + "/status", "{\"status\":\"closed\"}", "W/\"1\""),
                412,
                "PRECONDITION_FAILED");
    }

    @Test
    void aCurrentIfMatchIsAccepted() throws Exception {
        long id = newTicket("Current");
        ApiClient mark = ApiClient.as("mark");

        HttpResponse<String> changed =
                mark.send("PUT", "/tickets/" + id + "/status", "{\"status\":\"resolved\"}", mark.etagOf(id));

        assertEquals(200, changed.statusCode(), changed.body());
        assertEquals("resolved", object(changed).getString("status"));
    }

    @Test
    void staffAssignAndCategoriseAndBothAreInTheHistory() throws Exception {
        long id = newTicket("Triage");
        ApiClient mark = ApiClient.as("mark");

        HttpResponse<String> assigned = mark.put("/tickets/" + id + "/assignee", "{\"assigneeId\":4}");
        HttpResponse<String> categorised = mark.put("/tickets/" + id + "/category", "{\"categoryId\":3}");

        assertEquals(200, assigned.statusCode(), assigned.body());
        assertEquals("mark", object(assigned).getJsonObject("assignee").getString("username"));
        assertEquals(200, categorised.statusCode(), categorised.body());
        JsonObject ticket = object(categorised);
        assertEquals("Technical", ticket.getJsonObject("category").getString("name"));
        assertEquals(List.of("assignee_changed", "category_changed"), historyTypes(ticket));
        assertEquals(
                JsonValue.NULL,
                object(mark.put("/tickets/" + id + "/assignee", "{\"assigneeId\":null}"))
                        .get("assignee"),
                "null unassigns");
    }

    @Test
    void assigningSomeoneWhoIsNotStaffThereOrAnUnknownCategoryIs400() throws Exception {
        long id = newTicket("Bad triage");
        ApiClient mark = ApiClient.as("mark");

        assertInvalidField(mark.put("/tickets/" + id + "/assignee", "{\"assigneeId\":1}"), "assigneeId");
        assertInvalidField(mark.put("/tickets/" + id + "/category", "{\"categoryId\":999}"), "categoryId");
        assertInvalidField(mark.put("/tickets/" + id + "/assignee", "{\"assigneeId\":\"mark\"}"), "assigneeId");
    }

    @Test
    void theRequesterUpdatesTheTextAndTheHistoryRecordsIt() throws Exception {
        long id = newTicket("Text");
        ApiClient alice = ApiClient.as("alice");

        HttpResponse<String> updated = alice.patch("/tickets/" + id, "{\"subject\":\"Printer still jams\"}");

        assertEquals(200, updated.statusCode(), updated.body());
        JsonObject ticket = object(updated);
        assertEquals("Printer still jams", ticket.getString("subject"));
        assertTrue(ticket.getString("details").startsWith("Details of Text"), "a field left out keeps its value");
        assertEquals(List.of("subject_changed"), historyTypes(ticket));
        assertEquals(
                "Printer still jams",
                ticket.getJsonArray("history").getJsonObject(0).getString("to"));
    }

    @Test
    void onlyTheRequesterUpdatesTheText() throws Exception {
        long id = newTicket("Owner only");

        assertProblem(ApiClient.as("mark").patch("/tickets/" + id, "{\"subject\":\"Staff edit\"}"), 403, "FORBIDDEN");
        assertTicketNotFound(ApiClient.as("ron").patch("/tickets/" + id, "{\"subject\":\"Ron's edit\"}"));
        assertInvalidField(ApiClient.as("alice").patch("/tickets/" + id, "{\"subject\":\" \"}"), "subject");
    }

    @Test
    void staffRespondingToAnOpenTicketPutItInProgress() throws Exception {
        long id = newTicket("Rule 8");

        HttpResponse<String> responded = ApiClient.as("mark")
                .post("/tickets/" + id + "/messages", "{\"text\":\"We are on it.\",\"internal\":false}");

        assertEquals(201, responded.statusCode(), responded.body());
        assertTrue(responded.headers().firstValue("Location").orElseThrow().endsWith("/api/v1/tickets/" + id));
        JsonObject ticket = object(responded);
        assertEquals("in_progress", ticket.getString("status"));
        JsonObject event = ticket.getJsonArray("history").getJsonObject(0);
        assertEquals("status_changed", event.getString("type"));
        assertTrue(event.getBoolean("automatic"));
    }

    @Test
    void aRequesterRespondsInTheirThread() throws Exception {
        long id = newTicket("Respond");

        HttpResponse<String> responded =
                ApiClient.as("alice").post("/tickets/" + id + "/messages", "{\"text\":\"Any news?\"}");

        assertEquals(201, responded.statusCode(), responded.body());
        JsonObject message = object(responded).getJsonArray("messages").getJsonObject(0);
        assertEquals("Any news?", message.getString("text"));
        assertEquals("open", object(responded).getString("status"));
        assertTicketNotFound(ApiClient.as("ron").post("/tickets/" + id + "/messages", "{\"text\":\"Hi\"}"));
    }

    @Test
    void internalNotesAreForStaffOnly() throws Exception {
        long id = newTicket("Rule 7");

        assertProblem(
                ApiClient.as("alice")
                        .post("/tickets/" + id + "/messages", "{\"text\":\"Let me in\",\"internal\":true}"),
                403,
                "FORBIDDEN");
        HttpResponse<String> noted = ApiClient.as("mark")
                .post("/tickets/" + id + "/messages", "{\"text\":\"Secret remark\",\"internal\":true}");

        assertEquals(201, noted.statusCode(), noted.body());
        assertEquals("open", object(noted).getString("status"), "a note changes no status");
        assertTrue(object(noted).getJsonArray("messages").getJsonObject(0).getBoolean("internal"));
        HttpResponse<String> requesterView = ApiClient.as("alice").get("/tickets/" + id);
        assertFalse(requesterView.body().contains("Secret remark"));
        assertEquals(0, object(requesterView).getJsonArray("messages").size());
    }

    @Test
    void anInternalFlagThatIsNotABooleanIsRefusedRatherThanPostedPublicly() throws Exception {
        long id = newTicket("Internal yes");

        assertInvalidField(
                ApiClient.as("mark").post("/tickets/" + id + "/messages", "{\"text\":\"Secret\",\"internal\":\"yes\"}"),
                "internal");
        assertEquals(
                0,
                object(ApiClient.as("alice").get("/tickets/" + id))
                        .getJsonArray("messages")
                        .size());
    }

    @Test
    void aClosedTicketTakesNoResponse() throws Exception {
        long id = newTicket("Closed");
        ApiClient.as("mark").put("/tickets/" + id + "/status", "{\"status\":\"closed\"}");

        assertProblem(
                ApiClient.as("alice").post("/tickets/" + id + "/messages", "{\"text\":\"Hello?\"}"), 409, "CONFLICT");
    }

    @Test
    void anEmptyResponseIs400() throws Exception {
        long id = newTicket("Empty response");

        assertInvalidField(ApiClient.as("alice").post("/tickets/" + id + "/messages", "{\"text\":\"  \"}"), "text");
    }
}
