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
 * A real SMTP server for the mail tests: GreenMail on 127.0.0.1 at {@code it.smtp.port} (3425),
 * where the test server's mail session points (ear/pom.xml, -Pmail). It can be stopped and started
 * again on the same port to play an outage; what it received before a stop is kept, so
 * {@link #received()} is everything that ever arrived.
 */
public final class TestMailServer implements BeforeAllCallback, AfterAllCallback {

    private static final int PORT = Integer.getInteger("it.smtp.port", 3425);

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
            server = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
        }
    }

    /** Stops the server: from now on the sender's connections are refused. */
    static synchronized void stop() {
        if (server != null) {
            beforeRestarts.addAll(Arrays.asList(server.getReceivedMessages()));
            server.stop();
            server = null;
        }
    }

    /** Every message received so far, across restarts, in order of arrival. */
    static synchronized List<MimeMessage> received() {
        List<MimeMessage> all = new ArrayList<>(beforeRestarts);
        if (server != null) {
            all.addAll(Arrays.asList(server.getReceivedMessages()));
        }
        return all;
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
