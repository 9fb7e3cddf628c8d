package org.helpdesk.it.mail;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.helpdesk.it.support.HelpdeskClient;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The REST calls the mail tests make as the demo users: filing tickets, writing, reading answers. */
final class MailTestApi {

    static final String API = "/api/v1";

    private MailTestApi() {}

    /** Files a ticket at North Clinic, urgency high, and returns its id. */
    static long fileTicket(String username, String subject) throws IOException, InterruptedException {
        HttpResponse<String> created = post(
                username,
                "/tickets",
                "{\"subject\":" + quoted(subject) + ",\"details\":" + quoted("Details of " + subject)
                        + ",\"urgency\":\"high\",\"locationId\":1}");
        assertEquals(201, created.statusCode(), created.body());
        return object(created).getJsonNumber("id").longValue();
    }

    static HttpResponse<String> post(String username, String path, String json)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HelpdeskClient.basic(username, "demo").postJson(API + path, json);
        assertTrue(answer.statusCode() / 100 == 2, path + ": " + answer.statusCode() + " " + answer.body());
        return answer;
    }

    static HttpResponse<String> put(String username, String path, String json)
            throws IOException, InterruptedException {
        HelpdeskClient client = HelpdeskClient.basic(username, "demo");
        HttpResponse<String> answer = client.send(client.request(API + path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
        assertTrue(answer.statusCode() / 100 == 2, path + ": " + answer.statusCode() + " " + answer.body());
        return answer;
    }

    static JsonObject object(HttpResponse<String> response) {
        try (JsonReader reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }

    static String quoted(String value) {
        return Json.createValue(value).toString();
    }

    /** A subject no other test run has used: the prefix and 8 random hex digits. */
    static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 8);
    }
}
