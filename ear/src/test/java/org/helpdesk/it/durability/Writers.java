package org.helpdesk.it.durability;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.json.JsonObject;

import org.helpdesk.it.durability.Write.Kind;
import org.helpdesk.it.durability.Write.SentFile;
import org.helpdesk.it.support.HelpdeskClient;
import org.helpdesk.it.support.HelpdeskClient.FilePart;

/**
 * Concurrent API clients that write until they are told to stop, and the log of every write they
 * sent. Each client repeats: alice files a ticket at North Clinic (every third one with one or two
 * files), answers it (every second answer with a file), and a staff member of North Clinic (mark
 * or olivia) adds an internal note (every third one with a file). Each client works on its own
 * tickets, so no write races another and every refusal is a defect. Without a think time each
 * client sends its next write as soon as the last was answered (the most a server can be asked);
 * with one it waits that long after each write, as people at a desk would. Files are random bytes, some
 * larger than one storage chunk (256 KB), known afterwards by name, size and SHA-256.
 */
public final class Writers {

    private static final int NORTH_CLINIC = 1;

    private final String api;
    private final String runId;
    private final AtomicBoolean stopping = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Write> writes = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<String> refusals = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final ExecutorService clients;
    private final int count;
    private final Duration thinkTime;

    /** Clients that send their next write as soon as the last one was answered. */
    public Writers(String baseUrl, String runId, int count) {
        this(baseUrl, runId, count, Duration.ZERO);
    }

    /** Clients that wait {@code thinkTime} after each answered write, as people at a desk would. */
    public Writers(String baseUrl, String runId, int count, Duration thinkTime) {
        this.api = baseUrl + "/api/v1";
        this.runId = runId;
        this.count = count;
        this.thinkTime = thinkTime;
        this.clients = Executors.newFixedThreadPool(count, task -> {
            Thread thread = new Thread(task, "durability-client");
            thread.setDaemon(true);
            return thread;
        });
    }

    public void start() {
        for (int client = 0; client < count; client++) {
            int number = client;
            clients.execute(() -> write(number));
        }
    }

    /** From now on no client sends a new write; the ones under way end with their answer or failure. */
    public void stopSending() {
        stopping.set(true);
    }

    public void awaitEnd() throws InterruptedException {
        clients.shutdown();
        if (!clients.awaitTermination(90, TimeUnit.SECONDS)) {
            clients.shutdownNow();
            throw new IllegalStateException("The clients did not end within 90 s");
        }
    }

    /** Ends the clients at once (a failed test). */
    public void abort() {
        stopping.set(true);
        clients.shutdownNow();
    }

    public List<Write> writes() {
        return List.copyOf(writes);
    }

    public long acknowledged() {
        return writes.stream().filter(Write::acknowledged).count();
    }

    /**
     * When each write was sent and answered, and whether it was acknowledged (201), in the order of the
     * answers: a cluster test reads from it when clients saw errors and when they stopped.
     *
     * @param sentNanos {@link System#nanoTime()} when the write was sent
     * @param atNanos {@link System#nanoTime()} when the answer (or the failure) came
     * @param acknowledged whether the answer was 201
     * @param what the write and, when not acknowledged, the status or the failure
     */
    public record Answer(long sentNanos, long atNanos, boolean acknowledged, String what) {}

    public List<Answer> answers() {
        return List.copyOf(answers);
    }

    /** Answers other than 201, and failures before the kill: none is expected. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void write(int client) {
        HelpdeskClient requester = HelpdeskClient.basic("alice", "demo");
        HelpdeskClient staff = HelpdeskClient.basic(client % 2 == 0 ? "mark" : "olivia", "demo");
        SplittableRandom random = new SplittableRandom(client);
        for (int round = 0; !stopping.get(); round++) {
            WithFiles files = new WithFiles(round % 3 == 1, round % 2 == 0, round % 3 == 2);
            writeRound(client + "-" + round, files, requester, staff, random);
            think();
        }
    }

    /** Which writes of a round carry files. */
    private record WithFiles(boolean ticket, boolean response, boolean note) {}

    /**
     * One round, in the calling thread: a ticket, a response and an internal note, each with files.
     * Returns the writes of the round, also kept in the log.
     */
    List<Write> writeOneRound() {
        int before = writes.size();
        writeRound(
                "single",
                new WithFiles(true, true, true),
                HelpdeskClient.basic("alice", "demo"),
                HelpdeskClient.basic("mark", "demo"),
                new SplittableRandom());
        return List.copyOf(writes).subList(before, writes.size());
    }

    private void writeRound(
            String name, WithFiles withFiles, HelpdeskClient requester, HelpdeskClient staff, SplittableRandom random) {
        String token = runId + "-" + name;
        Write ticket = fileTicket(
                requester, token, withFiles.ticket() ? files(random, token + "-t", 1 + random.nextInt(2)) : List.of());
        if (!ticket.acknowledged() || stopping.get()) {
            pauseAfterFailure(ticket);
            return;
        }
        think();
        addMessage(
                requester,
                Kind.RESPONSE,
                ticket.ticketId(),
                "Response " + token,
                withFiles.response() ? files(random, token + "-r", 1) : List.of());
        think();
        if (stopping.get()) {
            return;
        }
        addMessage(
                staff,
                Kind.INTERNAL_NOTE,
                ticket.ticketId(),
                "Internal note " + token,
                withFiles.note() ? files(random, token + "-n", 1) : List.of());
    }

    private Write fileTicket(HelpdeskClient client, String token, List<Upload> files) {
        String subject = "Durability " + token;
        String details = "Filed by a durability client.";
        return send(
                Kind.TICKET,
                subject,
                0,
                files,
                () -> files.isEmpty()
                        ? client.postJson(
                                api + "/tickets",
                                "{\"subject\":\"" + subject + "\",\"details\":\"" + details
                                        + "\",\"urgency\":\"medium\",\"locationId\":" + NORTH_CLINIC + "}")
                        : client.postMultipart(
                                api + "/tickets",
                                Map.of(
                                        "subject",
                                        subject,
                                        "details",
                                        details,
                                        "urgency",
                                        "medium",
                                        "locationId",
                                        String.valueOf(NORTH_CLINIC)),
                                Map.of("attachments", parts(files))));
    }

    private void addMessage(HelpdeskClient client, Kind kind, long ticketId, String text, List<Upload> files) {
        boolean internal = kind == Kind.INTERNAL_NOTE;
        String path = api + "/tickets/" + ticketId + "/messages";
        send(
                kind,
                text,
                ticketId,
                files,
                () -> files.isEmpty()
                        ? client.postJson(path, "{\"text\":\"" + text + "\",\"internal\":" + internal + "}")
                        : client.postMultipart(
                                path,
                                Map.of("text", text, "internal", String.valueOf(internal)),
                                Map.of("attachments", parts(files))));
    }

    private void think() {
        if (!thinkTime.isZero() && !stopping.get()) {
            sleep(thinkTime.toMillis());
        }
    }

    /** A client whose write failed waits a little before the next, as a user would, instead of spinning. */
    private void pauseAfterFailure(Write write) {
        if (!write.acknowledged() && !stopping.get()) {
            sleep(100);
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping.set(true);
        }
    }

    private interface Request {
        HttpResponse<String> send() throws IOException, InterruptedException;
    }

    /** Sends one write and logs it with what the answer says of it. */
    private Write send(Kind kind, String text, long ticketId, List<Upload> uploads, Request request) {
        List<SentFile> sent = uploads.stream().map(Upload::sent).toList();
        Write cutOff = new Write(kind, text, ticketId, 0, sent, false);
        Write write;
        long sentAt = System.nanoTime();
        try {
            HttpResponse<String> answer = request.send();
            if (answer.statusCode() == 201) {
                write = acknowledged(kind, text, ticketId, sent, Json.object(answer.body()));
                answers.add(new Answer(sentAt, System.nanoTime(), true, write.toString()));
            } else {
                refusals.add(cutOff + ": " + answer.statusCode() + " " + answer.body());
                answers.add(new Answer(sentAt, System.nanoTime(), false, cutOff + ": " + answer.statusCode()));
                write = cutOff;
            }
        } catch (IOException failed) {
            answers.add(new Answer(sentAt, System.nanoTime(), false, cutOff + ": " + failed));
            if (!stopping.get()) {
                refusals.add(cutOff + " failed before the kill: " + failed);
            }
            write = cutOff;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            stopping.set(true);
            write = cutOff;
        }
        writes.add(write);
        return write;
    }

    /** The write as the 201 answer (the ticket view) describes it: the ids of the ticket or message and its files. */
    private static Write acknowledged(Kind kind, String text, long ticketId, List<SentFile> sent, JsonObject ticket) {
        if (kind == Kind.TICKET) {
            return new Write(
                    kind,
                    text,
                    ticket.getJsonNumber("id").longValue(),
                    0,
                    withIds(sent, ticket.getJsonArray("attachments").getValuesAs(JsonObject.class)),
                    true);
        }
        JsonObject message = Json.messagesWithText(ticket, text).stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("The answer lacks the message " + text + ": " + ticket));
        return new Write(
                kind,
                text,
                ticketId,
                message.getJsonNumber("id").longValue(),
                withIds(sent, message.getJsonArray("attachments").getValuesAs(JsonObject.class)),
                true);
    }

    private static List<SentFile> withIds(List<SentFile> sent, List<JsonObject> answered) {
        List<SentFile> files = new ArrayList<>();
        for (SentFile file : sent) {
            long id = answered.stream()
                    .filter(info -> info.getString("fileName").equals(file.fileName()))
                    .mapToLong(info -> info.getJsonNumber("id").longValue())
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("The answer lacks the file " + file.fileName()));
            files.add(file.withId(id));
        }
        return files;
    }

    /** A file to send and what is remembered of it. */
    record Upload(FilePart part, SentFile sent) {}

    private static List<FilePart> parts(List<Upload> uploads) {
        return uploads.stream().map(Upload::part).toList();
    }

    /** {@code count} files of random bytes of up to 16 KB; one in eight is larger than a storage chunk of 256 KB. */
    static List<Upload> files(SplittableRandom random, String prefix, int count) {
        List<Upload> files = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            int size = random.nextInt(8) == 0 ? 256 * 1024 + random.nextInt(64 * 1024) : 1 + random.nextInt(16 * 1024);
            byte[] content = new byte[size];
            random.nextBytes(content);
            String fileName = prefix + "-" + n + ".bin";
            files.add(new Upload(
                    new FilePart(fileName, "application/octet-stream", content),
                    new SentFile(fileName, size, sha256(content), 0)));
        }
        return files;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
