package org.helpdesk.mail;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class OutboxMailTest {

    private static final Instant WRITTEN = Instant.parse("2026-01-01T10:00:00Z");
    private static final Duration INITIAL = Duration.ofSeconds(10);
    private static final Duration MAX = Duration.ofSeconds(40);
    private static final Duration GIVE_UP = Duration.ofSeconds(100);

    private static OutboxMail mail() {
        return new OutboxMail(
                1,
                "a@example.org",
                MailKind.STAFF_RESPONSE,
                7L,
                new MailContent("s", "h", List.of(), "q", "l"),
                WRITTEN);
    }

    @Test
    void aFailureIsRetriedLaterWithBackOffThenGivenUp() {
        OutboxMail mail = mail();
        Instant now = WRITTEN;
        mail.failed("refused", now, INITIAL, MAX, GIVE_UP);
        assertEquals(MailState.PENDING, mail.getState());
        assertEquals(WRITTEN.plusSeconds(10), mail.getNextAttemptAt());
        now = mail.getNextAttemptAt();
        mail.failed("refused", now, INITIAL, MAX, GIVE_UP);
        assertEquals(now.plusSeconds(20), mail.getNextAttemptAt());
        now = mail.getNextAttemptAt(); // +30 s
        mail.failed("refused", now, INITIAL, MAX, GIVE_UP);
        assertEquals(now.plusSeconds(40), mail.getNextAttemptAt()); // +70 s
        now = mail.getNextAttemptAt();
        mail.failed("refused", now, INITIAL, MAX, GIVE_UP); // next would be +110 s: past the limit
        assertEquals(MailState.DEAD, mail.getState());
        assertEquals(4, mail.getAttempts());
        assertEquals("refused", mail.getLastError());
    }

    @Test
    void aDeadMailRetriedIsPendingAgainWithAFreshLimit() {
        OutboxMail mail = mail();
        mail.failed("x", WRITTEN.plusSeconds(200), INITIAL, MAX, GIVE_UP);
        assertEquals(MailState.DEAD, mail.getState());
        Instant retried = WRITTEN.plusSeconds(300);
        mail.retry(retried);
        assertEquals(MailState.PENDING, mail.getState());
        assertEquals(retried, mail.getNextAttemptAt());
        assertEquals(0, mail.getAttempts());
        mail.sent(retried);
        assertEquals(MailState.SENT, mail.getState());
        assertNull(mail.getLastError());
    }
}
