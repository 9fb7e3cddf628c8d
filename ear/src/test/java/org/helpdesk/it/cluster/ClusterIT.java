package org.helpdesk.it.cluster;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.helpdesk.it.durability.Inspection;
import org.helpdesk.it.durability.Inspection.Findings;
import org.helpdesk.it.durability.Json;
import org.helpdesk.it.durability.ServerProcess;
import org.helpdesk.it.durability.Write;
import org.helpdesk.it.durability.Writers;
import org.helpdesk.it.durability.Writers.Answer;
import org.helpdesk.it.proof.ProofReport;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;
import org.helpdesk.it.support.HelpdeskClient.FilledForm;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import static org.helpdesk.it.cluster.TestCluster.NODE1;
import static org.helpdesk.it.cluster.TestCluster.NODE2;
import static org.helpdesk.it.cluster.TestCluster.other;
import static org.helpdesk.it.support.TicketPages.file;
import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Helpdesk on a real cluster ({@link TestCluster}: WildFly's load balancer and two nodes, processes
 * of their own, one PostgreSQL database): a signed-in session outlives the kill of its node, a
 * change through one node is seen at once through the other, a file uploaded to one downloads
 * from the other, a node killed under load loses and doubles no acknowledged write, the
 * application heals after its database connections were killed, each notification of the outbox is
 * sent by one node once while both nodes' senders run, each reply by mail is posted once while both
 * nodes fetch, two nodes starting at once run each migration
 * once, a new installation gets its first administrator from the bootstrap setting, and the
 * wildfly-config scripts apply to an operator's own stock
 * {@code standalone-ha} server. The cluster is started once for all tests; each test begins by
 * waiting until both nodes serve (starting again one that an earlier test killed), so none depends
 * on another's order.
 *
 * <p>Runs with the profile {@code cluster}; prints one closing line of figures, e.g. {@code cluster:
 * failover 3/3 sessions kept, 0 of 2417 acknowledged writes lost, ...}.
 */
class ClusterIT {

    private static final long NORTH = 1;
    private static final long EAST = 3;
    private static final int LOAD_CLIENTS = 16;
    /**
     * Each load client waits this long after each write: 16 busy people rather than 16 loops that
     * saturate both cores. Without it, the node restarted under load was not ready within 4 minutes
     * on a 2-core machine (the surviving node took every core), so no run finished.
     */
    private static final Duration THINK_TIME = Duration.ofMillis(500);

    private static final Duration LOAD_AT_LEAST = Duration.ofSeconds(60);
    private static final Duration KILL_AFTER = Duration.ofSeconds(20);
    private static final Duration RESTART_AFTER_KILL = Duration.ofSeconds(15);
    /** After the database connections were killed, the application must serve again within this. */
    private static final Duration HEALS_WITHIN = Duration.ofSeconds(10);
    /**
     * Tickets filed through each node for the mail test: three notifications each (the requester's
     * confirmation, North Clinic's two staff), more than one tick of one sender can take (20 batches
     * of 10, TestCluster).
     */
    private static final int MAIL_TICKETS_PER_NODE = 60;
    /** How long the two senders may take for the whole outbox, the other tests' backlog included. */
    private static final Duration MAIL_DRAINS_WITHIN = Duration.ofMinutes(3);
    /** Tickets filed through each node whose confirmations alice answers by mail. */
    private static final int REPLIED_TICKETS_PER_NODE = 15;

    private static final String ALICE_ADDRESS = "alice@helpdesk.test";

    private static final String FIRST_ADMIN = "first-admin";
    private static final String FIRST_PASSWORD = "Correct-Horse-Battery-9";
    private static final String BOOTSTRAP_PASSWORD_VARIABLE = "HELPDESK_BOOTSTRAP_ADMIN_PASSWORD";

    private static TestCluster cluster;
    private static final Map<String, String> figures = new LinkedHashMap<>();

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = new TestCluster(
                Path.of(System.getProperty("jboss.home")),
                Path.of(System.getProperty("it.cluster.dir")),
                Path.of(System.getProperty("helpdesk.ear")),
                new ClusterDatabase(System.getProperty("it.cluster.database", "helpdesk_cluster_it")));
        try {
            cluster.start();
        } catch (Exception | Error failed) {
            cluster.close();
            throw failed;
        }
    }

    @AfterAll
    static void stopClusterAndReport() throws Exception {
        try {
            List<String> inOrder = Stream.of(
                            "failover",
                            "load",
                            "database",
                            "stale",
                            "attachment",
                            "mail",
                            "replies",
                            "migrations",
                            "operator",
                            "bootstrap")
                    .filter(figures::containsKey)
                    .map(figures::get)
                    .toList();
            ProofReport.write("cluster", List.of("cluster: " + String.join(", ", inOrder)));
        } finally {
            cluster.close();
        }
    }

    // (a) ------------------------------------------------------------------------------------

    /**
     * Three signed-in sessions on one node, each with a page open: alice typed a response into Add
     * Your Response, mark filled in the triage form of another ticket, and alice's session cookie
     * is about to call the API. The node they live on is the one to kill.
     */
    private record HeldSessions(
            String node,
            HelpdeskClient alice,
            HelpdeskClient mark,
            long answered,
            long triaged,
            String text,
            FilledForm response,
            FilledForm triage) {}

    private static HeldSessions holdSessions() throws Exception {
        HelpdeskClient alice = HelpdeskClient.anonymous().at(cluster.balancerUrl());
        signIn(alice, "alice");
        String node = route(alice);
        HelpdeskClient mark = signedInOn(node, "mark");
        long answered = file(alice, unique("Failover response"), NORTH);
        long triaged = file(alice, unique("Failover triage"), NORTH);
        String text = unique("Typed before the kill");
        FilledForm response =
                alice.fillForm("/tickets/view/" + answered, "respond", Map.of("respond:text", text), "respond:send");
        FilledForm triage = mark.fillForm(
                "/tickets/view/" + triaged,
                "triage",
                Map.of(
                        "triage:status_input",
                        "IN_PROGRESS",
                        "triage:assignee_input",
                        "4",
                        "triage:category_input",
                        "3"),
                "triage:saveTriage");
        assertEquals(node, route(mark));
        return new HeldSessions(node, alice, mark, answered, triaged, text, response, triage);
    }

    /**
     * After the kill of the sessions' node: the held forms are posted through the balancer with the
     * view state the pages held, and the API is called with alice's session cookie. Each must land
     * on the surviving node as the same user, and do what it did before the kill. A balancer answer
     * of 502/503 means the request reached no node; it is sent again, as a user would.
     */
    private static List<Executable> failover(HeldSessions held) throws Exception {
        String survivor = other(held.node());
        HttpResponse<String> responded = untilANodeAnswers(() -> held.alice().post(held.response()));
        HttpResponse<String> saved = untilANodeAnswers(() -> held.mark().post(held.triage()));
        HttpResponse<String> me = untilANodeAnswers(() -> held.alice().getJson("/api/v1/me"));
        HttpResponse<String> thread = held.alice().get("/tickets/view/" + held.answered());

        HelpdeskClient staff = HelpdeskClient.basic("mark", "demo").at(cluster.nodeUrl(survivor));
        JsonObject answeredTicket = ticket(staff, held.answered());
        JsonObject triagedTicket = ticket(staff, held.triaged());
        List<JsonObject> messages = Json.messagesWithText(answeredTicket, held.text());
        boolean responseKept = responded.statusCode() < 400
                && messages.size() == 1
                && messages.get(0).getJsonObject("author").getString("username").equals("alice")
                && thread.body().contains(held.text());
        boolean triageKept = saved.statusCode() < 400
                && triagedTicket.getString("status").equals("in_progress")
                && triagedTicket.get("assignee") instanceof JsonObject assignee
                && assignee.getString("username").equals("mark");
        boolean apiKept = me.statusCode() == 200
                && Json.object(me.body()).getString("username").equals("alice");
        int kept = (responseKept ? 1 : 0) + (triageKept ? 1 : 0) + (apiKept ? 1 : 0);
        figures.put("failover", "failover " + kept + "/3 sessions kept");

        return List.of(
                () -> assertTrue(
                        responded.statusCode() < 400,
                        "Add Your Response after the kill: " + responded.statusCode() + " " + responded.body()),
                () -> assertEquals(1, messages.size(), "the response in the thread: " + answeredTicket),
                () -> assertEquals(
                        "alice", messages.get(0).getJsonObject("author").getString("username")),
                () -> assertTrue(thread.body().contains(held.text()), "the page shows the response"),
                () -> assertEquals(survivor, route(held.alice()), "alice's session routed to the surviving node"),
                () -> assertTrue(saved.statusCode() < 400, "triage after the kill: " + saved.statusCode()),
                () -> assertEquals("in_progress", triagedTicket.getString("status")),
                () -> assertEquals(3, triagedTicket.getJsonObject("category").getInt("id")),
                () -> assertEquals(
                        "mark", triagedTicket.getJsonObject("assignee").getString("username")),
                () -> assertEquals(survivor, route(held.mark()), "mark's session routed to the surviving node"),
                () -> assertEquals(200, me.statusCode(), "the API with alice's session cookie: " + me.body()),
                () -> assertEquals("alice", Json.object(me.body()).getString("username")),
                () -> assertEquals(3, kept, "sessions kept"));
    }

    private interface Call {
        HttpResponse<String> send() throws Exception;
    }

    private static HttpResponse<String> untilANodeAnswers(Call call) throws Exception {
        HttpResponse<String> answer = call.send();
        for (int attempt = 0; attempt < 10 && (answer.statusCode() == 502 || answer.statusCode() == 503); attempt++) {
            Thread.sleep(1000);
            answer = call.send();
        }
        return answer;
    }

    private static void signIn(HelpdeskClient client, String username) throws Exception {
        HttpResponse<String> signedIn = client.signIn(username, "demo");
        assertEquals(302, signedIn.statusCode(), "sign-in of " + username + " through the balancer");
    }

    /** A session of {@code username} signed in through the balancer whose route names {@code node}. */
    private static HelpdeskClient signedInOn(String node, String username) throws Exception {
        for (int attempt = 0; attempt < 20; attempt++) {
            HelpdeskClient client = HelpdeskClient.anonymous().at(cluster.balancerUrl());
            signIn(client, username);
            if (route(client).equals(node)) {
                return client;
            }
        }
        throw new AssertionError("The balancer never gave " + username + " a session on " + node);
    }

    /** The node named in the client's session cookie. */
    private static String route(HelpdeskClient client) {
        return TestCluster.route(client.sessionId().orElseThrow(() -> new AssertionError("no session cookie")));
    }

    // (b) ------------------------------------------------------------------------------------

    @Test
    void aChangeThroughOneNodeIsSeenAtOnceThroughTheOther() throws Exception {
        cluster.awaitBothNodes();
        String one = cluster.nodeUrl(NODE1);
        String two = cluster.nodeUrl(NODE2);
        HelpdeskClient markOnOne = HelpdeskClient.basic("mark", "demo").at(one);
        HelpdeskClient markOnTwo = HelpdeskClient.basic("mark", "demo").at(two);
        long id = fileByApi(HelpdeskClient.basic("alice", "demo").at(one), unique("Across nodes"));
        assertEquals("open", ticket(markOnTwo, id).getString("status"), "node2 has read the ticket once");

        assertEquals(
                200,
                markOnOne
                        .send(markOnOne
                                .request("/api/v1/tickets/" + id + "/status")
                                .header("Content-Type", "application/json")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"status\":\"in_progress\"}")))
                        .statusCode());
        String statusOnTwo = ticket(markOnTwo, id).getString("status");

        String response = unique("Answer through node1");
        String note = unique("Note through node1");
        assertEquals(
                201,
                markOnOne
                        .postJson("/api/v1/tickets/" + id + "/messages", "{\"text\":\"" + response + "\"}")
                        .statusCode());
        assertEquals(
                201,
                markOnOne
                        .postJson(
                                "/api/v1/tickets/" + id + "/messages", "{\"text\":\"" + note + "\",\"internal\":true}")
                        .statusCode());
        JsonObject onTwo = ticket(markOnTwo, id);

        String category = unique("Renamed");
        assertEquals(
                200,
                markOnOne
                        .send(markOnOne
                                .request("/api/v1/tickets/" + id + "/category")
                                .header("Content-Type", "application/json")
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"categoryId\":5}")))
                        .statusCode());
        assertEquals("Other", ticket(markOnTwo, id).getJsonObject("category").getString("name"));
        HelpdeskClient oliviaOnOne = HelpdeskClient.anonymous().at(one);
        signIn(oliviaOnOne, "olivia");
        String categories = oliviaOnOne.get("/admin/categories").body();
        String row = rowIndexOf(categories, "categories:table:(\\d+):name\"[^>]*value=\"Other\"");
        HttpResponse<String> renamed = oliviaOnOne.submitForm(
                "/admin/categories",
                "categories",
                Map.of("categories:table:" + row + ":name", category),
                "categories:table:" + row + ":rename");
        String categoryOnTwo = ticket(markOnTwo, id).getJsonObject("category").getString("name");
        String categoryListOnTwo = markOnTwo.getJson("/api/v1/categories").body();

        HelpdeskClient louOnTwo = HelpdeskClient.basic("lou", "demo").at(two);
        String locationsBefore = locationIds(louOnTwo);
        String users = oliviaOnOne.get("/admin/users").body();
        String louRow = rowIndexOf(users, "<span class=\"hd-hint\">lou</span>[\\s\\S]*?users:table:(\\d+):groups");
        HttpResponse<String> savedLocations = oliviaOnOne.submitForm(
                "/admin/users",
                "users",
                Map.of(
                        "users:table:" + louRow + ":groups",
                        "RBT",
                        "users:table:" + louRow + ":locations",
                        String.valueOf(EAST)),
                "users:table:" + louRow + ":save");
        String locationsAfter = locationIds(louOnTwo);
        figures.put("stale", "no stale reads across nodes (status, response, note, category, locations)");

        assertAll(
                () -> assertEquals("in_progress", statusOnTwo, "the status through node2"),
                () -> assertEquals(1, Json.messagesWithText(onTwo, response).size(), "the response through node2"),
                () -> assertEquals(1, Json.messagesWithText(onTwo, note).size(), "the note through node2"),
                () -> assertTrue(renamed.statusCode() < 400, "rename: " + renamed.statusCode()),
                () -> assertEquals(category, categoryOnTwo, "the renamed category through node2"),
                () -> assertTrue(categoryListOnTwo.contains(category), "the category list on node2"),
                () -> assertEquals("[]", locationsBefore),
                () -> assertTrue(savedLocations.statusCode() < 400, "locations: " + savedLocations.statusCode()),
                () -> assertEquals("[" + EAST + "]", locationsAfter, "lou's locations through node2"));
    }

    private static String locationIds(HelpdeskClient client) throws Exception {
        HttpResponse<String> me = client.getJson("/api/v1/me");
        assertEquals(200, me.statusCode(), me.body());
        return Json.object(me.body()).getJsonArray("locations").getValuesAs(JsonObject.class).stream()
                .map(location -> String.valueOf(location.getInt("id")))
                .collect(Collectors.joining(",", "[", "]"));
    }

    private static String rowIndexOf(String html, String regex) {
        Matcher matcher = Pattern.compile(regex).matcher(html);
        if (!matcher.find()) {
            throw new AssertionError("No row matches " + regex);
        }
        return matcher.group(1);
    }

    // (c) ------------------------------------------------------------------------------------

    @Test
    void aFileUploadedThroughOneNodeDownloadsThroughTheOther() throws Exception {
        cluster.awaitBothNodes();
        byte[] content = new byte[300 * 1024 + 17];
        new SplittableRandom().nextBytes(content);
        HelpdeskClient aliceOnOne = HelpdeskClient.basic("alice", "demo").at(cluster.nodeUrl(NODE1));
        HttpResponse<String> filed = aliceOnOne.postMultipart(
                "/api/v1/tickets",
                Map.of(
                        "subject",
                        unique("Upload across nodes"),
                        "details",
                        "A file larger than one chunk.",
                        "urgency",
                        "medium",
                        "locationId",
                        String.valueOf(NORTH)),
                Map.of("attachments", List.of(new FilePart("scan.bin", "application/octet-stream", content))));
        assertEquals(201, filed.statusCode(), filed.body());
        JsonObject ticket = Json.object(filed.body());
        long attachment = ticket.getJsonArray("attachments")
                .getJsonObject(0)
                .getJsonNumber("id")
                .longValue();

        HelpdeskClient aliceOnTwo = HelpdeskClient.basic("alice", "demo").at(cluster.nodeUrl(NODE2));
        HttpResponse<byte[]> downloaded = aliceOnTwo.sendForBytes(aliceOnTwo
                .request("/api/v1/tickets/" + ticket.getJsonNumber("id") + "/attachments/" + attachment)
                .GET());
        figures.put("attachment", "a " + content.length + "-byte file uploaded to node1 downloads whole from node2");

        assertEquals(200, downloaded.statusCode());
        assertArrayEquals(content, downloaded.body(), "byte for byte");
    }

    // (a) and (d) ------------------------------------------------------------------------------

    @Test
    void aNodeKilledUnderLoadKeepsItsSessionsAndLosesNoAcknowledgedWrite() throws Exception {
        cluster.awaitBothNodes();
        String runId = "cluster" + UUID.randomUUID().toString().substring(0, 8);
        Writers writers = new Writers(cluster.balancerUrl(), runId, LOAD_CLIENTS, THINK_TIME);
        long started = System.nanoTime();
        long killedAt;
        long restartedAt;
        long rejoinedAt;
        String victim;
        List<Executable> failover;
        try {
            writers.start();
            HeldSessions held = holdSessions();
            victim = held.node();
            Thread.sleep(
                    Math.max(0, KILL_AFTER.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)));
            // The kill's moment is when SIGKILL is sent: a request that the dying node drops while
            // the test still waits for its process to end fails because of the kill.
            killedAt = System.nanoTime();
            cluster.kill(victim);
            failover = failover(held);
            Thread.sleep(Math.max(
                    0, RESTART_AFTER_KILL.toMillis() - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killedAt)));
            ServerProcess restarted = cluster.restart(victim);
            restartedAt = System.nanoTime();
            restarted.awaitReady();
            rejoinedAt = System.nanoTime();
            long end = Math.max(
                    started + LOAD_AT_LEAST.toNanos(),
                    rejoinedAt + Duration.ofSeconds(5).toNanos());
            Thread.sleep(Math.max(0, TimeUnit.NANOSECONDS.toMillis(end - System.nanoTime())));
            writers.stopSending();
            writers.awaitEnd();
        } finally {
            writers.abort();
        }
        long loadSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        List<Answer> answers = writers.answers();
        List<Answer> beforeKill = failures(answers, started, killedAt);
        List<Answer> duringFailover = failures(answers, killedAt, restartedAt);
        List<Answer> duringRejoin = failures(answers, restartedAt, Long.MAX_VALUE);
        long settledSeconds = duringFailover.isEmpty()
                ? 0
                : (long)
                        Math.ceil((duringFailover.get(duringFailover.size() - 1).atNanos() - killedAt) / 1e9);
        long acknowledgedAfterSettling = answers.stream()
                .filter(answer ->
                        answer.acknowledged() && answer.atNanos() > killedAt && answer.atNanos() < restartedAt)
                .count();
        List<Write> writes = writers.writes();
        Findings findings = Inspection.of(cluster.nodeUrl(NODE1), runId, writes);
        List<String> countMismatches = cluster.database().countMismatches();
        long partialFiles = cluster.database().partialFiles();
        figures.put(
                "load",
                String.format(
                        "%d of %d acknowledged writes lost, %d duplicated, %d partial (%d clients, %d s, %s killed"
                                + " and restarted), %d client errors during failover, balancer settled in %d s,"
                                + " %d errors while %s rejoined, %d writes cut off (%d stored whole, %d left nothing),"
                                + " per-status counts folded on both nodes %s",
                        findings.lost(),
                        findings.acknowledged(),
                        findings.doubled(),
                        findings.partial() + partialFiles,
                        LOAD_CLIENTS,
                        loadSeconds,
                        victim,
                        duringFailover.size(),
                        settledSeconds,
                        duringRejoin.size(),
                        victim,
                        findings.cutOff(),
                        findings.cutOffStored(),
                        findings.cutOffAbsent(),
                        countMismatches.isEmpty() ? "exact" : "WRONG " + countMismatches));

        String killed = victim;
        assertAll("failover of the sessions on " + killed, failover);
        assertAll(
                () -> assertTrue(findings.acknowledged() >= 300, "too few writes: " + findings.acknowledged()),
                () -> assertEquals(List.of(), beforeKill, "failures before the kill"),
                () -> assertEquals(List.of(), findings.problems(), "writes lost, kept in part or stored twice"),
                () -> assertEquals(0, findings.lost() + findings.partial() + findings.doubled()),
                () -> assertEquals(0, partialFiles, "files stored in part"),
                () -> assertEquals(List.of(), countMismatches, "per-status counts against the tickets"),
                () -> assertTrue(acknowledgedAfterSettling > 0, "the surviving node served alone"),
                () -> assertTrue(settledSeconds <= RESTART_AFTER_KILL.toSeconds(), "settled in " + settledSeconds));
    }

    private static List<Answer> failures(List<Answer> answers, long from, long until) {
        return answers.stream()
                .filter(answer -> !answer.acknowledged() && answer.atNanos() >= from && answer.atNanos() < until)
                .toList();
    }

    // (e) ------------------------------------------------------------------------------------

    @Test
    void theApplicationHealsAfterItsDatabaseConnectionsWereKilled() throws Exception {
        cluster.awaitBothNodes();
        String runId = "pgkill" + UUID.randomUUID().toString().substring(0, 8);
        Writers writers = new Writers(cluster.balancerUrl(), runId, 8);
        List<Long> kills = new ArrayList<>();
        int terminated = 0;
        long started = System.nanoTime();
        try {
            writers.start();
            for (int round = 0; round < 2; round++) {
                Thread.sleep(8_000);
                terminated += cluster.database().terminateConnections();
                kills.add(System.nanoTime());
            }
            // Long enough after the last kill to see writes acknowledged once it has healed.
            Thread.sleep(HEALS_WITHIN.toMillis() + 5_000);
            writers.stopSending();
            writers.awaitEnd();
        } finally {
            writers.abort();
        }
        List<Answer> answers = writers.answers();
        // Healed: from then on every write sent was acknowledged. A write sent just before a kill may
        // fail later than that, on the connection that was killed under it; it counts as an error,
        // not as time the application took to heal.
        long healedSeconds = 0;
        for (int n = 0; n < kills.size(); n++) {
            long from = kills.get(n);
            long until = n + 1 < kills.size() ? kills.get(n + 1) : Long.MAX_VALUE;
            long lastFailedSend = answers.stream()
                    .filter(answer ->
                            !answer.acknowledged() && answer.sentNanos() >= from && answer.sentNanos() < until)
                    .mapToLong(Answer::sentNanos)
                    .max()
                    .orElse(from);
            healedSeconds = Math.max(healedSeconds, (long) Math.ceil((lastFailedSend - from) / 1e9));
        }
        long lastKill = kills.get(kills.size() - 1);
        long acknowledgedAfter = answers.stream()
                .filter(answer -> answer.acknowledged() && answer.atNanos() > lastKill + HEALS_WITHIN.toNanos())
                .count();
        List<Answer> beforeFirstKill = failures(answers, started, kills.get(0));
        List<Answer> errors = failures(answers, kills.get(0), Long.MAX_VALUE);
        Findings findings = Inspection.of(cluster.nodeUrl(NODE2), runId, writers.writes());
        figures.put(
                "database",
                String.format(
                        "database connections killed twice (%d backends): healed in %d s, %d client errors,"
                                + " %d of %d acknowledged writes lost, %d partial, %d duplicated",
                        terminated,
                        healedSeconds,
                        errors.size(),
                        findings.lost(),
                        findings.acknowledged(),
                        findings.partial(),
                        findings.doubled()));

        long healed = healedSeconds;
        int backends = terminated;
        assertAll(
                () -> assertTrue(backends > 0, "no connection was terminated"),
                () -> assertEquals(List.of(), beforeFirstKill, "failures before the connections were killed"),
                () -> assertTrue(healed <= HEALS_WITHIN.toSeconds(), "healed only after " + healed + " s: " + errors),
                () -> assertTrue(acknowledgedAfter > 0, "writes acknowledged after healing"),
                () -> assertEquals(List.of(), findings.problems()),
                () -> assertEquals(0, findings.lost() + findings.partial() + findings.doubled()));
    }

    // (f) ------------------------------------------------------------------------------------

    @Test
    void twoNodesStartingAtOnceOnAnEmptyDatabaseApplyEachMigrationOnce() throws Exception {
        List<String> versions;
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("it.migrations.dir")))) {
            versions = files.map(file -> file.getFileName().toString())
                    .filter(name -> name.matches("V\\d+__.*\\.sql"))
                    .map(name -> name.substring(1, name.indexOf("__")))
                    .sorted()
                    .toList();
        }
        Map<String, Integer> applied = cluster.database().appliedMigrations();
        Map<String, Integer> demo = cluster.database().loadedDemoScripts();
        int byNode1 = firstMigrationCount(NODE1);
        int byNode2 = firstMigrationCount(NODE2);
        figures.put(
                "migrations",
                "two nodes started at once applied " + versions.size() + " migrations once (node1 " + byNode1
                        + ", node2 " + byNode2 + ")");

        assertAll(
                () -> assertEquals(versions, applied.keySet().stream().sorted().toList()),
                () -> assertTrue(applied.values().stream().allMatch(rows -> rows == 1), "rows per version: " + applied),
                () -> assertTrue(demo.values().stream().allMatch(rows -> rows == 1), "demo rows: " + demo),
                () -> assertEquals(versions.size(), byNode1 + byNode2, "migrations run by the two nodes together"));
    }

    /** How many migrations the node's first start applied, as its log says. */
    private static int firstMigrationCount(String node) throws IOException {
        Pattern line = Pattern.compile("Database schema migrated: (\\d+) migration");
        return Files.readAllLines(cluster.serverLog(node), StandardCharsets.UTF_8).stream()
                .map(line::matcher)
                .filter(Matcher::find)
                .findFirst()
                .map(matcher -> Integer.parseInt(matcher.group(1)))
                .orElseThrow(() -> new AssertionError(node + " logged no migration"));
    }

    // (g) ------------------------------------------------------------------------------------

    /**
     * Once-per-cluster work: both nodes run the outbox sender's timer, and each notification must
     * leave from one of them, once. Tickets are filed through both nodes while sending is off, so
     * that a backlog waits; then both senders are turned on at the same moment and race for it.
     * Each node sends to an SMTP server of its own, so the test sees who sent what. The check covers
     * the whole outbox, also the mails of the other tests' tickets (no node is killed while this
     * test sends).
     */
    @Test
    void eachNotificationIsSentByOneNodeOnce() throws Exception {
        cluster.awaitBothNodes();
        for (String node : List.of(NODE1, NODE2)) {
            HelpdeskClient alice = HelpdeskClient.basic("alice", "demo").at(cluster.nodeUrl(node));
            for (int ticket = 0; ticket < MAIL_TICKETS_PER_NODE; ticket++) {
                fileByApi(alice, unique("Mailed once"));
            }
        }
        Map<Long, String> states;
        Map<String, List<Long>> sentBy;
        try {
            cluster.sendMail(true);
            states = awaitOutboxSent(MAIL_DRAINS_WITHIN);
            // Two more ticks of both senders: a mail sent a second time would arrive now.
            Thread.sleep(4500);
            sentBy = cluster.mail().outboxIdsByNode();
        } finally {
            cluster.sendMail(false);
        }
        Map<Long, Long> timesSent = sentBy.values().stream()
                .flatMap(List::stream)
                .collect(Collectors.groupingBy(id -> id, Collectors.counting()));
        long once = states.keySet().stream()
                .filter(id -> timesSent.getOrDefault(id, 0L) == 1)
                .count();
        long twice = timesSent.values().stream().filter(times -> times > 1).count();
        long unsent = states.keySet().stream()
                .filter(id -> !timesSent.containsKey(id))
                .count();
        int byNode1 = sentBy.get(NODE1).size();
        int byNode2 = sentBy.get(NODE2).size();
        figures.put(
                "mail",
                "both nodes' senders on: " + once + " of " + states.size() + " notifications sent once (node1 "
                        + byNode1 + ", node2 " + byNode2 + "), " + twice + " twice, " + unsent + " not sent");

        assertAll(
                () -> assertTrue(states.size() >= 2 * MAIL_TICKETS_PER_NODE, "outbox rows: " + states.size()),
                () -> assertTrue(states.values().stream().allMatch("SENT"::equals), "states: " + countsOf(states)),
                () -> assertEquals(0, twice, "mails sent more than once"),
                () -> assertEquals(0, unsent, "rows never sent"),
                () -> assertEquals(states.keySet(), timesSent.keySet(), "mails for rows not in the outbox"),
                () -> assertTrue(
                        byNode1 > 0 && byNode2 > 0, "both senders took part: node1 " + byNode1 + ", node2 " + byNode2));
    }

    /** Waits until no outbox row is pending any more; returns every row's state. */
    private static Map<Long, String> awaitOutboxSent(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Map<Long, String> states = cluster.database().outboxStates();
        while (states.containsValue("PENDING") && System.nanoTime() < deadline) {
            Thread.sleep(500);
            states = cluster.database().outboxStates();
        }
        return states;
    }

    private static Map<String, Long> countsOf(Map<Long, String> states) {
        return states.values().stream().collect(Collectors.groupingBy(state -> state, Collectors.counting()));
    }

    /**
     * Once-per-cluster fetching: replies by mail to the filing confirmations of tickets filed
     * through both nodes wait in the helpdesk's mailbox; then both nodes' fetchers are turned on at
     * the same moment. Each reply must be posted to its ticket's thread once, as alice, and recorded
     * once as fetched.
     */
    @Test
    void eachReplyByMailIsPostedOnceWhileBothNodesFetch() throws Exception {
        cluster.awaitBothNodes();
        List<Long> tickets = new ArrayList<>();
        for (String node : List.of(NODE1, NODE2)) {
            HelpdeskClient alice = HelpdeskClient.basic("alice", "demo").at(cluster.nodeUrl(node));
            for (int ticket = 0; ticket < REPLIED_TICKETS_PER_NODE; ticket++) {
                tickets.add(fileByApi(alice, unique("Replied by mail")));
            }
        }
        Map<Long, String> tokens = cluster.database().replyTokensOf(ALICE_ADDRESS, tickets);
        String marker = unique("Answered by mail");
        List<String> messageIds = new ArrayList<>();
        for (long ticket : tickets) {
            MimeMessage reply = replyByMail(ticket, tokens.get(ticket), marker);
            cluster.mail().deliverToHelpdesk(reply);
            messageIds.add(reply.getMessageID());
        }
        Map<Long, Long> posted;
        Map<String, Long> outcomes;
        try {
            cluster.fetchMail(true);
            long deadline = System.nanoTime() + MAIL_DRAINS_WITHIN.toNanos();
            outcomes = cluster.database().inboundOutcomes(messageIds);
            while (outcomes.values().stream().mapToLong(Long::longValue).sum() < messageIds.size()
                    && System.nanoTime() < deadline) {
                Thread.sleep(500);
                outcomes = cluster.database().inboundOutcomes(messageIds);
            }
            // Two more rounds of both fetchers: a reply handled a second time would show now.
            Thread.sleep(4500);
            outcomes = cluster.database().inboundOutcomes(messageIds);
            posted = cluster.database().messagesContaining(marker);
        } finally {
            cluster.fetchMail(false);
        }
        Map<String, Long> recorded = outcomes;
        long once =
                tickets.stream().filter(id -> posted.getOrDefault(id, 0L) == 1).count();
        long twice = posted.values().stream().filter(count -> count > 1).count();
        figures.put(
                "replies",
                "both nodes fetching: " + once + " of " + tickets.size() + " replies by mail posted once, " + twice
                        + " twice");

        assertAll(
                () -> assertEquals(tickets.size(), tokens.size(), "a confirmation with a reply token per ticket"),
                () -> assertEquals(Map.of("POSTED", (long) tickets.size()), recorded, "fetched and recorded"),
                () -> assertEquals(tickets.size(), once, "posted once: " + posted),
                () -> assertEquals(0, twice, "posted twice: " + posted),
                () -> assertEquals(Set.copyOf(tickets), posted.keySet(), "only to the replied tickets"));
    }

    /** alice's answer to a ticket's confirmation, as her mail client writes it. */
    private static MimeMessage replyByMail(long ticket, String token, String text) throws MessagingException {
        String messageId = "<reply-" + UUID.randomUUID() + "@mail.test>";
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties())) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        String helpdesk = ClusterMail.HELPDESK;
        message.setFrom(new InternetAddress(ALICE_ADDRESS));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(helpdesk.replace("@", "+" + token + "@")));
        message.setSubject("Re: [Helpdesk #" + ticket + "]", "UTF-8");
        message.setText(text + " (ticket " + ticket + ")", "UTF-8");
        message.saveChanges();
        return message;
    }

    // first administrator ----------------------------------------------------------------------

    /**
     * A new installation's first administrator, as the README tells an operator to create it: a
     * node started on an empty database without demo data, with {@code -Dhelpdesk.bootstrap.admin}
     * and the password in {@code HELPDESK_BOOTSTRAP_ADMIN_PASSWORD}, has that one account, in the
     * OWNER group, with a temporary password (the API answers 403 PASSWORD_CHANGE_REQUIRED), and
     * the access log names the step. Started again with the setting still there and another
     * password in the variable, it changes nothing. Its own database and JGroups member list keep
     * it out of the cluster of the other tests.
     */
    @Test
    void aNewInstallationGetsItsFirstAdministratorFromTheBootstrapSetting() throws Exception {
        int offset = 1800;
        ClusterDatabase empty = new ClusterDatabase(cluster.database().name() + "_bootstrap");
        empty.createEmpty();
        List<String> properties = new ArrayList<>(cluster.nodeProperties("bootstrap"));
        properties.removeIf(property -> property.startsWith("-Dhelpdesk.demo-data="));
        properties.replaceAll(property -> property.startsWith("-Dhelpdesk.cluster.members=")
                ? "-Dhelpdesk.cluster.members=127.0.0.1[" + (7600 + offset) + "]"
                : property.startsWith("-Dhelpdesk.balancer.port=")
                        ? "-Dhelpdesk.balancer.port=9591"
                        : property.startsWith("-Dhelpdesk.db.url=") ? "-Dhelpdesk.db.url=" + empty.url() : property);
        properties.add("-Dhelpdesk.bootstrap.admin=" + FIRST_ADMIN);
        ServerProcess.Setup setup = new ServerProcess.Setup(
                Path.of(System.getProperty("jboss.home")),
                Path.of(System.getProperty("it.cluster.dir")).resolve("bootstrap"),
                "standalone-helpdesk-ha.xml",
                properties,
                offset,
                TestCluster.httpUrl(offset));
        setup.prepare(Path.of(System.getProperty("helpdesk.ear")));
        HelpdeskClient admin = HelpdeskClient.basic(FIRST_ADMIN, FIRST_PASSWORD).at(setup.baseUrl());
        HelpdeskClient otherPassword =
                HelpdeskClient.basic(FIRST_ADMIN, "Another-Password-2").at(setup.baseUrl());
        try {
            HttpResponse<String> temporary;
            long users;
            try (ServerProcess server =
                    ServerProcess.start(setup, "bootstrap-1", Map.of(BOOTSTRAP_PASSWORD_VARIABLE, FIRST_PASSWORD))) {
                server.awaitHealthReady();
                temporary = admin.getJson("/api/v1/me");
                server.stop();
            }
            users = empty.single("SELECT COUNT(*) FROM app_user");
            long owners = empty.single("SELECT COUNT(*) FROM user_group g JOIN app_user u ON u.id = g.user_id"
                    + " WHERE u.username = '" + FIRST_ADMIN + "' AND g.group_name = 'OWNER'"
                    + " AND u.must_change_password AND u.active");
            long logged =
                    empty.single("SELECT COUNT(*) FROM access_change WHERE actor_name = 'helpdesk.bootstrap.admin'"
                            + " AND kind = 'USER_CREATED'");

            HttpResponse<String> stillTemporary;
            HttpResponse<String> notTaken;
            try (ServerProcess again = ServerProcess.start(
                    setup, "bootstrap-2", Map.of(BOOTSTRAP_PASSWORD_VARIABLE, "Another-Password-2"))) {
                again.awaitHealthReady();
                stillTemporary = admin.getJson("/api/v1/me");
                notTaken = otherPassword.getJson("/api/v1/me");
                again.stop();
            }
            long usersAfterRestart = empty.single("SELECT COUNT(*) FROM app_user");
            figures.put(
                    "bootstrap",
                    "a new installation's first administrator from helpdesk.bootstrap.admin (" + users
                            + " account, temporary password), unchanged by a second start");

            assertAll(
                    () -> assertEquals(403, temporary.statusCode()),
                    () -> assertEquals(
                            "PASSWORD_CHANGE_REQUIRED",
                            Json.object(temporary.body()).getString("code"),
                            temporary.body()),
                    () -> assertEquals(1, users, "accounts of the new installation"),
                    () -> assertEquals(1, owners, "the administrator: OWNER, active, temporary password"),
                    () -> assertEquals(1, logged, "the access log names the bootstrap"),
                    () -> assertEquals(403, stillTemporary.statusCode(), "the first password still holds"),
                    () -> assertEquals(401, notTaken.statusCode(), "a second start took no new password"),
                    () -> assertEquals(1, usersAfterRestart, "a second start created nobody"));
        } finally {
            empty.drop();
        }
    }

    // operator path ------------------------------------------------------------------------

    /**
     * The README's instructions for an operator's own server: a provisioned WildFly started with
     * the stock {@code standalone-ha.xml}, the wildfly-config scripts applied one by one with
     * {@code jboss-cli.sh --file}, a reload, the EAR deployed with the CLI: the server serves pages
     * and API and reports ready. It uses the cluster's database; its own JGroups member list and
     * no balancer keep it out of the cluster of the other tests.
     */
    @Test
    void theScriptsApplyToAnOperatorsStockHaServer() throws Exception {
        int offset = 1650;
        Path jbossHome = Path.of(System.getProperty("jboss.home"));
        Path cliDir = Path.of(System.getProperty("it.cli.dir"));
        List<String> properties = new ArrayList<>(cluster.nodeProperties("operator"));
        properties.replaceAll(property -> property.startsWith("-Dhelpdesk.cluster.members=")
                ? "-Dhelpdesk.cluster.members=127.0.0.1[" + (7600 + offset) + "]"
                : property.startsWith("-Dhelpdesk.balancer.port=") ? "-Dhelpdesk.balancer.port=9591" : property);
        ServerProcess.Setup setup = new ServerProcess.Setup(
                jbossHome,
                Path.of(System.getProperty("it.cluster.dir")).resolve("operator"),
                "standalone-ha.xml",
                properties,
                offset,
                TestCluster.httpUrl(offset));
        setup.prepareWithoutDeployment();
        String controller = "127.0.0.1:" + (9990 + offset);
        List<String> scripts = List.of(
                "configure-security.cli",
                "configure-permissions.cli",
                "configure-health.cli",
                "configure-openapi.cli",
                "configure-uploads.cli",
                "configure-datasource-postgresql.cli",
                "configure-cluster.cli",
                "configure-mail.cli");
        long started = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(setup, "stock-ha")) {
            awaitCli(jbossHome, controller, server);
            for (String script : scripts) {
                JbossCli.run(jbossHome, controller, "--file=" + cliDir.resolve(script));
            }
            JbossCli.run(jbossHome, controller, "--command=reload");
            awaitCli(jbossHome, controller, server);
            JbossCli.run(jbossHome, controller, "--command=deploy " + System.getProperty("helpdesk.ear"));
            server.awaitReady();
            HelpdeskClient anonymous = HelpdeskClient.anonymous().at(setup.baseUrl());
            HttpResponse<String> login = anonymous.get("/login");
            HttpResponse<String> unauthorized = anonymous.getJson("/api/v1/tickets");
            HttpResponse<String> ready = anonymous.get("http://127.0.0.1:" + (9990 + offset) + "/health/ready");
            HelpdeskClient alice = HelpdeskClient.anonymous().at(setup.baseUrl());
            HttpResponse<String> signedIn = alice.signIn("alice", "demo");
            HttpResponse<String> myTickets = alice.get("/tickets/my-tickets");
            figures.put(
                    "operator",
                    "scripts applied by jboss-cli.sh to a stock standalone-ha server, EAR deployed and serving in "
                            + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s");
            server.stop();

            assertAll(
                    () -> assertEquals(200, login.statusCode()),
                    () -> assertEquals(401, unauthorized.statusCode()),
                    () -> assertEquals(200, ready.statusCode(), ready.body()),
                    () -> assertTrue(ready.body().contains("\"UP\""), ready.body()),
                    () -> assertEquals(302, signedIn.statusCode()),
                    () -> assertEquals(200, myTickets.statusCode()));
        }
    }

    private static void awaitCli(Path jbossHome, String controller, ServerProcess server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            if (JbossCli.attempt(jbossHome, controller, "--command=:read-attribute(name=server-state)")
                    .map(output -> output.contains("running"))
                    .orElse(false)) {
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("The operator's server did not run:\n" + server.consoleTail());
    }

    // ------------------------------------------------------------------------------------------

    private static long fileByApi(HelpdeskClient requester, String subject) throws Exception {
        HttpResponse<String> filed = requester.postJson(
                "/api/v1/tickets",
                "{\"subject\":\"" + subject + "\",\"details\":\"Across nodes.\",\"urgency\":\"medium\","
                        + "\"locationId\":" + NORTH + "}");
        assertEquals(201, filed.statusCode(), filed.body());
        return Json.object(filed.body()).getJsonNumber("id").longValue();
    }

    private static JsonObject ticket(HelpdeskClient client, long id) throws Exception {
        HttpResponse<String> answer = client.getJson("/api/v1/tickets/" + id);
        assertEquals(200, answer.statusCode(), answer.body());
        return Json.object(answer.body());
    }
}
