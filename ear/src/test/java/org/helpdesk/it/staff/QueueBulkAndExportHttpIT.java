package org.helpdesk.it.staff;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.Html;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.TicketPages.file;
import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The queue's bulk form and its CSV export over HTTP, as a browser and an API client use them:
 * what is changed and what is refused is told in the page; the export holds the filter's tickets
 * in the caller's scope, quoted and neutralised, and only staff get it.
 */
@ExtendWith(ArquillianExtension.class)
class QueueBulkAndExportHttpIT {

    private static final long NORTH = 1;
    private static final long SOUTH = 2;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static String queuePath(String marker) {
        return "/staff/queue?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
    }

    private static String exportPath(String marker) {
        return "/api/v1/tickets.csv?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);
    }

    /** The page's bulk form sent with the given fields, then the queue it leads back to. */
    private static String bulk(HelpdeskClient staff, String marker, Map<String, String> fields) throws Exception {
        HttpResponse<String> answer = staff.submitForm(queuePath(marker), "bulk", fields, "bulk:applyBulk");
        if (answer.statusCode() == 302) {
            String location = answer.headers().firstValue("Location").orElseThrow();
            assertTrue(location.contains("q="), "back to the same filter: " + location);
            return staff.get(location).body();
        }
        assertEquals(200, answer.statusCode());
        return answer.body();
    }

    private static String messagesOf(String html) {
        Element messages = Html.parse(html).getElementById("globalMessages");
        return messages == null ? "" : messages.text();
    }

    private static String tickValueOf(String html, long id) {
        Element box = Html.parse(html).getElementById("tick-" + id);
        if (box == null) {
            throw new AssertionError("no check box for #" + id);
        }
        return box.attr("value");
    }

    @Test
    void aTickedTicketIsChangedAndTheResultIsToldInThePage() throws Exception {
        String marker = unique("Bulk page");
        long north = file(HelpdeskClient.signedIn("alice", "demo"), marker + " north", NORTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        String tick = tickValueOf(mark.get(queuePath(marker)).body(), north);

        String page =
                bulk(mark, marker, Map.of("ticket", tick, "bulkScope", "selected", "bulkChange", "status:resolved"));

        assertTrue(messagesOf(page).contains("1 ticket changed."), messagesOf(page));
        String csv =
                HelpdeskClient.basic("mark", "demo").get(exportPath(marker)).body();
        assertTrue(csv.contains(north + "," + marker + " north,resolved,"), csv);

        String again =
                bulk(mark, marker, Map.of("ticket", tick, "bulkScope", "selected", "bulkChange", "status:closed"));
        assertTrue(messagesOf(again).contains("No ticket was changed."), messagesOf(again));
        assertTrue(messagesOf(again).contains("#" + north + ": Changed meanwhile."), messagesOf(again));
    }

    @Test
    void allMatchingShowsItsCountAndAppliesToExactlyThose() throws Exception {
        String marker = unique("Bulk all");
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        file(alice, marker + " 1", NORTH);
        file(alice, marker + " 2", NORTH);
        file(HelpdeskClient.signedIn("ron", "demo"), marker + " south", SOUTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        Document queue = Html.parse(mark.get(queuePath(marker)).body());
        assertTrue(queue.text().contains("All 2 tickets matching this filter"), queue.text());

        String page = bulk(mark, marker, Map.of("bulkScope", "matching", "bulkCount", "2", "bulkChange", "category:3"));

        assertTrue(messagesOf(page).contains("2 tickets changed."), messagesOf(page));
        String csv =
                HelpdeskClient.basic("olivia", "demo").get(exportPath(marker)).body();
        assertEquals(2, csv.lines().filter(line -> line.contains(",Technical,")).count(), csv);
        assertTrue(csv.lines().anyMatch(line -> line.contains(marker + " south") && !line.contains("Technical")), csv);
    }

    @Test
    void badInputIsToldAndChangesNothing() throws Exception {
        String marker = unique("Bulk bad");
        long north = file(HelpdeskClient.signedIn("alice", "demo"), marker, NORTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        String tick = tickValueOf(mark.get(queuePath(marker)).body(), north);

        assertTrue(messagesOf(bulk(mark, marker, Map.of("bulkScope", "selected", "bulkChange", "status:closed")))
                .contains("Select at least one ticket."));
        String noAction = bulk(mark, marker, Map.of("ticket", tick, "bulkScope", "selected", "bulkChange", ""));
        assertTrue(messagesOf(noAction).contains("Choose what to change"), messagesOf(noAction));
        assertTrue(Html.parse(noAction).getElementById("tick-" + north).hasAttr("checked"), "the tick is kept");
        assertTrue(messagesOf(bulk(
                        mark, marker, Map.of("ticket", tick, "bulkScope", "selected", "bulkChange", "category:99999")))
                .contains("Choose one of the active categories."));
        assertTrue(messagesOf(bulk(
                        mark, marker, Map.of("ticket", tick, "bulkScope", "selected", "bulkChange", "assignee:99999")))
                .contains("Choose a staff member who works at one of your locations."));
        assertTrue(messagesOf(bulk(
                        mark, marker, Map.of("bulkScope", "matching", "bulkCount", "5", "bulkChange", "status:closed")))
                .contains("now matches 1 ticket, not the 5 shown"));

        String csv =
                HelpdeskClient.basic("mark", "demo").get(exportPath(marker)).body();
        assertTrue(csv.contains(",open,"), "still open: " + csv);
    }

    @Test
    void theExportIsTheFiltersTicketsInScopeQuotedAndNeutralised() throws Exception {
        String marker = unique("Export");
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long formula = file(alice, "=HYPERLINK(\"http://evil\") " + marker, NORTH);
        long comma = file(alice, marker + ", with a comma", NORTH);
        file(HelpdeskClient.signedIn("ron", "demo"), marker + " south", SOUTH);
        HelpdeskClient mark = HelpdeskClient.basic("mark", "demo");
        String secret = unique("internal-secret");
        assertEquals(
                201,
                mark.postJson(
                                "/api/v1/tickets/" + comma + "/messages",
                                "{\"text\":\"" + secret + "\",\"internal\":true}")
                        .statusCode());

        HttpResponse<String> export = mark.get(exportPath(marker));

        assertEquals(200, export.statusCode());
        assertEquals(
                "text/csv;charset=UTF-8",
                export.headers().firstValue("Content-Type").orElseThrow().replace(" ", ""));
        assertTrue(
                export.headers().firstValue("Content-Disposition").orElseThrow().contains("attachment"));
        List<String> lines = export.body().lines().toList();
        assertEquals(
                "id,subject,status,urgency,location,requester,assignee,category,created_at,updated_at", lines.get(0));
        assertEquals(3, lines.size(), "the header and mark's two North tickets: " + lines);
        assertTrue(
                lines.get(1).startsWith(comma + ",\"" + marker + ", with a comma\",open,medium,North Clinic,"),
                lines.get(1));
        assertTrue(
                lines.get(2).startsWith(formula + ",\"'=HYPERLINK(\"\"http://evil\"\") " + marker + "\",open,"),
                lines.get(2));
        assertTrue(export.body().endsWith("\r\n"));
        assertFalse(export.body().contains(secret), "no note in an export");
        assertFalse(export.body().contains("south"), "only the caller's scope");
        assertEquals(
                4,
                HelpdeskClient.basic("olivia", "demo")
                        .get(exportPath(marker))
                        .body()
                        .lines()
                        .count());
    }

    @Test
    void onlyStaffMayExport() throws Exception {
        assertEquals(
                403,
                HelpdeskClient.basic("alice", "demo").get("/api/v1/tickets.csv").statusCode());
        assertEquals(
                403,
                HelpdeskClient.basic("nora", "demo").get("/api/v1/tickets.csv").statusCode());
        assertEquals(401, HelpdeskClient.anonymous().get("/api/v1/tickets.csv").statusCode());
        HttpResponse<String> bad = HelpdeskClient.basic("mark", "demo").get("/api/v1/tickets.csv?status=bogus");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("VALIDATION_FAILED"), bad.body());
    }

    @Test
    void theQueuePageLinksToTheExportOfItsFilterWithTheSession() throws Exception {
        String marker = unique("Export link");
        long north = file(HelpdeskClient.signedIn("alice", "demo"), marker, NORTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        Element link =
                Html.parse(mark.get(queuePath(marker) + "&status=open").body()).getElementById("exportCsv");

        String href = link.attr("href");
        assertTrue(href.contains("status=open") && href.contains("q="), href);
        HttpResponse<String> export = mark.get(href);
        assertEquals(200, export.statusCode());
        assertTrue(export.body().lines().skip(1).allMatch(line -> line.startsWith(north + ",")), export.body());
    }

    @Test
    void theBulkApiChangesEachTicketAndListsTheRefused() throws Exception {
        String marker = unique("Bulk API");
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long first = file(alice, marker + " 1", NORTH);
        long second = file(alice, marker + " 2", NORTH);
        long south = file(HelpdeskClient.signedIn("ron", "demo"), marker + " south", SOUTH);
        HelpdeskClient mark = HelpdeskClient.basic("mark", "demo");

        HttpResponse<String> answer = mark.postJson(
                "/api/v1/tickets/bulk",
                "{\"tickets\":[{\"id\":" + first + "},{\"id\":" + second + ",\"version\":999},{\"id\":" + south
                        + "}],\"set\":\"assignee\",\"value\":\"4\"}");

        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("\"changed\":1"), answer.body());
        assertTrue(answer.body().contains("\"reason\":\"CHANGED_MEANWHILE\""), answer.body());
        assertTrue(answer.body().contains("\"ticketId\":" + second), answer.body());
        assertTrue(answer.body().contains("\"ticketId\":" + south), answer.body());
        assertTrue(answer.body().contains("\"reason\":\"NOT_FOUND\""), answer.body());

        HttpResponse<String> none =
                mark.postJson("/api/v1/tickets/bulk", "{\"tickets\":[],\"set\":\"status\",\"value\":\"closed\"}");
        assertEquals(400, none.statusCode());
        assertTrue(none.body().contains("Select at least one ticket."), none.body());
        assertEquals(
                400,
                mark.postJson("/api/v1/tickets/bulk", "{\"tickets\":[{\"id\":" + first + "}],\"set\":\"colour\"}")
                        .statusCode());
        assertEquals(
                403,
                HelpdeskClient.basic("alice", "demo")
                        .postJson(
                                "/api/v1/tickets/bulk",
                                "{\"tickets\":[{\"id\":" + first + "}],\"set\":\"status\",\"value\":\"closed\"}")
                        .statusCode());
    }
}
