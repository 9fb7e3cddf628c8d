package org.helpdesk.it.mail;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.json.JsonObject;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import org.helpdesk.it.proof.ProofReport;
import org.helpdesk.it.support.Deployments;
import org.helpdesk.it.support.HelpdeskClient;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.helpdesk.it.mail.MailTestApi.API;
import static org.helpdesk.it.mail.MailTestApi.fileTicket;
import static org.helpdesk.it.mail.MailTestApi.object;
import static org.helpdesk.it.mail.MailTestApi.put;
import static org.helpdesk.it.mail.MailTestApi.unique;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Replies by e-mail, end to end: the tests read the reply addresses (helpdesk+token@…) from the
 * notifications the application sent to a real SMTP server ({@link TestMailServer}), answer them
 * through that server into the helpdesk's mailbox as a mail client would, and the application's
 * fetcher reads them over IMAP. A reply counts as handled once the fetcher marked it \Seen (it does
 * that only after its transaction committed); then the thread is read over the HTTP API.
 *
 * <p>Threaded: a requester's and a staff member's reply, as their senders, quotes and signatures
 * stripped, Rule 8 as on the page; an HTML-only reply without its quoted block, which reopens a
 * resolved ticket; a staff reply whose address differs in case; a file within Rule 5's limits, kept byte for byte (an embedded
 * signature image is not a file); a message fetched again (its \Seen flag cleared, as after a
 * crash between the commit and the flag) is posted once. Refused, nothing posted: a stranger and
 * another user with a real token, an auto-reply (Auto-Submitted, Precedence: bulk), bounces (null
 * sender, MAILER-DAEMON), a guessed, a changed, a missing and another person's token, an
 * over-limit file (10 MB + 1 byte, read to tell; 12 MB, told by its encoded size) and six files (the
 * sender gets a short note), a reply to a closed ticket (a note).
 * Run with {@code ./mvnw verify -Pmail}.
 */
@ExtendWith({TestMailServer.class, ArquillianExtension.class})
class MailRepliesIT {

    private static final Duration HANDLED = Duration.ofSeconds(60);

    private static final String ALICE = "alice@helpdesk.test";
    private static final String MARK = "mark@helpdesk.test";
    private static final String OLIVIA = "olivia@helpdesk.test";
    private static final String RON = "ron@helpdesk.test";
    private static final String EVE = "eve@elsewhere.test";

    private static final AtomicInteger threaded = new AtomicInteger();
    private static final AtomicInteger refused = new AtomicInteger();
    private static final List<String> refusals = new ArrayList<>();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @AfterAll
    static void figures() throws IOException {
        ProofReport.write(
                "mail-replies",
                List.of("mail: " + threaded.get() + " replies threaded, " + refused.get() + " refused ("
                        + String.join(", ", refusals) + ")"));
    }

    @Test
    void repliesOfTheRequesterAndOfStaffLandInTheThreadAsTheirSenders() throws Exception {
        String subject = unique("Printer by mail");
        long id = fileTicket("alice", subject);
        String aliceAddress = replyAddress(ALICE, id, "Request received");
        String markAddress = replyAddress(MARK, id, "New ticket");
        assertFalse(aliceAddress.equals(markAddress), "each recipient has a token of their own");

        String alice = send(reply(
                ALICE,
                aliceAddress,
                id,
                "The printer in room 4 still jams.\nIt started on Monday.\n\n-- \nAlice Archer\nNorth Clinic\n\n"
                        + "On Fri, 4 Dec 2026 at 10:00, Helpdesk <" + aliceAddress + "> wrote:\n"
                        + "> We received your request #" + id + "; you will hear from us here.\n"));
        awaitHandled(alice);
        String mark = send(reply(
                MARK,
                markAddress,
                id,
                "We will send a technician today.\n\nSent from my phone\n\n"
                        + "________________________________\nFrom: Helpdesk <helpdesk@helpdesk.test>\n"
                        + "Subject: [Helpdesk #" + id + "] New ticket: " + subject + "\n\nAlice Archer filed ticket #"
                        + id));
        awaitHandled(mark);

        JsonObject ticket = ticket("olivia", id);
        List<JsonObject> messages = messages(ticket);
        assertEquals(2, messages.size(), "both replies, once each: " + messages);
        assertThreaded(messages.get(0), "alice", "The printer in room 4 still jams.\nIt started on Monday.");
        assertThreaded(messages.get(1), "mark", "We will send a technician today.");
        assertEquals("in_progress", ticket.getString("status"), "staff answering an open ticket (Rule 8)");
        List<MimeMessage> told = TestMailServer.await(
                m -> to(m, ALICE) && subject(m).startsWith("[Helpdesk #" + id + "] New response"), 1, HANDLED);
        assertEquals(1, told.size(), "the requester hears of the staff's reply by mail, as of one on the page");
        assertTrue(Mail.of(told.get(0)).text().contains("> We will send a technician today."));
    }

    @Test
    void anHtmlReplyReopensAResolvedTicketAndStaffAnswerFromAnAddressInOtherCase() throws Exception {
        long id = fileTicket("alice", unique("HTML by mail"));
        String aliceAddress = replyAddress(ALICE, id, "Request received");
        String oliviaAddress = replyAddress(OLIVIA, id, "New ticket");
        put("mark", "/tickets/" + id + "/status", "{\"status\":\"resolved\"}");

        MimeMessage html = reply(ALICE, aliceAddress, id, "");
        html.setContent(
                "<div dir=\"ltr\">It is broken again since this morning.<br>Room 4 &amp; 5.</div><br>"
                        + "<div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">On Fri, 4 Dec 2026 at"
                        + " 10:00, Helpdesk &lt;" + aliceAddress + "&gt; wrote:<br></div>"
                        + "<blockquote class=\"gmail_quote\">Your request is now Resolved.</blockquote></div>",
                "text/html; charset=UTF-8");
        html.saveChanges();
        awaitHandled(send(html));
        JsonObject reopened = ticket("alice", id);
        assertEquals("open", reopened.getString("status"), "a requester's reply reopens a resolved ticket");
        awaitHandled(send(reply("Olivia Owens <OLIVIA@Helpdesk.TEST>", oliviaAddress, id, "Looking at it now.")));

        JsonObject ticket = ticket("olivia", id);
        List<JsonObject> messages = messages(ticket);
        assertEquals(2, messages.size(), messages.toString());
        assertThreaded(messages.get(0), "alice", "It is broken again since this morning.\nRoom 4 & 5.");
        assertThreaded(messages.get(1), "olivia", "Looking at it now.");
        assertEquals("in_progress", ticket.getString("status"), "staff answering an open ticket (Rule 8)");
    }

    @Test
    void aFileWithinTheLimitsIsKeptAndAnEmbeddedSignatureImageIsNot() throws Exception {
        long id = fileTicket("alice", unique("Photo by mail"));
        String address = replyAddress(ALICE, id, "Request received");
        byte[] photo = bytes(300 * 1024, 7);
        MimeMessage message = reply(ALICE, address, id, "Here is a photo of the jam.");
        attach(message, file("jam.png", "image/png", photo), inlineImage("logo.png", bytes(2048, 8)));
        awaitHandled(send(message));

        List<JsonObject> messages = messages(ticket("olivia", id));
        assertEquals(1, messages.size(), messages.toString());
        assertThreaded(messages.get(0), "alice", "Here is a photo of the jam.");
        List<JsonObject> files = messages.get(0).getJsonArray("attachments").getValuesAs(JsonObject.class);
        assertEquals(1, files.size(), "the photo; the signature's embedded logo is no file: " + files);
        assertEquals("jam.png", files.get(0).getString("fileName"));
        assertEquals(photo.length, files.get(0).getJsonNumber("size").longValue());
        HelpdeskClient client = HelpdeskClient.basic("alice", "demo");
        HttpResponse<byte[]> download = client.sendForBytes(client.request(API + "/tickets/" + id + "/attachments/"
                + files.get(0).getJsonNumber("id").longValue()));
        assertEquals(200, download.statusCode());
        assertArrayEquals(photo, download.body(), "kept byte for byte");
    }

    @Test
    void anOverLimitFileOrSixFilesStoreNothingAndTheSenderGetsANote() throws Exception {
        String subject = unique("Big file by mail");
        long id = fileTicket("alice", subject);
        String address = replyAddress(ALICE, id, "Request received");

        MimeMessage big = reply(ALICE, address, id, "The scan of the whole manual.");
        attach(
                big,
                file("small.txt", "text/plain", bytes(100, 1)),
                file("manual.pdf", "application/pdf", bytes(10 * 1024 * 1024 + 1, 2)));
        awaitRefused(id, send(big), "a file of 10 MB + 1 byte");
        MimeMessage six = reply(ALICE, address, id, "Six photos.");
        attach(
                six,
                file("1.png", "image/png", bytes(10, 1)),
                file("2.png", "image/png", bytes(10, 2)),
                file("3.png", "image/png", bytes(10, 3)),
                file("4.png", "image/png", bytes(10, 4)),
                file("5.png", "image/png", bytes(10, 5)),
                file("6.png", "image/png", bytes(10, 6)));
        awaitRefused(id, send(six), "six files");
        MimeMessage huge = reply(ALICE, address, id, "The scan in colour.");
        attach(huge, file("colour.pdf", "application/pdf", bytes(12 * 1024 * 1024, 3)));
        awaitRefused(id, send(huge), "a file of 12 MB");

        JsonObject ticket = ticket("alice", id);
        assertEquals(0, messages(ticket).size());
        assertEquals(0, ticket.getJsonArray("attachments").size(), "no file stored, not even the small one");
        List<Mail> notes = TestMailServer.await(
                        m -> to(m, ALICE) && subject(m).equals("[Helpdesk #" + id + "] Reply not posted: " + subject),
                        3,
                        HANDLED)
                .stream()
                .map(Mail::of)
                .toList();
        assertEquals(3, notes.size(), "one short note per refused reply, to its sender");
        assertTrue(notes.stream().anyMatch(n -> n.text().contains("colour.pdf")), notes.toString());
        assertTrue(
                notes.stream()
                        .anyMatch(n ->
                                n.text().contains("at most 10 MB") && n.text().contains("manual.pdf")),
                notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.text().contains("at most 5 files")), notes.toString());
        assertTrue(notes.stream().allMatch(n -> "auto-generated".equals(n.autoSubmitted())), "no mail loops");
    }

    @Test
    void strangersAutoRepliesAndBouncesAreNotPostedAndNotAnswered() throws Exception {
        long id = fileTicket("alice", unique("Strangers"));
        String address = replyAddress(ALICE, id, "Request received");

        awaitRefused(id, send(reply(EVE, address, id, "Click here to win.")), "a stranger with a real token");
        awaitRefused(id, send(reply(RON, address, id, "I am not the requester.")), "another user with a real token");
        MimeMessage outOfOffice = reply(ALICE, address, id, "I am out of the office until Monday.");
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        awaitRefused(id, send(outOfOffice), "Auto-Submitted: auto-replied");
        MimeMessage bulk = reply(ALICE, address, id, "Our newsletter.");
        bulk.setHeader("Precedence", "bulk");
        awaitRefused(id, send(bulk), "Precedence: bulk");
        // A bounce has the null sender, which the receiving server writes as Return-Path: <>.
        // GreenMail's SMTP refuses MAIL FROM:<>, so it is put into the mailbox as that server would.
        MimeMessage nullSender = reply(ALICE, address, id, "Delivery to the following recipient failed.");
        nullSender.setHeader("Return-Path", "<>");
        awaitRefused(id, deliver(nullSender), "a bounce (null sender)");
        MimeMessage daemon =
                reply("MAILER-DAEMON@helpdesk.test", address, id, "Delivery to the following recipient failed.");
        awaitRefused(id, send(daemon), "a bounce from MAILER-DAEMON");

        assertEquals(0, messages(ticket("alice", id)).size());
        List<MimeMessage> answers = TestMailServer.await(
                m -> Mail.about(m, id)
                        && !subject(m).contains("] Request received: ")
                        && !subject(m).contains("] New ticket: "),
                0,
                Duration.ZERO);
        assertEquals(List.of(), answers.stream().map(MailRepliesIT::subject).toList(), "nobody is answered");
        assertTrue(TestMailServer.matching(m -> to(m, EVE)).isEmpty(), "a stranger gets nothing");
    }

    @Test
    void aWrongOrGuessedTokenIsRefused() throws Exception {
        long id = fileTicket("alice", unique("Tokens"));
        String address = replyAddress(ALICE, id, "Request received");
        String marksAddress = replyAddress(MARK, id, "New ticket");
        String token = address.substring(address.indexOf('+') + 1, address.indexOf('@'));
        String guessed = HexFormat.of().formatHex(bytes(16, 42));
        char last = token.charAt(token.length() - 1);
        String changed = token.substring(0, token.length() - 1) + (last == '0' ? '1' : '0');

        awaitRefused(
                id, send(reply(ALICE, "helpdesk+" + guessed + "@helpdesk.test", id, "Guessed.")), "a guessed token");
        awaitRefused(
                id, send(reply(ALICE, "helpdesk+" + changed + "@helpdesk.test", id, "Changed.")), "a changed token");
        awaitRefused(id, send(reply(ALICE, TestMailServer.HELPDESK, id, "No token.")), "no token");
        awaitRefused(id, send(reply(ALICE, marksAddress, id, "Mark's token.")), "another person's token");

        assertEquals(0, messages(ticket("alice", id)).size());
    }

    @Test
    void aMessageFetchedAgainIsPostedOnce() throws Exception {
        long id = fileTicket("alice", unique("Fetched again"));
        String address = replyAddress(ALICE, id, "Request received");
        String messageId = send(reply(
                ALICE,
                address,
                id,
                "Posted once.\n\nOn Fri, 4 Dec 2026 at 10:00, Helpdesk\n<" + address + "> wrote:\n> We received your"
                        + " request."));
        awaitHandled(messageId);
        assertEquals(1, messages(ticket("alice", id)).size());

        // As if the node had died after the commit but before marking the message \Seen.
        setSeen(messageId, false);
        awaitHandled(messageId);

        List<JsonObject> messages = messages(ticket("olivia", id));
        assertEquals(1, messages.size(), "fetched twice, posted once: " + messages);
        assertThreaded(messages.get(0), "alice", "Posted once.");
    }

    @Test
    void aClosedTicketTakesNoReplyAndTheSenderIsTold() throws Exception {
        String subject = unique("Closed");
        long id = fileTicket("alice", subject);
        String address = replyAddress(ALICE, id, "Request received");
        put("mark", "/tickets/" + id + "/status", "{\"status\":\"closed\"}");

        awaitRefused(id, send(reply(ALICE, address, id, "One more thing.")), "a reply to a closed ticket");

        assertEquals(0, messages(ticket("alice", id)).size());
        List<MimeMessage> notes = TestMailServer.await(
                m -> to(m, ALICE) && subject(m).equals("[Helpdesk #" + id + "] Reply not posted: " + subject),
                1,
                HANDLED);
        assertEquals(1, notes.size());
        assertTrue(
                Mail.of(notes.get(0)).text().contains("closed"),
                Mail.of(notes.get(0)).text());
    }

    // Mail

    /** The reply address of the notification the ticket sent to {@code to}. */
    private static String replyAddress(String to, long id, String what) throws Exception {
        List<MimeMessage> found = TestMailServer.await(
                m -> to(m, to) && subject(m).startsWith("[Helpdesk #" + id + "] " + what + ": "), 1, HANDLED);
        assertEquals(1, found.size(), to + " " + what);
        Address[] replyTo = found.get(0).getReplyTo();
        String address = ((InternetAddress) replyTo[0]).getAddress();
        assertTrue(address.matches("helpdesk\\+[0-9a-f]{32}@helpdesk\\.test"), address);
        return address;
    }

    /** A reply as a mail client writes it, with a Message-ID of its own. */
    private static MimeMessage reply(String from, String to, long id, String text) throws MessagingException {
        String messageId = "<reply-" + UUID.randomUUID() + "@mail.test>";
        MimeMessage message = new MimeMessage(smtp()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(new InternetAddress(from, true));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject("Re: [Helpdesk #" + id + "]", "UTF-8");
        message.setText(text, "UTF-8");
        message.saveChanges();
        return message;
    }

    private static void attach(MimeMessage message, MimeBodyPart... files) throws Exception {
        MimeMultipart mixed = new MimeMultipart("mixed");
        MimeBodyPart text = new MimeBodyPart();
        text.setText((String) message.getContent(), "UTF-8");
        mixed.addBodyPart(text);
        for (MimeBodyPart file : files) {
            mixed.addBodyPart(file);
        }
        message.setContent(mixed);
        message.saveChanges();
    }

    private static MimeBodyPart file(String name, String type, byte[] content) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(Part.ATTACHMENT);
        return part;
    }

    private static MimeBodyPart inlineImage(String name, byte[] content) throws MessagingException {
        MimeBodyPart part = file(name, "image/png", content);
        part.setDisposition(Part.INLINE);
        part.setContentID("<logo-" + UUID.randomUUID() + "@mail.test>");
        return part;
    }

    /** Sends the reply through the SMTP server to the helpdesk's mailbox; returns its Message-ID. */
    private static String send(MimeMessage message) throws MessagingException {
        Transport.send(message, new Address[] {new InternetAddress(TestMailServer.HELPDESK)});
        return message.getMessageID();
    }

    /** Puts the message into the helpdesk's mailbox directly, as the receiving server would. */
    private static String deliver(MimeMessage message) throws MessagingException {
        TestMailServer.server()
                .getUserManager()
                .getUserByEmail(TestMailServer.HELPDESK)
                .deliver(message);
        return message.getMessageID();
    }

    /** Waits until the fetcher marked the message \Seen: handled, and its transaction committed. */
    private static void awaitHandled(String messageId) throws Exception {
        long deadline = System.nanoTime() + HANDLED.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<Boolean> seen = seen(messageId);
            if (seen.orElse(false)) {
                return;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("The fetcher did not handle " + messageId + " within " + HANDLED);
    }

    /** Waits until the message was handled, then checks that the ticket's thread did not get it. */
    private static void awaitRefused(long id, String messageId, String what) throws Exception {
        awaitHandled(messageId);
        assertEquals(0, messages(ticket("mark", id)).size(), what + " is not posted");
        refused.incrementAndGet();
        synchronized (refusals) {
            refusals.add(what);
        }
    }

    private static Optional<Boolean> seen(String messageId) throws MessagingException {
        return withInbox(Folder.READ_ONLY, message -> message.isSet(Flags.Flag.SEEN), messageId);
    }

    private static void setSeen(String messageId, boolean seen) throws MessagingException {
        Optional<Boolean> done = withInbox(
                Folder.READ_WRITE,
                message -> {
                    message.setFlag(Flags.Flag.SEEN, seen);
                    return true;
                },
                messageId);
        assertTrue(done.isPresent(), messageId + " is in the mailbox");
    }

    private interface OnMessage {
        boolean apply(Message message) throws MessagingException;
    }

    /** Applies {@code action} to the message with that Message-ID in the helpdesk's INBOX, over IMAP. */
    private static Optional<Boolean> withInbox(int mode, OnMessage action, String messageId) throws MessagingException {
        Properties properties = new Properties();
        properties.setProperty("mail.imap.peek", "true");
        Store store = Session.getInstance(properties).getStore("imap");
        store.connect("127.0.0.1", TestMailServer.IMAP_PORT, TestMailServer.HELPDESK, TestMailServer.HELPDESK_PASSWORD);
        try {
            Folder inbox = store.getFolder("INBOX");
            inbox.open(mode);
            try {
                for (Message message : inbox.getMessages()) {
                    String[] ids = message.getHeader("Message-ID");
                    if (ids != null && Arrays.asList(ids).contains(messageId)) {
                        return Optional.of(action.apply(message));
                    }
                }
                return Optional.empty();
            } finally {
                inbox.close(false);
            }
        } finally {
            store.close();
        }
    }

    private static Session smtp() {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", String.valueOf(TestMailServer.SMTP_PORT));
        return Session.getInstance(properties);
    }

    private static boolean to(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getAllRecipients())
                    .anyMatch(a -> ((InternetAddress) a).getAddress().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            return false;
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return "";
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    // The API

    /** A message of the thread as staff read it (a requester sees others by display name only). */
    private static void assertThreaded(JsonObject message, String author, String text) {
        assertEquals(author, message.getJsonObject("author").getString("username"), message.toString());
        assertEquals(text, message.getString("text"), "quotes and signature stripped");
        assertFalse(message.getBoolean("internal"));
        threaded.incrementAndGet();
    }

    private static List<JsonObject> messages(JsonObject ticket) {
        return ticket.getJsonArray("messages").getValuesAs(JsonObject.class).stream()
                .filter(Predicate.not(m -> m.getBoolean("internal")))
                .toList();
    }

    private static JsonObject ticket(String username, long id) throws IOException, InterruptedException {
        HttpResponse<String> answer = HelpdeskClient.basic(username, "demo").getJson(API + "/tickets/" + id);
        assertEquals(200, answer.statusCode(), answer.body());
        return object(answer);
    }
}
