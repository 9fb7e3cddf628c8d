package org.helpdesk.it.ticket;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;
import org.helpdesk.it.support.HelpdeskClient.HeadOnlyAnswer;
import org.helpdesk.it.support.Html;
import org.helpdesk.it.support.PartialResponse;
import org.helpdesk.it.support.TicketPages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The requester's pages, used as a browser uses them: real forms, real multipart uploads, rendered HTML. */
@ExtendWith(ArquillianExtension.class)
class RequesterPagesHttpIT {

    private static final int TEN_MB = 10 * 1024 * 1024;

    /** One file more than Rule 5 allows. */
    private static final List<FilePart> SIX_FILES = List.of(
            FilePart.ofSize("1.txt", 5),
            FilePart.ofSize("2.txt", 5),
            FilePart.ofSize("3.txt", 5),
            FilePart.ofSize("4.txt", 5),
            FilePart.ofSize("5.txt", 5),
            FilePart.ofSize("6.txt", 5));

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static Map<String, String> ticketForm(String subject, String details) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ticket:subject", subject);
        fields.put("ticket:details", details);
        fields.put("ticket:urgency_input", "HIGH");
        fields.put("ticket:location_input", "1");
        return fields;
    }

    private static HttpResponse<String> submit(HelpdeskClient browser, String subject, List<FilePart> files)
            throws Exception {
        return browser.submitMultipartForm(
                "/tickets/add",
                "ticket",
                ticketForm(subject, "Details of " + subject),
                Map.of("ticket:attachments", files),
                "ticket:submit");
    }

    /** Submits the form as the page's Submit button does in a browser: by ajax, rendering what the button updates. */
    private static PartialResponse submitByAjax(HelpdeskClient browser, String subject, List<FilePart> files)
            throws Exception {
        return PartialResponse.of(browser.submitMultipartFormByAjax(
                "/tickets/add",
                "ticket",
                ticketForm(subject, "Details of " + subject),
                Map.of("ticket:attachments", files),
                "ticket:submit"));
    }

    /** The ids of the tickets listed by a search of the requester's list. */
    private static List<Long> listed(HelpdeskClient browser, String query) throws Exception {
        return listedIn(browser.get("/tickets/my-tickets?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body());
    }

    private static List<Long> listedIn(String html) {
        return TicketPages.listedIn(html);
    }

    private static long idFrom(HttpResponse<String> redirect) {
        return TicketPages.idFrom(redirect);
    }

    private static String unique(String prefix) {
        return TicketPages.unique(prefix);
    }

    @Test
    void submittingWithTwoAttachmentsShowsTheNewOpenTicket() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String subject = unique("Scenario A");

        HttpResponse<String> submitted = submit(
                alice,
                subject,
                List.of(
                        new FilePart("screenshot.png", "image/png", new byte[] {1, 2, 3}),
                        new FilePart("log.txt", "text/plain", "error 42".getBytes(StandardCharsets.UTF_8))));

        assertEquals(302, submitted.statusCode(), submitted.body());
        long id = idFrom(submitted);
        String page = alice.get("/tickets/view/" + id).body();
        assertTrue(page.contains("Support Request #" + id));
        assertTrue(page.contains("was created"), "confirmation shown");
        assertTrue(page.contains("screenshot.png") && page.contains("log.txt"));
        assertTrue(page.contains("hd-status-open"));
        assertEquals(List.of(id), listed(alice, subject));
    }

    @Test
    void theFormSentByAjaxWithTwoFilesOpensTheNewTicket() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String subject = unique("Scenario A by ajax");

        PartialResponse answer = submitByAjax(
                alice,
                subject,
                List.of(
                        new FilePart("photo.png", "image/png", new byte[] {1, 2, 3}),
                        FilePart.ofSize("big.log", TEN_MB)));

        String next = answer.redirect().orElseThrow(() -> new AssertionError("no redirect: " + answer.xml()));
        assertTrue(next.matches("/tickets/view/\\d+"), next);
        String page = alice.get(next).body();
        assertTrue(page.contains("was created"), "confirmation shown after the ajax redirect");
        assertTrue(page.contains("photo.png") && page.contains("big.log") && page.contains("10.0 MB"));
        assertEquals(List.of(Long.valueOf(next.substring(next.lastIndexOf('/') + 1))), listed(alice, subject));
    }

    @Test
    void aRefusalSentByAjaxUpdatesTheMessagesButNotTheFileInputAndStoresNothing() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String subject = unique("Six files by ajax");

        PartialResponse answer = submitByAjax(alice, subject, SIX_FILES);

        assertEquals(Optional.empty(), answer.redirect());
        assertTrue(answer.update("ticket:attachmentsMessage").contains("At most 5 files"), answer.xml());
        assertTrue(answer.update("ticket:fields").contains(subject), "the typed subject is kept");
        assertFalse(answer.xml().contains("id=\"ticket:attachments\""), "the file input, with its chosen files, stays");
        assertEquals(List.of(), listed(alice, subject));
    }

    @Test
    void aFormDeclaredLargerThanTheRequestLimitIsRefusedWith413BeforeItIsRead() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");

        HeadOnlyAnswer refused =
                alice.postHeadOnly("/tickets/add", "multipart/form-data; boundary=x", 5 * TEN_MB + 1024 * 1024 + 1);

        assertEquals(413, refused.status(), "the status that upload-progress.js tells the user about");
        assertTrue(refused.body().contains("Too large"), "the application's page for it: " + refused.body());
    }

    @Test
    void aFormCutOffInTheMiddleIsRefusedWith400AndStoresNothing() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String subject = unique("Cut off");
        String truncated = "--b\r\nContent-Disposition: form-data; name=\"ticket:subject\"\r\n\r\n" + subject
                + "\r\n--b\r\nContent-Disposition: form-data; name=\"ticket:attachments\"; filename=\"half.bin\"\r\n\r\nxx";

        HttpResponse<String> refused = alice.send(alice.request("/tickets/add")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofString(truncated)));

        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals("The form could not be read. Nothing was saved.", refused.body());
        assertEquals(List.of(), listed(alice, subject));
    }

    @Test
    void aFormOfUnknownLengthIsRefusedWith411() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        byte[] form = "--b\r\nContent-Disposition: form-data; name=\"ticket\"\r\n\r\nticket\r\n--b--\r\n"
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> refused = alice.send(alice.request("/tickets/add")
                .header("Content-Type", "multipart/form-data; boundary=b")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(form))));

        assertEquals(411, refused.statusCode(), "sent chunked, without a Content-Length");
        assertEquals("Send the form with its Content-Length, as browsers do. Nothing was saved.", refused.body());
    }

    @Test
    void aFileOfExactly10MbIsAccepted() throws Exception {
        HttpResponse<String> submitted = submit(
                HelpdeskClient.signedIn("alice", "demo"),
                unique("Ten MB"),
                List.of(FilePart.ofSize("exact.bin", TEN_MB)));

        assertEquals(302, submitted.statusCode());
    }

    @Test
    void aFileOf10MbAndOneByteIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String subject = unique("Ten MB plus one");

        HttpResponse<String> refused = submit(alice, subject, List.of(FilePart.ofSize("over.bin", TEN_MB + 1)));

        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("no larger than 10 MB"), "message at the field");
        assertEquals(List.of(), listed(alice, subject), "no ticket without its file");
    }

    @Test
    void sixFilesAreRefusedWithAMessageAndNothingIsStored() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String subject = unique("Six files");

        HttpResponse<String> refused = submit(alice, subject, SIX_FILES);

        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("At most 5 files"), "message at the field");
        assertEquals(List.of(), listed(alice, subject));
    }

    @Test
    void missingFieldsAreReportedAtEachField() throws Exception {
        HttpResponse<String> refused = HelpdeskClient.signedIn("alice", "demo")
                .submitMultipartForm(
                        "/tickets/add",
                        "ticket",
                        Map.of(
                                "ticket:subject",
                                "",
                                "ticket:details",
                                " ",
                                "ticket:urgency_input",
                                "",
                                "ticket:location_input",
                                "1"),
                        Map.of(),
                        "ticket:submit");

        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Enter a subject."));
        assertTrue(refused.body().contains("Describe what you need"));
        assertTrue(refused.body().contains("Choose an urgency."));
    }

    @Test
    void htmlAndScriptInTheRequestAreShownAsText() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String marker = unique("Escape");
        String subject = marker + " <script>alert('s')</script>";

        HttpResponse<String> submitted = alice.submitMultipartForm(
                "/tickets/add",
                "ticket",
                ticketForm(subject, "<img src=x onerror=alert('d')>"),
                Map.of(),
                "ticket:submit");
        long id = idFrom(submitted);
        alice.submitForm(
                "/tickets/view/" + id,
                "respond",
                Map.of("respond:text", "<b onclick=alert('r')>hi</b>"),
                "respond:send");

        String view = alice.get("/tickets/view/" + id).body();
        String list = alice.get("/tickets/my-tickets?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8))
                .body();
        for (String page : List.of(view, list)) {
            assertFalse(page.contains("<script>alert('s')"), "script tag rendered");
        }
        assertFalse(view.contains("<img src=x"), "img tag rendered");
        assertFalse(view.contains("<b onclick"), "response markup rendered");
        assertTrue(view.contains("&lt;script&gt;alert(")
                && view.contains("&lt;img src=x")
                && view.contains("&lt;b onclick"));
    }

    @Test
    void searchAndStatusFilterLiveInTheUrl() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        String subject = unique("Findable");
        long id = idFrom(submit(alice, subject, List.of()));
        String query = URLEncoder.encode(subject, StandardCharsets.UTF_8);

        assertEquals(
                List.of(id),
                listedIn(alice.get("/tickets/my-tickets?q=" + query + "&status=open")
                        .body()));
        assertEquals(
                List.of(),
                listedIn(alice.get("/tickets/my-tickets?q=" + query + "&status=closed")
                        .body()));
        String malformed = alice.get("/tickets/my-tickets?q=" + query + "&status=bogus&page=-3&size=7")
                .body();
        assertEquals(List.of(id), listedIn(malformed), "malformed parameters fall back to defaults");
    }

    @Test
    void respondingAndUpdatingShowInTheConversation() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = idFrom(submit(alice, unique("Scenario B and C"), List.of()));

        PartialResponse responded = PartialResponse.of(alice.submitMultipartFormByAjax(
                "/tickets/view/" + id,
                "respond",
                Map.of("respond:text", "Any news?"),
                Map.of("respond:attachments", List.of(FilePart.ofSize("more.txt", 10))),
                "respond:send"));
        HttpResponse<String> updated = alice.submitForm(
                "/tickets/view/" + id,
                "update",
                Map.of("update:subject", "Updated subject", "update:details", "Updated details"),
                "update:save");

        assertEquals(Optional.of("/tickets/view/" + id), responded.redirect());
        assertEquals(302, updated.statusCode());
        String page = alice.get("/tickets/view/" + id).body();
        assertTrue(page.contains("Any news?") && page.contains("more.txt"));
        assertTrue(page.contains("Updated subject") && page.contains("Alice Archer changed the subject"));
        assertTrue(page.contains("Alice Archer changed the details"));
    }

    @Test
    void anotherRequestersTicketIsANotFoundPage() throws Exception {
        long id = idFrom(submit(HelpdeskClient.signedIn("alice", "demo"), unique("Not for Ron"), List.of()));

        HttpResponse<String> ron = HelpdeskClient.signedIn("ron", "demo").get("/tickets/view/" + id);
        HttpResponse<String> unknown = HelpdeskClient.signedIn("ron", "demo").get("/tickets/view/999999999");

        assertEquals(404, ron.statusCode());
        assertEquals(404, unknown.statusCode());
        assertTrue(ron.body().contains("Not found"));
        assertFalse(ron.body().contains("Not for Ron"));
        assertFalse(ron.body().contains("at org."), "no stack trace");
    }

    @Test
    void aRequesterWithoutLocationsSeesTheWarningAndCannotSubmit() throws Exception {
        HelpdeskClient lou = HelpdeskClient.signedIn("lou", "demo");

        String form = lou.get("/tickets/add").body();
        assertTrue(form.contains("no location access"));
        assertTrue(Html.parse(form).getElementById("ticket:submit").hasAttr("disabled"), "submit disabled");

        HttpResponse<String> forced = lou.submitMultipartForm(
                "/tickets/add", "ticket", ticketForm(unique("Lou"), "x"), Map.of(), "ticket:submit");
        assertEquals(200, forced.statusCode());
        assertFalse(forced.headers().firstValue("Location").isPresent());
    }

    @Test
    void attachmentsDownloadWithTheirNameAndNosniff() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = idFrom(submit(
                alice,
                unique("Download"),
                List.of(new FilePart(
                        "fake.png",
                        "image/png",
                        "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)))));
        String page = alice.get("/tickets/view/" + id).body();
        String href = page.replaceAll("(?s).*href=\"(/files/" + id + "/\\d+)\".*", "$1");

        HttpResponse<String> download = alice.get(href);
        assertEquals(200, download.statusCode());
        assertEquals(
                "nosniff",
                download.headers().firstValue("X-Content-Type-Options").orElseThrow());
        assertTrue(download.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .startsWith("attachment;"));
        assertTrue(download.headers()
                .firstValue("Content-Disposition")
                .orElseThrow()
                .contains("fake.png"));
        assertEquals(404, HelpdeskClient.signedIn("ron", "demo").get(href).statusCode());
    }
}
