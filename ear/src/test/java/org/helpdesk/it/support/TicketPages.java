package org.helpdesk.it.support;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the HTTP tests do with the ticket pages again and again: file a ticket, find ids in a page. */
public final class TicketPages {

    private TicketPages() {}

    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID();
    }

    /** Files a ticket through the Get Support form; returns its id. */
    public static long file(HelpdeskClient browser, String subject, long locationId) throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("ticket:subject", subject);
        fields.put("ticket:details", "Details of " + subject);
        fields.put("ticket:urgency_input", "MEDIUM");
        fields.put("ticket:location_input", String.valueOf(locationId));
        HttpResponse<String> response =
                browser.submitMultipartForm("/tickets/add", "ticket", fields, Map.of(), "ticket:submit");
        if (response.statusCode() != 302) {
            throw new AssertionError("Filing " + subject + " failed with " + response.statusCode());
        }
        return idFrom(response);
    }

    /** The ticket id a redirect to /tickets/view/{id} names. */
    public static long idFrom(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The ids of the tickets a list page links to, in order. */
    public static List<Long> listedIn(String html) {
        return Html.parse(html).select("a[href~=^/tickets/view/\\d+$]").stream()
                .map(link -> Long.parseLong(link.attr("href").substring("/tickets/view/".length())))
                .distinct()
                .toList();
    }
}
