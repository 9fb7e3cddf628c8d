package org.helpdesk.it.durability;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.json.JsonObject;

import org.helpdesk.it.durability.Write.Kind;
import org.helpdesk.it.durability.Write.SentFile;
import org.helpdesk.it.support.HelpdeskClient;

/**
 * What the restarted server holds of the logged writes, seen through the API as its users see it:
 * every ticket of the run by its (unique) subject in alice's list, each ticket in full as staff
 * see it (internal notes included), every file downloaded and compared by SHA-256. A message is
 * only ever read through its ticket, so a message found is never one without its ticket.
 */
public final class Inspection {

    private final String api;
    private final HelpdeskClient requester = HelpdeskClient.basic("alice", "demo");
    private final HelpdeskClient staff = HelpdeskClient.basic("mark", "demo");
    private final Map<String, List<Long>> ticketsBySubject = new HashMap<>();
    private final Map<Long, Optional<JsonObject>> tickets = new HashMap<>();
    private final List<String> problems = new ArrayList<>();
    private int lost;
    private int partial;
    private int doubled;
    private int cutOffStored;
    private int cutOffAbsent;

    /** The figures of one inspection; {@code problems} names each write that was lost, partial or doubled. */
    public record Findings(
            int acknowledged,
            int lost,
            int partial,
            int doubled,
            int cutOff,
            int cutOffStored,
            int cutOffAbsent,
            List<String> problems) {}

    private Inspection(String baseUrl) {
        this.api = baseUrl + "/api/v1";
    }

    public static Findings of(String baseUrl, String runId, List<Write> writes)
            throws IOException, InterruptedException {
        Inspection inspection = new Inspection(baseUrl);
        inspection.listTickets(runId);
        int acknowledged = 0;
        for (Write write : writes) {
            if (write.acknowledged()) {
                acknowledged++;
                inspection.checkAcknowledged(write);
            } else {
                inspection.checkCutOff(write);
            }
        }
        return new Findings(
                acknowledged,
                inspection.lost,
                inspection.partial,
                inspection.doubled,
                writes.size() - acknowledged,
                inspection.cutOffStored,
                inspection.cutOffAbsent,
                List.copyOf(inspection.problems));
    }

    /** Every ticket of the run, page by page, by subject: a ticket stored twice shows twice. */
    private void listTickets(String runId) throws IOException, InterruptedException {
        for (int page = 1; ; page++) {
            JsonObject answer = Json.object(ok(requester.getJson(api + "/tickets?limit=100&page=" + page + "&q="
                            + URLEncoder.encode(runId, StandardCharsets.UTF_8)))
                    .body());
            for (JsonObject item : answer.getJsonArray("items").getValuesAs(JsonObject.class)) {
                ticketsBySubject
                        .computeIfAbsent(item.getString("subject"), subject -> new ArrayList<>())
                        .add(item.getJsonNumber("id").longValue());
            }
            if (page >= answer.getJsonNumber("totalPages").longValue()) {
                return;
            }
        }
    }

    private void checkAcknowledged(Write write) throws IOException, InterruptedException {
        Optional<JsonObject> ticket = ticket(write.ticketId());
        if (write.kind() == Kind.TICKET) {
            List<Long> found = ticketsBySubject.getOrDefault(write.text(), List.of());
            if (found.isEmpty() || ticket.isEmpty()) {
                problem(
                        write,
                        "lost: #" + write.ticketId() + " is "
                                + ticket.map(view -> "\"" + view.getString("subject") + "\"")
                                        .orElse("not found"));
                lost++;
            } else if (found.size() > 1) {
                problem(write, "stored " + found.size() + " times: " + found);
                doubled++;
            } else if (found.get(0) != write.ticketId()
                    || !ticket.get().getString("subject").equals(write.text())) {
                problem(
                        write,
                        "lost: its subject is on #" + found.get(0) + ", #" + write.ticketId() + " is \""
                                + ticket.get().getString("subject") + "\"");
                lost++;
            } else if (!filesComplete(write, ticket.get(), ticket.get())) {
                partial++;
            }
            return;
        }
        List<JsonObject> messages =
                ticket.map(view -> Json.messagesWithText(view, write.text())).orElse(List.of());
        if (messages.isEmpty()) {
            problem(write, "lost" + (ticket.isEmpty() ? " with its ticket" : ""));
            lost++;
        } else if (messages.size() > 1) {
            problem(write, "stored " + messages.size() + " times");
            doubled++;
        } else if (messages.get(0).getJsonNumber("id").longValue() != write.messageId()
                || messages.get(0).getBoolean("internal") != (write.kind() == Kind.INTERNAL_NOTE)) {
            problem(write, "lost: found as a different message " + messages.get(0));
            lost++;
        } else if (!filesComplete(write, ticket.get(), messages.get(0))) {
            partial++;
        }
    }

    /** A write the kill cut off may be stored or not, but only whole and only once. */
    private void checkCutOff(Write write) throws IOException, InterruptedException {
        List<JsonObject> stored = new ArrayList<>();
        Optional<JsonObject> ticket = Optional.empty();
        if (write.kind() == Kind.TICKET) {
            for (long id : ticketsBySubject.getOrDefault(write.text(), List.of())) {
                ticket = ticket(id);
                ticket.ifPresent(stored::add);
            }
        } else {
            ticket = ticket(write.ticketId());
            ticket.ifPresent(view -> stored.addAll(Json.messagesWithText(view, write.text())));
        }
        if (stored.isEmpty()) {
            cutOffAbsent++;
        } else if (stored.size() > 1) {
            problem(write, "cut off by the kill, yet stored " + stored.size() + " times");
            doubled++;
        } else if (filesComplete(write, ticket.orElseThrow(), stored.get(0))) {
            cutOffStored++;
        } else {
            partial++;
        }
    }

    /**
     * Whether the ticket or message holds exactly the files that were sent, each with its size and
     * bytes (and, once acknowledged, under the id the answer gave it); names what is wrong otherwise.
     */
    private boolean filesComplete(Write write, JsonObject ticket, JsonObject holder)
            throws IOException, InterruptedException {
        List<JsonObject> stored = holder.getJsonArray("attachments").getValuesAs(JsonObject.class);
        if (stored.size() != write.files().size()) {
            problem(write, "partial: " + stored.size() + " of " + write.files().size() + " files");
            return false;
        }
        for (SentFile sent : write.files()) {
            Optional<JsonObject> file = stored.stream()
                    .filter(info -> info.getString("fileName").equals(sent.fileName()))
                    .findFirst();
            if (file.isEmpty()) {
                problem(write, "partial: " + sent.fileName() + " is missing");
                return false;
            }
            long id = file.get().getJsonNumber("id").longValue();
            if ((write.acknowledged() && id != sent.id())
                    || file.get().getJsonNumber("size").longValue() != sent.size()) {
                problem(write, "partial: " + sent.fileName() + " is " + file.get() + ", sent as " + sent);
                return false;
            }
            HttpResponse<byte[]> content = staff.sendForBytes(
                    staff.request(api + "/tickets/" + ticket.getJsonNumber("id").longValue() + "/attachments/" + id)
                            .GET());
            if (content.statusCode() != 200 || !Writers.sha256(content.body()).equals(sent.sha256())) {
                problem(
                        write,
                        "partial: " + sent.fileName() + " answers " + content.statusCode() + " with "
                                + content.body().length + " bytes that are not the ones sent");
                return false;
            }
        }
        return true;
    }

    /** The ticket as staff see it, or empty when the server does not know it (404). */
    private Optional<JsonObject> ticket(long id) throws IOException, InterruptedException {
        if (!tickets.containsKey(id)) {
            HttpResponse<String> answer = staff.getJson(api + "/tickets/" + id);
            tickets.put(
                    id,
                    answer.statusCode() == 404
                            ? Optional.empty()
                            : Optional.of(Json.object(ok(answer).body())));
        }
        return tickets.get(id);
    }

    private static HttpResponse<String> ok(HttpResponse<String> answer) {
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(answer.uri() + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private void problem(Write write, String what) {
        problems.add(write + ": " + what);
    }
}
