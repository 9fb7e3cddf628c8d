package org.helpdesk.it.staff;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.support.TicketPages.file;
import static org.helpdesk.it.support.TicketPages.listedIn;
import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The staff queue, the staff panel of a ticket and the admin pages, used over HTTP as staff and requesters would. */
@ExtendWith(ArquillianExtension.class)
class StaffPagesHttpIT {

    private static final long NORTH = 1;
    private static final long SOUTH = 2;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    private static String queue(HelpdeskClient staff, String query) throws Exception {
        return staff.get("/staff/queue?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8))
                .body();
    }

    private static HttpResponse<String> saveTriage(
            HelpdeskClient staff, long id, String status, String assigneeId, String categoryId) throws Exception {
        return staff.submitForm(
                "/tickets/view/" + id,
                "triage",
                Map.of(
                        "triage:status_input",
                        status,
                        "triage:assignee_input",
                        assigneeId,
                        "triage:category_input",
                        categoryId),
                "triage:saveTriage");
    }

    @Test
    void theQueueHoldsTheTicketsOfTheStaffMembersLocationsOnly() throws Exception {
        String marker = unique("Queue scope");
        long north = file(HelpdeskClient.signedIn("alice", "demo"), marker + " north", NORTH);
        long south = file(HelpdeskClient.signedIn("ron", "demo"), marker + " south", SOUTH);

        assertEquals(List.of(north), listedIn(queue(HelpdeskClient.signedIn("mark", "demo"), marker)));
        assertEquals(List.of(south, north), listedIn(queue(HelpdeskClient.signedIn("olivia", "demo"), marker)));
    }

    @Test
    void filtersSortingAndCountsLiveInTheUrl() throws Exception {
        String marker = unique("Queue filters");
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long first = file(alice, marker + " first", NORTH);
        long second = file(alice, marker + " second", NORTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        assertEquals(302, saveTriage(mark, first, "IN_PROGRESS", "4", "").statusCode());
        String query = "/staff/queue?q=" + URLEncoder.encode(marker, StandardCharsets.UTF_8);

        assertEquals(List.of(second, first), listedIn(mark.get(query).body()));
        assertEquals(
                List.of(first, second),
                listedIn(mark.get(query + "&sort=created&dir=asc").body()));
        assertEquals(
                List.of(first), listedIn(mark.get(query + "&status=in_progress").body()));
        assertEquals(List.of(first), listedIn(mark.get(query + "&assignee=mine").body()));
        assertEquals(
                List.of(second),
                listedIn(mark.get(query + "&assignee=unassigned").body()));
        assertEquals(
                List.of(second, first),
                listedIn(mark.get(query + "&status=bogus&location=x&page=zz").body()));
        String counts = mark.get(query).body();
        assertEquals("1", rowIndexOf(counts, "hd-status-open\"[\\s\\S]*?hd-count-number\">(\\d+)<"), "open");
        assertEquals(
                "1", rowIndexOf(counts, "hd-status-in_progress\"[\\s\\S]*?hd-count-number\">(\\d+)<"), "in progress");
    }

    @Test
    void requestersGet403OnStaffAndAdminPages() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");

        for (String page : List.of("/staff/queue", "/admin/categories", "/admin/users", "/admin/mail")) {
            assertEquals(403, alice.get(page).statusCode(), page);
        }
    }

    @Test
    void staffTriageThroughTheTicketPage() throws Exception {
        long id = file(HelpdeskClient.signedIn("alice", "demo"), unique("Triage page"), NORTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");

        assertEquals(302, saveTriage(mark, id, "RESOLVED", "4", "3").statusCode());

        String page = HelpdeskClient.signedIn("alice", "demo")
                .get("/tickets/view/" + id)
                .body();
        assertTrue(page.contains("hd-banner-resolved"));
        assertTrue(page.contains("Technical") && page.contains("Mark Mendez"));
        assertTrue(page.contains("Mark Mendez changed the status from Open to Resolved"));
    }

    @Test
    void aRequesterPostingTheStaffFormChangesNothing() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = file(alice, unique("Tamper"), NORTH);
        String own = alice.get("/tickets/view/" + id).body();

        HttpResponse<String> tampered = alice.postForm(
                "/tickets/view/" + id,
                Map.of(
                        "triage",
                        "triage",
                        "triage:status_input",
                        "CLOSED",
                        "triage:assignee_input",
                        "4",
                        "triage:category_input",
                        "1",
                        "triage:saveTriage",
                        "",
                        "jakarta.faces.ViewState",
                        HelpdeskClient.viewStateOf(own).orElseThrow(),
                        "primefaces.nonce",
                        HelpdeskClient.cspNonceOf(own).orElseThrow()));

        assertTrue(tampered.statusCode() < 500);
        String page = alice.get("/tickets/view/" + id).body();
        assertTrue(page.contains("hd-banner-open"));
        assertFalse(page.contains("Mark Mendez"));
        assertFalse(page.contains("id=\"triage\""), "no staff panel for requesters");
    }

    @Test
    void internalNotesAreMarkedForStaffAndAbsentForTheRequester() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = file(alice, unique("Note page"), NORTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");

        HttpResponse<String> noted = mark.submitMultipartForm(
                "/tickets/view/" + id,
                "note",
                Map.of("note:noteText", "Secret staff remark"),
                Map.of(),
                "note:addNote");
        mark.submitMultipartForm(
                "/tickets/view/" + id, "respond", Map.of("respond:text", "Public answer"), Map.of(), "respond:send");

        assertEquals(302, noted.statusCode());
        String staffPage = mark.get("/tickets/view/" + id).body();
        assertTrue(staffPage.contains("Secret staff remark") && staffPage.contains("Internal note"));
        String requesterPage = alice.get("/tickets/view/" + id).body();
        assertTrue(requesterPage.contains("Public answer"));
        assertFalse(requesterPage.contains("Secret staff remark"));
        assertTrue(requesterPage.contains("hd-banner-in_progress"), "Rule 8 through the page");
    }

    @Test
    void aClosedTicketExplainsHowToGoOn() throws Exception {
        HelpdeskClient alice = HelpdeskClient.signedIn("alice", "demo");
        long id = file(alice, unique("Closed page"), NORTH);
        saveTriage(HelpdeskClient.signedIn("mark", "demo"), id, "CLOSED", "", "");

        String page = alice.get("/tickets/view/" + id).body();

        assertTrue(page.contains("id=\"closedNote\""));
        assertFalse(page.contains("id=\"respond\""), "no response form");
    }

    @Test
    void twoStaffChangingOneTicketAtOnceOverwriteNothing() throws Exception {
        long id = file(HelpdeskClient.signedIn("alice", "demo"), unique("Race page"), NORTH);
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");
        HelpdeskClient olivia = HelpdeskClient.signedIn("olivia", "demo");
        String oliviasPage = olivia.get("/tickets/view/" + id).body();

        assertEquals(302, saveTriage(mark, id, "IN_PROGRESS", "", "").statusCode());
        HttpResponse<String> stale = olivia.postForm(
                "/tickets/view/" + id,
                Map.of(
                        "triage",
                        "triage",
                        "triage:status_input",
                        "CLOSED",
                        "triage:assignee_input",
                        "",
                        "triage:category_input",
                        "",
                        "triage:saveTriage",
                        "",
                        "jakarta.faces.ViewState",
                        HelpdeskClient.viewStateOf(oliviasPage).orElseThrow(),
                        "primefaces.nonce",
                        HelpdeskClient.cspNonceOf(oliviasPage).orElseThrow()));

        assertEquals(200, stale.statusCode());
        assertTrue(stale.body().contains("changed by someone else"));
        assertTrue(stale.body().contains("hd-banner-in_progress"), "the refused page shows the new state");
        assertTrue(mark.get("/tickets/view/" + id).body().contains("hd-banner-in_progress"));
    }

    @Test
    void aGroupChangeByAnAdministratorAppliesAtTheUsersNextRequest() throws Exception {
        HelpdeskClient olivia = HelpdeskClient.signedIn("olivia", "demo");
        HelpdeskClient nora = HelpdeskClient.basic("nora", "demo");
        assertEquals(403, nora.getJson("/api/v1/me").statusCode());
        try {
            assertEquals(200, saveGroups(olivia, "nora", "BCBA").statusCode());
            assertEquals(200, nora.getJson("/api/v1/me").statusCode());
        } finally {
            saveGroups(olivia, "nora", "");
        }
        assertEquals(403, nora.getJson("/api/v1/me").statusCode());
    }

    @Test
    void staffWithoutTheAdministerPermissionGet403OnTheAdministrationPages() throws Exception {
        HelpdeskClient mark = HelpdeskClient.signedIn("mark", "demo");

        assertEquals(403, mark.get("/admin/users").statusCode());
        assertEquals(403, mark.get("/admin/categories").statusCode());
        assertFalse(mark.get("/staff/queue").body().contains("/admin/categories"), "no Administration link");
    }

    @Test
    void anAdministratorCannotChangeTheirOwnAccess() throws Exception {
        HelpdeskClient olivia = HelpdeskClient.signedIn("olivia", "demo");

        HttpResponse<String> refused = saveGroups(olivia, "olivia", "BCBA");

        assertTrue(refused.body().contains("Nobody changes their own groups or locations"), "refused with a reason");
        assertEquals(
                "OWNER",
                rowIndexOf(
                        olivia.get("/admin/users").body(),
                        "<span class=\"hd-hint\">olivia</span>[\\s\\S]*?users:table:\\d+:groups\"[^>]*value=\"([^\"]*)\""),
                "olivia keeps her group");
    }

    @Test
    void aGroupThatTheMappingDoesNotKnowIsRefused() throws Exception {
        HelpdeskClient olivia = HelpdeskClient.signedIn("olivia", "demo");

        HttpResponse<String> refused = saveGroups(olivia, "nora", "SUPERUSERS");

        assertTrue(refused.body().contains("Choose groups from the mapping"), "refused with a reason");
        assertEquals(
                403, HelpdeskClient.basic("nora", "demo").getJson("/api/v1/me").statusCode());
    }

    @Test
    void theMappingIsShownReadOnlyWithWhereItIsConfigured() throws Exception {
        String page =
                HelpdeskClient.signedIn("olivia", "demo").get("/admin/users").body();

        assertTrue(page.contains("helpdesk.permissions.&lt;GROUP&gt;"));
        assertTrue(page.matches("(?s).*<td>MANAGER</td><td>create_tickets, manage_tickets</td>.*"));
    }

    @Test
    void aCategoryInUseCannotBeDeleted() throws Exception {
        HelpdeskClient admin = HelpdeskClient.signedIn("olivia", "demo");
        String name = unique("Cat");
        assertEquals(
                200,
                admin.submitForm(
                                "/admin/categories",
                                "newCategory",
                                Map.of("newCategory:name", name),
                                "newCategory:create")
                        .statusCode());
        String page = admin.get("/admin/categories").body();
        String row = rowIndexOf(page, "categories:table:(\\d+):name\"[^>]*value=\"" + Pattern.quote(name) + "\"");
        long categoryId = Long.parseLong(HelpdeskClient.signedIn("olivia", "demo")
                .get("/staff/queue")
                .body()
                .replaceAll("(?s).*<option value=\"(\\d+)\"[^>]*>" + Pattern.quote(name) + "</option>.*", "$1"));
        long id = file(HelpdeskClient.signedIn("alice", "demo"), unique("Uses category"), NORTH);
        saveTriage(admin, id, "OPEN", "", String.valueOf(categoryId));

        HttpResponse<String> refused =
                admin.submitForm("/admin/categories", "categories", Map.of(), "categories:table:" + row + ":delete");

        assertTrue(refused.body().contains("deactivate it instead"), "refused with a reason");
        assertTrue(admin.get("/admin/categories").body().contains(name));
    }

    private static HttpResponse<String> saveGroups(HelpdeskClient admin, String username, String groups)
            throws Exception {
        String page = admin.get("/admin/users").body();
        String row =
                rowIndexOf(page, "<span class=\"hd-hint\">" + username + "</span>[\\s\\S]*?users:table:(\\d+):groups");
        return admin.submitForm(
                "/admin/users",
                "users",
                Map.of("users:table:" + row + ":groups", groups),
                "users:table:" + row + ":save");
    }

    /** The first group of the first match: a row index, a count. */
    private static String rowIndexOf(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No row matches " + regex);
        }
        return matcher.group(1);
    }
}
