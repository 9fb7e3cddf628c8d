package org.helpdesk.it.durability;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;

import org.helpdesk.it.durability.Inspection.Findings;
import org.helpdesk.it.durability.Write.Kind;
import org.helpdesk.it.proof.ProofReport;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An acknowledged write survives a crash of the server. The provisioned WildFly runs as a real
 * process with the built EAR ({@link ServerProcess}); concurrent API clients file tickets (some
 * with files), answer them with files and add internal notes as staff ({@link Writers}), logging
 * every write and what the server acknowledged; in the middle of it the server's JVM is killed
 * with SIGKILL. The server is started again on the same data, with no manual step, and then
 * ({@link Inspection}) every acknowledged write must be found exactly once with all its files
 * byte for byte, a write the kill cut off must be stored whole or not at all, and the first writes
 * after the restart must get ids above every acknowledged one.
 *
 * <p>Runs with the profile {@code durability} (ear/pom.xml), on H2 or, with {@code postgresql}
 * too, on PostgreSQL, and prints {@code durability (H2): 0 of N acknowledged writes lost, ...}.
 */
class DurabilityIT {

    private final String database = System.getProperty("it.database", "H2");
    private final int clients = Integer.getInteger("it.durability.clients", 8);
    private final Duration killAfter = Duration.ofSeconds(Long.getLong("it.durability.kill.after.seconds", 10));
    private final long killAfterWrites = Long.getLong("it.durability.kill.after.writes", 150);
    private final Duration writingAtMost = Duration.ofSeconds(60);

    @Test
    void everyAcknowledgedWriteSurvivesAKillOfTheServer() throws Exception {
        int portOffset = Integer.getInteger("it.durability.port.offset", 450);
        String baseUrl = "http://127.0.0.1:" + Integer.getInteger("it.durability.http.port", 8080 + portOffset);
        ServerProcess.Setup setup = new ServerProcess.Setup(
                Path.of(System.getProperty("jboss.home")),
                Path.of(System.getProperty("it.durability.dir"), database.toLowerCase()),
                System.getProperty("it.server.config"),
                Arrays.stream(System.getProperty("it.durability.server.jvm.args", "")
                                .trim()
                                .split("\\s+"))
                        .filter(argument -> !argument.isEmpty())
                        .toList(),
                portOffset,
                baseUrl);
        setup.prepare(Path.of(System.getProperty("helpdesk.ear")));
        String runId = "run" + UUID.randomUUID().toString().substring(0, 8);

        Writers writers = new Writers(baseUrl, runId, clients);
        try (ServerProcess server = ServerProcess.start(setup, "before-kill")) {
            server.awaitReady();
            warmUp(baseUrl, runId);
            writers.start();
            awaitKillTime(writers);
            writers.stopSending();
            server.killHard();
            writers.awaitEnd();
        } finally {
            writers.abort();
        }

        long restartStarted = System.nanoTime();
        try (ServerProcess server = ServerProcess.start(setup, "after-kill")) {
            server.awaitReady();
            long restartSeconds =
                    Duration.ofNanos(System.nanoTime() - restartStarted).toSeconds();
            List<Write> writes = writers.writes();
            Findings findings = Inspection.of(baseUrl, runId, writes);
            List<Write> afterRestart = new Writers(baseUrl, runId, 1).writeOneRound();
            List<String> reusedIds = reusedIds(writes, afterRestart);
            report(findings, restartSeconds, reusedIds);
            server.stop();

            assertAll(
                    () -> assertTrue(
                            findings.acknowledged() >= clients * 3,
                            "the clients wrote too little to prove anything: " + findings.acknowledged()),
                    () -> assertEquals(List.of(), writers.refusals(), "writes refused before the kill"),
                    () -> assertEquals(List.of(), findings.problems(), "writes lost, kept in part or stored twice"),
                    () -> assertEquals(0, findings.lost() + findings.partial() + findings.doubled()),
                    () -> assertTrue(
                            afterRestart.size() == 3 && afterRestart.stream().allMatch(Write::acknowledged),
                            "the writes after the restart: " + afterRestart),
                    () -> assertEquals(List.of(), reusedIds, "ids given again after the restart"));
        }
    }

    /**
     * One round of writes before the clients start, so that the kill finds the server at its pace
     * (compiled code, the demo users' credentials verified) rather than in its first requests.
     */
    private static void warmUp(String baseUrl, String runId) {
        List<Write> warmUp = new Writers(baseUrl, runId + "-warm-up", 1).writeOneRound();
        assertTrue(warmUp.size() == 3 && warmUp.stream().allMatch(Write::acknowledged), "warm-up: " + warmUp);
    }

    /**
     * The kill comes after {@code killAfter}, once the clients have {@code killAfterWrites}
     * acknowledged writes (a busy machine writes slowly), and after at most a minute of writing.
     */
    private void awaitKillTime(Writers writers) throws InterruptedException {
        long started = System.nanoTime();
        Thread.sleep(killAfter.toMillis());
        while (writers.acknowledged() < killAfterWrites && System.nanoTime() - started < writingAtMost.toNanos()) {
            Thread.sleep(100);
        }
    }

    /** The ids given after the restart that are not above every acknowledged id of their kind. */
    private static List<String> reusedIds(List<Write> before, List<Write> after) {
        List<String> reused = new ArrayList<>();
        compare("ticket", before, after, write -> write.kind() == Kind.TICKET, Write::ticketId, reused);
        compare("message", before, after, write -> write.kind() != Kind.TICKET, Write::messageId, reused);
        long highestFile = acknowledged(before)
                .flatMap(write -> write.files().stream())
                .mapToLong(Write.SentFile::id)
                .max()
                .orElse(0);
        acknowledged(after)
                .flatMap(write -> write.files().stream())
                .filter(file -> file.id() <= highestFile)
                .forEach(file -> reused.add("file " + file.id() + " (acknowledged before: up to " + highestFile + ")"));
        return reused;
    }

    private static void compare(
            String what,
            List<Write> before,
            List<Write> after,
            Predicate<Write> ofKind,
            ToLongFunction<Write> id,
            List<String> reused) {
        long highest = acknowledged(before).filter(ofKind).mapToLong(id).max().orElse(0);
        acknowledged(after)
                .filter(ofKind)
                .filter(write -> id.applyAsLong(write) <= highest)
                .forEach(write -> reused.add(
                        what + " " + id.applyAsLong(write) + " (acknowledged before: up to " + highest + ")"));
    }

    private static Stream<Write> acknowledged(List<Write> writes) {
        return writes.stream().filter(Write::acknowledged);
    }

    private void report(Findings findings, long restartSeconds, List<String> reusedIds) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                "durability (%s): %d of %d acknowledged writes lost, %d partial, %d doubled, restart in %d s;"
                        + " %d writes cut off by the kill: %d stored whole, %d left nothing;"
                        + " %s after the restart",
                database,
                findings.lost(),
                findings.acknowledged(),
                findings.partial(),
                findings.doubled(),
                restartSeconds,
                findings.cutOff(),
                findings.cutOffStored(),
                findings.cutOffAbsent(),
                reusedIds.isEmpty() ? "no id given again" : reusedIds.size() + " ids given again"));
        findings.problems().stream().limit(20).map(problem -> "  " + problem).forEach(lines::add);
        ProofReport.write("durability-" + database.toLowerCase(), lines);
    }
}
