package org.helpdesk.it.proof;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.naming.InitialContext;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;
import org.helpdesk.it.support.TicketPages;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated hostile input against the API and the pages' forms. Every answer must be a 4xx with the
 * problem shape (API) or a clean page (forms): never a 5xx. After every refusal the database holds
 * exactly what it held before. Every stored text must come back escaped in every page that shows it.
 */
@ExtendWith(ArquillianExtension.class)
class HostileInputIT {

    private static final int TEN_MB = 10 * 1024 * 1024;

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.helpdeskWithTests();
    }

    private final String run = "HOSTILE-" + UUID.randomUUID();
    private final HelpdeskClient api = HelpdeskClient.basic("alice", "demo");
    private final HelpdeskClient staffApi = HelpdeskClient.basic("mark", "demo");
    private final List<String> serverErrors = new ArrayList<>();
    private final List<String> unshaped = new ArrayList<>();
    private final List<String> unescaped = new ArrayList<>();
    private final List<String> partialWrites = new ArrayList<>();
    private final List<String> stored = new ArrayList<>();
    /** Hostile texts stored as canned responses, checked for escaping at the end. */
    private final List<String> storedTemplates = new ArrayList<>();

    private HelpdeskClient browser;
    private HelpdeskClient staffBrowser;
    private int inputs;

    @Test
    void noInputBreaksTheApplication() throws Exception {
        browser = HelpdeskClient.signedIn("alice", "demo");
        staffBrowser = HelpdeskClient.signedIn("mark", "demo");
        long ticket = TicketPages.file(browser, run + " target", 1);

        for (String text : HostileInputs.texts()) {
            remember(
                    text,
                    apiWrite("create subject", "POST", "/api/v1/tickets", createJson(run + " " + text, "details")));
            remember(text, apiWrite("create details", "POST", "/api/v1/tickets", createJson(run + " subject", text)));
            remember(
                    text,
                    apiWrite(
                            "respond",
                            "POST",
                            "/api/v1/tickets/" + ticket + "/messages",
                            "{\"text\":" + json(text) + ",\"internal\":false}"));
            remember(
                    text,
                    apiWrite(
                            "update subject",
                            "PATCH",
                            "/api/v1/tickets/" + ticket,
                            "{\"subject\":" + json(run + " " + text) + ",\"details\":\"d\"}"));
            remember(
                    text,
                    apiWrite(
                            "update details",
                            "PATCH",
                            "/api/v1/tickets/" + ticket,
                            "{\"subject\":" + json(run + " s") + ",\"details\":" + json(text) + "}"));
            remember(
                    text,
                    formWrite(
                            "form subject",
                            "/tickets/add",
                            "ticket",
                            ticketForm(run + " " + text, "details"),
                            "ticket:submit"));
            remember(
                    text,
                    formWrite(
                            "form details",
                            "/tickets/add",
                            "ticket",
                            ticketForm(run + " subject", text),
                            "ticket:submit"));
            remember(
                    text,
                    formWrite(
                            "form respond",
                            "/tickets/view/" + ticket,
                            "respond",
                            Map.of("respond:text", text),
                            "respond:send"));
            cannedResponse(text);
            read("my tickets search", browser, "/tickets/my-tickets?q=" + encode(text));
            read("queue search", staffBrowser, "/staff/queue?q=" + encode(text));
        }
        for (String body : HostileInputs.malformedJson()) {
            apiWrite("malformed create", "POST", "/api/v1/tickets", body);
            apiWrite("malformed respond", "POST", "/api/v1/tickets/" + ticket + "/messages", body);
            apiWrite("malformed update", "PATCH", "/api/v1/tickets/" + ticket, body);
            apiWrite("malformed status", "PUT", "/api/v1/tickets/" + ticket + "/status", body);
        }
        for (String body : HostileInputs.wrongTypes()) {
            apiWrite("typed create", "POST", "/api/v1/tickets", body);
        }
        for (String status : List.of("\"bogus\"", "\"OPEN\"", "\"in progress\"", "1", "null", "[]", "{}", "\"\"")) {
            apiWrite("status value", "PUT", "/api/v1/tickets/" + ticket + "/status", "{\"status\":" + status + "}");
        }
        bulkAndExport(ticket);
        for (String value : HostileInputs.queryValues()) {
            for (String parameter : List.of("page", "limit", "status", "userId", "q")) {
                apiRead("list " + parameter, "/api/v1/tickets?" + parameter + "=" + value);
            }
            for (String parameter : List.of("page", "size", "status", "q")) {
                read("my tickets " + parameter, browser, "/tickets/my-tickets?" + parameter + "=" + value);
            }
            for (String parameter : List.of("page", "size", "status", "q", "due", "sort", "dir")) {
                read("queue " + parameter, staffBrowser, "/staff/queue?" + parameter + "=" + value);
            }
            read("ticket id", browser, "/tickets/view/" + value);
            apiRead("ticket id", "/api/v1/tickets/" + value);
        }
        for (String contentType : List.of("text/plain", "application/xml", "application/x-www-form-urlencoded")) {
            apiSend("content type " + contentType, "POST", "/api/v1/tickets", createJson(run + " s", "d"), contentType);
        }
        files(ticket);
        slaSettings();

        for (String text : stored) {
            checkEscaped(text);
        }
        for (String text : storedTemplates) {
            checkEscapedOnStaffPages(text, ticket);
        }
        List<String> report = new ArrayList<>();
        report.add("hostile input: " + inputs + " inputs, " + serverErrors.size() + " server errors, "
                + unescaped.size() + " unescaped, " + partialWrites.size() + " partial writes, " + unshaped.size()
                + " answers without the problem shape");
        serverErrors.forEach(error -> report.add("  SERVER ERROR " + error));
        unescaped.forEach(error -> report.add("  UNESCAPED " + error));
        partialWrites.forEach(error -> report.add("  PARTIAL WRITE " + error));
        unshaped.forEach(error -> report.add("  NO PROBLEM SHAPE " + error));
        ProofReport.write("hostile-input", report);
        assertTrue(inputs >= 500, "at least 500 inputs");
        assertEquals(List.of(), serverErrors, "server errors");
        assertEquals(List.of(), unescaped, "unescaped");
        assertEquals(List.of(), partialWrites, "partial writes");
        assertEquals(List.of(), unshaped, "problem shape");
    }

    private void files(long ticket) throws Exception {
        FilePart png = new FilePart(
                "innocent.png",
                "image/png",
                "<html><script>alert('png')</script></html>".getBytes(StandardCharsets.UTF_8));
        List<List<FilePart>> sets = List.of(
                List.of(FilePart.ofSize("empty.txt", 0)),
                List.of(FilePart.ofSize("exact.bin", TEN_MB)),
                List.of(FilePart.ofSize("over.bin", TEN_MB + 1)),
                List.of(
                        FilePart.ofSize("1", 1),
                        FilePart.ofSize("2", 1),
                        FilePart.ofSize("3", 1),
                        FilePart.ofSize("4", 1),
                        FilePart.ofSize("5", 1),
                        FilePart.ofSize("6", 1)),
                List.of(FilePart.ofSize("../../../etc/passwd", 5)),
                List.of(FilePart.ofSize("nul\u0000name.txt", 5)),
                List.of(FilePart.ofSize("control\u0007\u001B[31m.txt", 5)),
                List.of(FilePart.ofSize("n".repeat(300) + ".txt", 5)),
                List.of(png));
        for (List<FilePart> files : sets) {
            String name =
                    "files " + files.size() + "x " + files.get(0).fileName().replaceAll("\\p{Cntrl}", "?");
            long[] before = counts();
            HttpResponse<String> form = browser.submitMultipartForm(
                    "/tickets/add",
                    "ticket",
                    ticketForm(run + " files", "with files"),
                    Map.of("ticket:attachments", files),
                    "ticket:submit");
            judgePage(name + " (form)", form, before);
            before = counts();
            Map<String, String> fields =
                    Map.of("subject", run + " files", "details", "d", "urgency", "low", "locationId", "1");
            HttpResponse<String> multipart = api.postMultipart("/api/v1/tickets", fields, Map.of("attachments", files));
            judgeApi(name + " (API)", multipart, before);
            before = counts();
            HttpResponse<String> respond = browser.submitMultipartForm(
                    "/tickets/view/" + ticket,
                    "respond",
                    Map.of("respond:text", "files"),
                    Map.of("respond:attachments", files),
                    "respond:send");
            judgePage(name + " (response form)", respond, before);
        }
        String page = browser.get("/tickets/view/" + ticket).body();
        if (page.contains("<script>alert('png')")) {
            unescaped.add("file content rendered in the page");
        }
    }

    // Sending and judging

    /** Markup that was accepted must later be found escaped in every page that shows it. */
    /**
     * A hostile title and text of a staff member's own canned response, through the page's form:
     * no server error, and where the template was stored, its markup stays text on the management
     * page and in the ticket page's menu.
     */
    private void cannedResponse(String text) throws Exception {
        inputs++;
        String title = run + " " + text;
        long before = CannedResponseState.count(run, false);
        HttpResponse<String> response = staffBrowser.submitForm(
                "/staff/responses",
                "template",
                Map.of("template:title", title, "template:text", text),
                "template:save");
        if (response.statusCode() >= 500) {
            serverErrors.add("canned response " + abbreviate(text) + " -> " + response.statusCode());
        } else if (CannedResponseState.count(run, false) > before && text.contains("<")) {
            storedTemplates.add(text);
        }
    }

    private void checkEscapedOnStaffPages(String text, long ticket) throws Exception {
        String marker = text.strip().length() > 40 ? text.strip().substring(0, 40) : text.strip();
        for (String path : List.of("/staff/responses", "/tickets/view/" + ticket)) {
            if (staffBrowser.get(path).body().contains(marker)) {
                unescaped.add(path + " (canned response): " + abbreviate(text));
            }
        }
    }

    /** The bulk API and form and the CSV export, as staff: what reaches the EJB must be refused whole. */
    private void bulkAndExport(long ticket) throws Exception {
        for (String body : HostileInputs.malformedJson()) {
            staffWrite("malformed bulk", "/api/v1/tickets/bulk", body);
        }
        for (String body : HostileInputs.wrongTypes()) {
            staffWrite("typed bulk", "/api/v1/tickets/bulk", body);
        }
        List<String> values =
                List.of("\"bogus\"", "\"OPEN\"", "-1", "1e99", "99999999999999999999", "[]", "{}", "\"\"");
        for (String set : List.of("\"status\"", "\"assignee\"", "\"category\"", "\"colour\"", "null", "1", "[]")) {
            for (String value : values) {
                staffWrite(
                        "bulk value",
                        "/api/v1/tickets/bulk",
                        "{\"tickets\":[{\"id\":" + ticket + "}],\"set\":" + set + ",\"value\":" + value + "}");
            }
        }
        for (String tickets :
                List.of("[]", "null", "[null]", "[{}]", "[{\"id\":\"x\"}]", "[{\"id\":-1}]", "{}", "\"1\"")) {
            staffWrite(
                    "bulk tickets",
                    "/api/v1/tickets/bulk",
                    "{\"tickets\":" + tickets + ",\"set\":\"status\",\"value\":\"closed\"}");
        }
        for (String text : HostileInputs.texts()) {
            staffForm("bulk form change", Map.of("ticket", ticket + ":0", "bulkScope", "selected", "bulkChange", text));
            staffForm(
                    "bulk form ticket", Map.of("ticket", text, "bulkScope", "selected", "bulkChange", "status:closed"));
            staffForm(
                    "bulk form count",
                    Map.of("bulkScope", "matching", "bulkCount", text, "bulkChange", "status:closed"));
        }
        for (String value : HostileInputs.queryValues()) {
            for (String parameter :
                    List.of("status", "locationId", "assignee", "categoryId", "urgency", "q", "userId")) {
                inputs++;
                HttpResponse<String> export = staffApi.get("/api/v1/tickets.csv?" + parameter + "=" + value);
                if (export.statusCode() >= 500) {
                    serverErrors.add("export " + parameter + "=" + value + " -> " + export.statusCode());
                } else if (export.statusCode() >= 400 && !isProblem(export)) {
                    unshaped.add("export " + parameter + "=" + value + " -> " + export.statusCode());
                }
            }
        }
    }

    private void staffWrite(String name, String path, String body) throws Exception {
        long[] before = counts();
        HttpResponse<String> response = staffApi.send(staffApi.request(path)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        judgeApi(name + " " + abbreviate(body), response, before);
    }

    private void staffForm(String name, Map<String, String> fields) throws Exception {
        long[] before = counts();
        HttpResponse<String> response =
                staffBrowser.submitForm("/staff/queue?q=" + encode(run + " target"), "bulk", fields, "bulk:applyBulk");
        judgePage(name + " " + abbreviate(fields.toString()), response, before);
    }

    private void remember(String text, HttpResponse<String> response) {
        if (response.statusCode() < 400 && text.contains("<")) {
            stored.add(text);
        }
    }

    private HttpResponse<String> apiWrite(String name, String method, String path, String body) throws Exception {
        return apiSend(name, method, path, body, "application/json");
    }

    private HttpResponse<String> apiSend(String name, String method, String path, String body, String contentType)
            throws Exception {
        long[] before = counts();
        HttpResponse<String> response = api.send(api.request(path)
                .header("Content-Type", contentType)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
        judgeApi(name + " " + abbreviate(body), response, before);
        return response;
    }

    private void apiRead(String name, String path) throws Exception {
        inputs++;
        HttpResponse<String> response = api.getJson(path);
        if (response.statusCode() >= 500) {
            serverErrors.add(name + " " + path + " -> " + response.statusCode());
        } else if (response.statusCode() >= 400 && !isProblem(response)) {
            unshaped.add(name + " " + path + " -> " + response.statusCode());
        }
    }

    private HttpResponse<String> formWrite(
            String name, String page, String form, Map<String, String> fields, String button) throws Exception {
        long[] before = counts();
        HttpResponse<String> response = browser.submitMultipartForm(page, form, fields, Map.of(), button);
        judgePage(name + " " + abbreviate(fields.toString()), response, before);
        return response;
    }

    /**
     * The SLA administration's fields (a location's time zone and holidays, a target) with every
     * hostile text, as olivia: each is refused on the page, and the settings stay as they were.
     */
    private void slaSettings() throws Exception {
        HelpdeskClient olivia = HelpdeskClient.signedIn("olivia", "demo");
        String before = TicketState.slaSettings();
        for (String text : HostileInputs.texts()) {
            for (Map.Entry<String, String> field : Map.of(
                            "calendar1:zone", "sla zone", "calendar1:holidays", "sla holidays")
                    .entrySet()) {
                inputs++;
                HttpResponse<String> response =
                        olivia.submitForm("/admin/sla", "calendar1", Map.of(field.getKey(), text), "calendar1:save");
                if (response.statusCode() >= 500) {
                    serverErrors.add(field.getValue() + " " + abbreviate(text) + " -> " + response.statusCode());
                }
            }
            inputs++;
            HttpResponse<String> target = olivia.submitForm(
                    "/admin/sla", "targets", Map.of("targets:table:3:firstResponse", text), "targets:table:3:save");
            if (target.statusCode() >= 500) {
                serverErrors.add("sla target " + abbreviate(text) + " -> " + target.statusCode());
            }
        }
        if (!TicketState.slaSettings().equals(before)) {
            partialWrites.add("sla settings changed by hostile input: " + TicketState.slaSettings());
        }
    }

    private void read(String name, HelpdeskClient client, String path) throws Exception {
        inputs++;
        HttpResponse<String> response = client.get(path);
        if (response.statusCode() >= 500) {
            serverErrors.add(name + " " + path + " -> " + response.statusCode());
        }
    }

    private void judgeApi(String name, HttpResponse<String> response, long[] before) throws Exception {
        inputs++;
        int status = response.statusCode();
        if (status >= 500) {
            serverErrors.add(name + " -> " + status);
        } else if (status >= 400) {
            if (!isProblem(response)) {
                unshaped.add(name + " -> " + status);
            }
            if (!java.util.Arrays.equals(before, counts())) {
                partialWrites.add(name + " -> " + status);
            }
        }
    }

    /** A form's refusal is the same page again (200) with its messages; a success redirects. */
    private void judgePage(String name, HttpResponse<String> response, long[] before) throws Exception {
        inputs++;
        int status = response.statusCode();
        if (status >= 500) {
            serverErrors.add(name + " -> " + status);
        } else if (status != 302 && !java.util.Arrays.equals(before, counts())) {
            partialWrites.add(name + " -> " + status);
        }
    }

    private void checkEscaped(String text) throws Exception {
        String marker = text.strip().length() > 40 ? text.strip().substring(0, 40) : text.strip();
        for (String path : List.of("/tickets/my-tickets?size=50&q=" + encode(run))) {
            if (browser.get(path).body().contains(marker)) {
                unescaped.add(path + ": " + abbreviate(text));
            }
        }
        if (staffBrowser.get("/staff/queue?size=100&q=" + encode(run)).body().contains(marker)) {
            unescaped.add("queue: " + abbreviate(text));
        }
        for (long id : TicketPages.listedIn(
                browser.get("/tickets/my-tickets?size=50&q=" + encode(run)).body())) {
            if (browser.get("/tickets/view/" + id).body().contains(marker)) {
                unescaped.add("/tickets/view/" + id + ": " + abbreviate(text));
            }
        }
    }

    private static boolean isProblem(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                && response.body().contains("\"code\"");
    }

    /** Tickets, messages, history entries, attachments and chunks in the whole database. */
    private static long[] counts() throws Exception {
        EntityManagerFactory factory = InitialContext.doLookup("java:app/helpdesk/EntityManagerFactory");
        EntityManager em = factory.createEntityManager();
        try {
            String[] tables = {"ticket", "ticket_message", "ticket_event", "attachment", "attachment_chunk"};
            long[] counts = new long[tables.length];
            for (int i = 0; i < tables.length; i++) {
                counts[i] = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + tables[i])
                                .getSingleResult())
                        .longValue();
            }
            return counts;
        } finally {
            em.close();
        }
    }

    private Map<String, String> ticketForm(String subject, String details) {
        return Map.of(
                "ticket:subject",
                subject,
                "ticket:details",
                details,
                "ticket:urgency_input",
                "LOW",
                "ticket:location_input",
                "1");
    }

    private static String createJson(String subject, String details) {
        return "{\"subject\":" + json(subject) + ",\"details\":" + json(details)
                + ",\"urgency\":\"low\",\"locationId\":1}";
    }

    /** A JSON string; everything outside printable ASCII is escaped, so broken surrogates arrive as such. */
    private static String json(String value) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String abbreviate(String value) {
        String single = value.replaceAll("\\p{Cntrl}", "?");
        return single.length() > 60 ? single.substring(0, 60) + "…(" + value.length() + ")" : single;
    }
}
