package org.helpdesk.web.staff;

import java.util.List;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

import org.helpdesk.dashboard.DashboardFigures;
import org.helpdesk.ticket.Status;

/**
 * The dashboard's figures as Chart.js configurations for PrimeFaces' {@code p:chart}, which hands
 * them to its bundled Chart.js from its own nonce-carrying script (no inline script of ours; the
 * page's Content-Security-Policy holds). The charts only draw what the tables beside them state.
 */
final class DashboardCharts {

    /** One colour per status (open, in progress, resolved, closed), distinguishable in grey too. */
    private static final List<String> STATUS_COLOURS = List.of("#1d4ed8", "#f59e0b", "#15803d", "#6b7280");

    private DashboardCharts() {}

    /** Stacked bars: one per location, a segment per status. */
    static String ticketsByLocation(List<DashboardFigures.LocationCounts> locations, Function<Status, String> label) {
        JsonArrayBuilder names = Json.createArrayBuilder();
        locations.forEach(location -> names.add(location.locationName()));
        JsonArrayBuilder datasets = Json.createArrayBuilder();
        for (Status status : Status.values()) {
            JsonArrayBuilder counts = Json.createArrayBuilder();
            locations.forEach(location -> counts.add(location.count(status)));
            datasets.add(Json.createObjectBuilder()
                    .add("label", label.apply(status))
                    .add("data", counts)
                    .add("backgroundColor", STATUS_COLOURS.get(status.ordinal())));
        }
        JsonObjectBuilder stacked = Json.createObjectBuilder().add("stacked", true);
        return scriptSafe(Json.createObjectBuilder()
                .add("type", "bar")
                .add("data", Json.createObjectBuilder().add("labels", names).add("datasets", datasets))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add("x", stacked)
                                                .add("y", stacked)))
                .build());
    }

    /** Two lines over the weeks: tickets filed and tickets resolved. */
    static String weeks(List<DashboardFigures.WeekVolume> weeks, String createdLabel, String resolvedLabel) {
        JsonArrayBuilder labels = Json.createArrayBuilder();
        JsonArrayBuilder created = Json.createArrayBuilder();
        JsonArrayBuilder resolved = Json.createArrayBuilder();
        for (DashboardFigures.WeekVolume week : weeks) {
            labels.add(week.weekStart().toString());
            created.add(week.created());
            resolved.add(week.resolved());
        }
        return scriptSafe(Json.createObjectBuilder()
                .add("type", "line")
                .add(
                        "data",
                        Json.createObjectBuilder()
                                .add("labels", labels)
                                .add(
                                        "datasets",
                                        Json.createArrayBuilder()
                                                .add(line(createdLabel, created, STATUS_COLOURS.get(0)))
                                                .add(line(resolvedLabel, resolved, STATUS_COLOURS.get(2)))))
                .add(
                        "options",
                        Json.createObjectBuilder()
                                .add("responsive", true)
                                .add("maintainAspectRatio", false)
                                .add(
                                        "scales",
                                        Json.createObjectBuilder()
                                                .add(
                                                        "y",
                                                        Json.createObjectBuilder()
                                                                .add("beginAtZero", true))))
                .build());
    }

    private static JsonObjectBuilder line(String label, JsonArrayBuilder data, String colour) {
        return Json.createObjectBuilder()
                .add("label", label)
                .add("data", data)
                .add("borderColor", colour)
                .add("backgroundColor", colour)
                .add("tension", 0);
    }

    /**
     * The configuration as JSON that cannot end the script element it is written into: a location
     * named "&lt;/script&gt;" stays a string ({@code <} written as its JSON escape).
     */
    static String scriptSafe(JsonObject configuration) {
        return configuration.toString().replace("<", "\\u003c");
    }
}
