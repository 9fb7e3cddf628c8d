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
