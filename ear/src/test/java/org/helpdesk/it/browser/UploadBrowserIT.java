package org.helpdesk.it.browser;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.helpdesk.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.helpdesk.it.support.TicketPages.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Attachments in the Get Support form as a person sees them: the progress of the upload, Rule 5 as files are chosen. */
@ExtendWith(ArquillianExtension.class)
class UploadBrowserIT {

    private static final long TEN_MB = 10L * 1024 * 1024;
    private static final Pattern SENDING = Pattern.compile("Sending the files: .+ of (.+) \\((\\d+) %\\)");

    @RegisterExtension
    final Browsers browsers = new Browsers();

    @TempDir
    Path folder;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.helpdesk();
    }

    /** A file of {@code size} bytes (sparse on disk: only its length matters here). */
    private Path file(String name, long size) throws Exception {
        Path file = folder.resolve(name);
        try (RandomAccessFile sized = new RandomAccessFile(file.toFile(), "rw")) {
            sized.setLength(size);
        }
        return file;
    }

    @Test
    void theUploadShowsHowMuchHasBeenSentUntilTheNewTicketOpens() throws Exception {
        Browser alice = browsers.signedIn("alice");
        String subject = unique("Progress");
        TicketForm.open(alice)
                .fill(subject, "A large log file.", "Medium", "North Clinic")
                .attach(file("large.log", 3 * 1024 * 1024));

        List<String> shown;
        try (AutoCloseable slowConnection = alice.slowUploads(1024 * 1024)) {
            shown = alice.submitWatching(TicketForm.SUBMIT, TicketForm.UPLOAD_STATUS, text -> {});
        }

        List<Integer> percents = shown.stream()
                .map(SENDING::matcher)
                .filter(Matcher::matches)
                .map(sending -> Integer.valueOf(sending.group(2)))
                .toList();
        assertTrue(
                percents.stream().anyMatch(percent -> percent > 0 && percent < 100),
                "the progress between start and end: " + shown);
        assertEquals(percents.stream().sorted().toList(), percents, "the progress only grows: " + shown);
        assertTrue(
                shown.stream()
                        .map(SENDING::matcher)
                        .filter(Matcher::matches)
                        .allMatch(sending -> sending.group(1).equals("3.0 MB")),
                "of the chosen files' size: " + shown);
        TicketThread ticket = new TicketThread(alice);
        assertEquals(subject, ticket.subject());
        assertEquals(List.of("large.log"), ticket.fileNames());
        assertTrue(alice.pageText().contains("large.log (3.0 MB)"), "the whole file arrived");
    }

    @Test
    void filesBeyondRule5AreRefusedAsTheyAreChosenAndTheFormIsNotSent() throws Exception {
        Browser alice = browsers.signedIn("alice");
        String subject = unique("Too many files");
        TicketForm form = TicketForm.open(alice).fill(subject, "Six files.", "Low", "North Clinic");

        form.attach(
                file("1.txt", 1),
                file("2.txt", 1),
                file("3.txt", 1),
                file("4.txt", 1),
                file("5.txt", 1),
                file("6.txt", 1));
        String refusal = form.uploadError();
        alice.find(TicketForm.SUBMIT).click();

        assertEquals("At most 5 files can be attached, each no larger than 10 MB.", refusal);
        assertEquals("/tickets/add", alice.path(), "the form stays");
        assertEquals(refusal, form.uploadError());
        form.attach(file("over.bin", TEN_MB + 1));
        assertEquals(refusal, form.uploadError(), "a file over 10 MB is refused too");

        form.attach(file("exactly-10-mb.bin", TEN_MB));
        assertEquals("", form.uploadError(), "one file of 10 MB is fine");
        TicketThread ticket = form.submit();
        assertEquals(subject, ticket.subject());
        assertEquals(List.of("exactly-10-mb.bin"), ticket.fileNames());
    }

    @Test
    void aRefusedFormKeepsTheChosenFiles() throws Exception {
        Browser alice = browsers.signedIn("alice");
        TicketForm form = TicketForm.open(alice)
                .attach(
                        Files.writeString(folder.resolve("screen.txt"), "E42"),
                        file("photo.png", 6 * 1024 * 1024),
                        file("second.png", 6 * 1024 * 1024));

        form.submitRefused();

        assertTrue(form.messages().contains("Enter a subject."), form.messages());
        assertEquals(3, alice.chosenFiles(TicketForm.ATTACHMENTS), "the files are still chosen");
        String subject = unique("Kept files");
        TicketThread ticket = form.fill(subject, "Now with a subject.", "High", "North Clinic")
                .submit();
        assertEquals(subject, ticket.subject());
        assertEquals(
                List.of("photo.png", "screen.txt", "second.png"),
                ticket.fileNames().stream().sorted().toList(),
                "two files of 6 MB are within Rule 5 (10 MB each)");
    }
}
