package org.helpdesk.it.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real SMTP and IMAP server for the mail tests: GreenMail on 127.0.0.1 at {@code it.smtp.port}
 * (3425) and {@code it.imap.port} (3543), where the test server's mail session points (ear/pom.xml,
 * -Pmail). The helpdesk's own mailbox, {@link #HELPDESK} (password {@link #HELPDESK_PASSWORD}), is
 * where replies arrive and the fetcher reads them; every other address gets a mailbox of its own
 * at its first mail. It can be stopped and started again on the same ports to play an outage; what
 * the application sent before a stop is kept, so {@link #received()} is every notification that
 * ever arrived.
 */
public final class TestMailServer implements BeforeAllCallback, AfterAllCallback {

    static final int SMTP_PORT = Integer.getInteger("it.smtp.port", 3425);
    static final int IMAP_PORT = Integer.getInteger("it.imap.port", 3543);

    /** The helpdesk's mailbox: the sender address of the notifications, and their replies' box. */
    static final String HELPDESK = "helpdesk@helpdesk.test";

    static final String HELPDESK_PASSWORD = "helpdesk";

    /** The header every mail the application sends carries (MailDelivery.OUTBOX_ID_HEADER). */
    private static final String OUTBOX_ID = "X-Helpdesk-Outbox-Id";

    private static GreenMail server;
    private static final List<MimeMessage> beforeRestarts = new ArrayList<>();

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    static synchronized void start() {
        if (server == null) {
            server = new GreenMail(new ServerSetup[] {
                new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP),
                new ServerSetup(IMAP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_IMAP)
            });
            server.setUser(HELPDESK, HELPDESK, HELPDESK_PASSWORD);
            server.start();
        }
    }

    /** Stops the server: from now on the sender's and the fetcher's connections are refused. */
    static synchronized void stop() {
        if (server != null) {
            beforeRestarts.addAll(sentByTheApplication(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /**
     * Every message the application sent so far, across restarts, in order of arrival (not the
     * replies the tests put into the helpdesk's mailbox).
     */
    static synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(beforeRestarts);
        if (server != null) {
            all.addAll(sentByTheApplication(server.getReceivedMessages()));
        }
        return all;
    }

    /** The running server, for the replies' tests to deliver into a mailbox as its MTA would. */
    static synchronized GreenMail server() {
        if (server == null) {
            throw new IllegalStateException("The test mail server is not running");
        }
        return server;
    }

    private static List<MimeMessage> sentByTheApplication(MimeMessage[] messages) {
        return Arrays.stream(messages)
                .filter(message -> {
                    try {
                        return message.getHeader(OUTBOX_ID) != null;
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }

    /**
     * Waits until at least {@code count} received messages match, then a little longer so that a
     * message too many would show; returns the matching ones.
     */
    static List<MimeMessage> await(Predicate<MimeMessage> matching, int count, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<MimeMessage> found = matching(matching);
        while (found.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(200);
            found = matching(matching);
        }
        // The sender runs every 2 s: two more ticks would deliver anything else that was due.
        Thread.sleep(4500);
        return matching(matching);
    }

    static List<MimeMessage> matching(Predicate<MimeMessage> matching) {
        return received().stream().filter(matching).toList();
    }
}
