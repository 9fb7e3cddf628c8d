package org.helpdesk.mail;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailContentTest {

    private final MailContent content = new MailContent(
            "[Helpdesk #7] New response: <Printer>",
            "Mark responded to your request #7.",
            List.of("Status: In progress"),
            "Line one <script>alert('x')</script>\nline \"two\" & more",
            "https://helpdesk.example/tickets/view/7");

    @Test
    void plainTextQuotesEveryLineAndEndsWithTheLink() {
        assertEquals(
                "Mark responded to your request #7.\n\n"
                        + "Status: In progress\n\n"
                        + "> Line one <script>alert('x')</script>\n"
                        + "> line \"two\" & more\n\n"
                        + "View the ticket: https://helpdesk.example/tickets/view/7\n",
                content.plainText());
    }

    @Test
    void htmlEscapesEveryValue() {
        String html = content.html();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("Line one &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), html);
        assertTrue(html.contains("line &quot;two&quot; &amp; more"), html);
        assertTrue(html.contains("<a href=\"https://helpdesk.example/tickets/view/7\">"), html);
    }

    @Test
    void withoutQuoteThereIsNoQuotedBlock() {
        MailContent status = new MailContent("s", "Your request #7 is now Resolved.", List.of(), null, "https://h/t/7");
        assertFalse(status.plainText().contains("> "));
        assertFalse(status.html().contains("blockquote"));
    }

    @Test
    void backOffDoublesUpToTheMaximum() {
        Duration initial = Duration.ofSeconds(30);
        Duration max = Duration.ofMinutes(5);
        assertEquals(Duration.ofSeconds(30), MailSettings.backOff(1, initial, max));
        assertEquals(Duration.ofSeconds(60), MailSettings.backOff(2, initial, max));
        assertEquals(Duration.ofSeconds(240), MailSettings.backOff(4, initial, max));
        assertEquals(max, MailSettings.backOff(5, initial, max));
        assertEquals(max, MailSettings.backOff(1000, initial, max));
    }
}
