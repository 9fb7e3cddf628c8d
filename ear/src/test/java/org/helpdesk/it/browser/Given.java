package org.helpdesk.it.browser;

import java.util.Map;

import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.TicketPages;

/**
 * What a scenario starts from, set up over HTTP through the same pages (quicker than a browser):
 * the browser then walks only the steps the scenario is about.
 */
final class Given {

    static final long NORTH = 1;

    private Given() {}

    /** A ticket the requester filed at North Clinic; its id. */
    static long ticketOf(String requester, String subject) throws Exception {
        return TicketPages.file(HelpdeskClient.signedIn(requester, "demo"), subject, NORTH);
    }

    /** A canned response the staff member saves on the Canned Responses page; shared: administrators only. */
    static void cannedResponseOf(String staff, String title, String text, boolean shared) throws Exception {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        fields.put("template:title", title);
        fields.put("template:text", text);
        if (shared) {
            fields.put("template:shared_input", "on");
        }
        var response = HelpdeskClient.signedIn(staff, "demo")
                .submitForm("/staff/responses", "template", fields, "template:save");
        if (response.statusCode() != 200 || !response.body().contains("The canned response was saved.")) {
            throw new AssertionError("Saving the canned response " + title + " failed with " + response.statusCode());
        }
    }

    /** Staff set the ticket's status (OPEN, IN_PROGRESS, RESOLVED, CLOSED) through the triage panel. */
    static void statusSet(String staff, long id, String status) throws Exception {
        var response = HelpdeskClient.signedIn(staff, "demo")
                .submitForm(
                        "/tickets/view/" + id,
                        "triage",
                        Map.of("triage:status_input", status, "triage:assignee_input", "", "triage:category_input", ""),
                        "triage:saveTriage");
        if (response.statusCode() != 302) {
            throw new AssertionError(
                    "Setting ticket " + id + " to " + status + " failed with " + response.statusCode());
        }
    }
}
