package org.helpdesk.it.mail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

import org.helpdesk.it.proof.ProofReport;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;
import org.helpdesk.it.support.Multipart;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.mail.MailTestApi.API;
import static org.helpdesk.it.mail.MailTestApi.fileTicket;
import static org.helpdesk.it.mail.MailTestApi.object;
import static org.helpdesk.it.mail.MailTestApi.post;
import static org.helpdesk.it.mail.MailTestApi.put;
import static org.helpdesk.it.mail.MailTestApi.quoted;
import static org.helpdesk.it.mail.MailTestApi.unique;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Notifications by e-mail, end to end: changes made over the API, mails received by a real SMTP
 * server ({@link TestMailServer}). Every kind reaches the right person with the right subject,
 * link and text; internal notes reach no requester; preferences hold; a rolled-back change sends
 * nothing; an SMTP outage loses and doubles nothing. Run with {@code ./mvnw verify -Pmail}.
 *
 * <p>Demo users: alice files at North Clinic, where mark (staff, id 4) and olivia (staff and
 * administrator) work.
 */
@ExtendWith({TestMailServer.class, ArquillianExtension.class})
class MailNotificationsIT {

    private static final String BASE = "https://helpdesk.test";
    private static final long MARK_ID = 4;
    private static final Duration ARRIVAL = Duration.ofSeconds(60);

    private static final String ALICE = "alice@helpdesk.test";
    private static final String MARK = "mark@helpdesk.test";
    private static final String OLIVIA = "olivia@helpdesk.test";

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void everyKindOfNotificationReachesTheRightPersonWithSubjectLinkAndText() throws Exception {
        String subject = unique("Printer <jammed> & smoking");
        long id = fileTicket("alice", subject);
        put("olivia", "/tickets/" + id + "/assignee", "{\"assigneeId\":" + MARK_ID + "}");
        String staffAnswer = "We ordered a new roller <b>today</b> & will fit it.";
        post("mark", "/tickets/" + id + "/messages", json("text", staffAnswer));
        String secret = "INTERNAL-" + UUID.randomUUID();
        post("mark", "/tickets/" + id + "/messages", "{\"text\":\"" + secret + "\",\"internal\":\"true\"}");
        String requesterAnswer = "Thanks, it still smokes a little.";
        post("alice", "/tickets/" + id + "/messages", json("text", requesterAnswer));
        for (String status : List.of("resolved", "closed", "open", "in_progress")) {
            put("mark", "/tickets/" + id + "/status", "{\"status\":\"" + status + "\"}");
        }

        List<Mail> mails = mailsAbout(id, 10);

        assertEquals(
                Map.of(
                        ALICE + " Request received", 1L,
                        MARK + " New ticket", 1L,
                        OLIVIA + " New ticket", 1L,
                        MARK + " Assigned to you", 1L,
                        ALICE + " New response", 1L,
                        MARK + " Requester responded", 1L,
                        ALICE + " Resolved", 1L,
                        ALICE + " Closed", 1L,
                        ALICE + " Reopened", 1L,
                        ALICE + " In progress", 1L),
                mails.stream().collect(Collectors.groupingBy(m -> m.to() + " " + m.what(), Collectors.counting())),
                "one mail per kind to each person concerned, none to the author of a change");
        String link = BASE + "/tickets/view/" + id;
        for (Mail mail : mails) {
            assertAll(
                    mail.subject(),
                    () -> assertEquals("[Helpdesk #" + id + "] " + mail.what() + ": " + subject, mail.subject()),
                    () -> assertTrue(mail.text().contains("View the ticket: " + link), mail.text()),
                    () -> assertTrue(mail.html().contains("href=\"" + link + "\""), mail.html()),
                    () -> assertEquals("auto-generated", mail.autoSubmitted()),
                    () -> assertFalse(mail.html().contains("<b>"), "the HTML escapes every text: " + mail.html()),
                    () -> assertNotNull(mail.outboxId()));
        }
        Mail response = only(mails, ALICE, "New response");
        assertTrue(response.text().startsWith("Mark Mendez responded to your request #" + id + "."), response.text());
        assertTrue(response.text().contains("> " + staffAnswer), "the response is quoted: " + response.text());
        assertTrue(response.text().contains("Status: In progress"), "the automatic status change is told");
        assertTrue(
                response.html().contains("We ordered a new roller &lt;b&gt;today&lt;/b&gt; &amp; will fit it."),
                response.html());
        Mail filed = only(mails, ALICE, "Request received");
        assertTrue(filed.text().contains("> Details of " + subject), filed.text());
        assertTrue(only(mails, MARK, "New ticket").text().startsWith("Alice Archer filed ticket #" + id));
        assertTrue(only(mails, MARK, "Assigned to you").text().startsWith("Olivia Owens assigned ticket #" + id));
        assertTrue(only(mails, MARK, "Requester responded").text().contains("> " + requesterAnswer));
        assertTrue(only(mails, ALICE, "Resolved").text().contains("is now Resolved"));
        assertTrue(only(mails, ALICE, "Reopened").text().contains("was reopened"));
        assertTrue(
                TestMailServer.matching(m -> true).stream()
                        .map(Mail::of)
                        .noneMatch(m -> m.text().contains(secret) || m.html().contains(secret)),
                "an internal note is in no mail at all, so in no requester's (Rule 7)");
    }

    @Test
    void preferencesAreRespected() throws Exception {
        try {
            put(
                    "mark",
                    "/me/notifications",
                    "{\"new_ticket\":false,\"assigned\":true,\"requester_response\":true,"
                            + "\"ticket_filed\":true,\"staff_response\":true,\"status_changed\":true}");
            JsonObject alice = object(put(
                    "alice",
                    "/me/notifications",
                    "{\"ticket_filed\":false," + "\"staff_response\":true,\"status_changed\":false}"));
            assertFalse(alice.containsKey("new_ticket"), "a requester is offered no staff kinds: " + alice);

            long id = fileTicket("alice", unique("Preferences"));
            put("olivia", "/tickets/" + id + "/assignee", "{\"assigneeId\":" + MARK_ID + "}");
            post("mark", "/tickets/" + id + "/messages", json("text", "On it."));
            put("mark", "/tickets/" + id + "/status", "{\"status\":\"resolved\"}");

            List<Mail> mails = mailsAbout(id, 3);
            assertEquals(
                    Set.of(OLIVIA + " New ticket", MARK + " Assigned to you", ALICE + " New response"),
                    mails.stream().map(m -> m.to() + " " + m.what()).collect(Collectors.toSet()),
                    "mark: only tickets assigned to him; alice: no confirmation, no status mail");
            assertEquals(3, mails.size());
        } finally {
            put("mark", "/me/notifications", allOn(true));
            put("alice", "/me/notifications", allOn(false));
        }
    }

    @Test
    void aRolledBackChangeSendsNothing() throws Exception {
        long id = fileTicket("alice", unique("Rollback"));
        assertEquals(3, mailsAbout(id, 3).size(), "confirmation and the two staff of North Clinic");

        // The response is written, its notification too, then the 11 MB file is refused (Rule 5):
        // the whole transaction rolls back.
        HttpResponse<String> refused = multipart(
                "mark",
                "/tickets/" + id + "/messages",
                Map.of("text", "This answer never happened"),
                new FilePart("big.bin", "application/octet-stream", new byte[11 * 1024 * 1024]));
        assertEquals(400, refused.statusCode(), refused.body());
        String refusedSubject = unique("Never filed");
        HttpResponse<String> notFiled = multipart(
                "alice",
                "/tickets",
                Map.of("subject", refusedSubject, "details", "x", "urgency", "low", "locationId", "1"),
                new FilePart("big.bin", "application/octet-stream", new byte[11 * 1024 * 1024]));
        assertEquals(400, notFiled.statusCode(), notFiled.body());

        assertEquals(3, mailsAbout(id, 3).size(), "no mail for the rolled-back response (two sender ticks later)");
        assertTrue(
                TestMailServer.matching(m -> Mail.of(m).subject().contains(refusedSubject))
                        .isEmpty(),
                "no mail for the rolled-back filing");
    }

    @Test
    void anSmtpOutageLosesNothingAndDoublesNothing() throws Exception {
        int tickets = 40;
        Duration outage = Duration.ofSeconds(30);
        TestMailServer.stop();
        long down = System.nanoTime();
        List<Long> ids = new ArrayList<>();
        try {
            for (int i = 0; i < tickets; i++) {
                long id = fileTicket("alice", unique("Outage " + i));
                ids.add(id);
                post("mark", "/tickets/" + id + "/messages", json("text", "Answer " + i));
                put("mark", "/tickets/" + id + "/status", "{\"status\":\"resolved\"}");
                put("mark", "/tickets/" + id + "/status", "{\"status\":\"closed\"}");
            }
            long left = outage.toNanos() - (System.nanoTime() - down);
            if (left > 0) {
                Thread.sleep(left / 1_000_000);
            }
        } finally {
            TestMailServer.start();
        }
        long outageSeconds = Math.round((System.nanoTime() - down) / 1e9);
        // Per ticket: confirmation, mark's and olivia's new-ticket mail, the response, resolved, closed.
        int expected = tickets * 6;
        Set<Long> all = new HashSet<>(ids);
        List<Mail> mails =
                TestMailServer.await(m -> ids.stream().anyMatch(id -> Mail.about(m, id)), expected, ARRIVAL).stream()
                        .map(Mail::of)
                        .toList();

        Map<String, Long> perMail = mails.stream()
                .collect(Collectors.groupingBy(m -> m.subject() + " -> " + m.to(), Collectors.counting()));
        long duplicated = perMail.values().stream().mapToLong(n -> n - 1).sum()
                + (mails.size() - mails.stream().map(Mail::outboxId).distinct().count());
        long lost = expected - perMail.size();
        ProofReport.write(
                "mail",
                List.of("mail: " + mails.size() + " notifications sent, " + lost + " lost, " + duplicated
                        + " duplicated after a " + outageSeconds + " s SMTP outage (" + tickets
                        + " tickets, each filed, answered, resolved and closed while the SMTP server was down)"));
        assertEquals(0, lost, "every mail arrives after the outage");
        assertEquals(0, duplicated, "none twice");
        assertEquals(expected, mails.size());
        assertEquals(all.size(), tickets);
    }

    // Helpers

    private static List<Mail> mailsAbout(long id, int expected) throws InterruptedException {
        return TestMailServer.await(m -> Mail.about(m, id), expected, ARRIVAL).stream()
                .map(Mail::of)
                .toList();
    }

    private static Mail only(List<Mail> mails, String to, String what) {
        List<Mail> found = mails.stream()
                .filter(m -> m.to().equals(to) && m.what().equals(what))
                .toList();
        assertEquals(1, found.size(), to + " " + what);
        return found.get(0);
    }

    private static HttpResponse<String> multipart(
            String username, String path, Map<String, String> fields, FilePart file)
            throws IOException, InterruptedException {
        HelpdeskClient client = HelpdeskClient.basic(username, "demo");
        Multipart body = new Multipart();
        fields.forEach(body::field);
        body.file("attachments", file);
        return client.send(body.postWith(client.request(API + path).header("Accept", "application/json")));
    }

    private static String allOn(boolean staff) {
        Map<String, Boolean> on = new HashMap<>();
        for (String kind : List.of("ticket_filed", "staff_response", "status_changed")) {
            on.put(kind, true);
        }
        if (staff) {
            for (String kind : List.of("new_ticket", "requester_response", "assigned")) {
                on.put(kind, true);
            }
        }
        return on.entrySet().stream()
                .map(e -> quoted(e.getKey()) + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }

    private static String json(String field, String value) {
        return "{" + quoted(field) + ":" + quoted(value) + "}";
    }
}
