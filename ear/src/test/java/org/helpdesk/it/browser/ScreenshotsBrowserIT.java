package org.helpdesk.it.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Takes the README's screenshots (docs/screenshots) of a small, realistic story: three requests of
 * Alice's, one of them answered by Mark with an internal note. Other tests file requests for Alice
 * too, so the lists are searched for this run's reference number to show only the story's.
 */
@ExtendWith(ArquillianExtension.class)
class ScreenshotsBrowserIT {

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    @Test
    void theMainPages() throws Exception {
        String reference = "HD-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
        Path log = Files.writeString(
                folder.resolve("vpn-client.log"),
                "10:15 tunnel closed by peer\n".repeat(100_000),
                StandardCharsets.UTF_8);
        Browser alice = browsers.signedIn("alice");
        Browser mark = browsers.signedIn("mark");

        TicketForm.open(alice)
                .fill(
                        "VPN disconnects every few minutes",
                        "Since Monday the VPN drops every few minutes, "
                                + "so I lose the connection to the scheduling system.\nReference: " + reference,
                        "High",
                        "North Clinic")
                .attach(log);
        AtomicBoolean uploadCaught = new AtomicBoolean();
        try (AutoCloseable slowConnection = alice.slowUploads(512 * 1024)) {
            alice.submitWatching(TicketForm.SUBMIT, TicketForm.UPLOAD_STATUS, shown -> {
                if (shown.startsWith("Sending") && shown.contains("(3") && !uploadCaught.getAndSet(true)) {
                    saveScreenshot(alice, "add-uploading");
                }
            });
        }
        long vpn = new TicketThread(alice).id();
        TicketForm.open(alice)
                .fill(
                        "New starter needs an account",
                        "Jamie starts on the 1st and needs a login.\nReference: " + reference,
                        "Medium",
                        "North Clinic")
                .submit();
        long invoice = TicketForm.open(alice)
                .fill(
                        "Invoice shows the wrong clinic",
                        "March's invoice names South Clinic.\nReference: " + reference,
                        "Low",
                        "North Clinic")
                .submit()
                .id();
        TicketThread.open(mark, invoice).triage("Resolved", "Mark Mendez", "Billing");
        TicketThread.open(mark, vpn)
                .triage(null, "Mark Mendez", "Technical")
                .respond("Thanks, Alice. Could you tell us when it last dropped?")
                .addNote("Probably the North Clinic firewall: its idle timeout changed on Monday.");
        TicketThread.open(alice, vpn).respond("It dropped at 10:15 and again at 10:40 today.");

        MyTickets.open(alice).search(reference, "All statuses");
        Screenshots.save(alice, "my-tickets");
        TicketForm.open(alice);
        alice.submitInPlace(TicketForm.SUBMIT);
        Screenshots.save(alice, "add-validation");
        TicketThread.open(alice, vpn);
        Screenshots.save(alice, "ticket-requester");
        TicketThread.open(mark, vpn);
        Screenshots.save(mark, "ticket-staff");
        mark.open("/staff/queue").type("q", reference).submit("filter");
        Path queue = Screenshots.save(mark, "staff-queue");

        assertTrue(Files.size(queue) > 0);
        assertTrue(uploadCaught.get(), "the upload was caught under way, at 30 to 39 %");
    }

    private static void saveScreenshot(Browser browser, String name) {
        try {
            Screenshots.save(browser, name);
        } catch (IOException unwritable) {
            throw new UncheckedIOException(unwritable);
        }
    }
}
