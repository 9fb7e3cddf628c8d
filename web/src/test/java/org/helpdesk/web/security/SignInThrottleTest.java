package org.helpdesk.web.security;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SignInThrottleTest {

    private final MutableClock clock = new MutableClock();
    private final SignInThrottle throttle = new SignInThrottle(clock, 2, Duration.ZERO);

    /** A sign-in that fails. */
    private void fail(String username, String address) {
        throttle.begin(username, address);
        throttle.failed(username, address);
    }

    @Test
    void aNameIsRefusedAfterItsFailuresUntilTheWindowEnds() {
        for (int failure = 0; failure < SignInThrottle.ACCOUNT_FAILURES; failure++) {
            String address = "10.0.0." + failure;
            assertDoesNotThrow(() -> fail("mark", address));
        }

        SignInThrottle.TooManyAttempts refusal =
                assertThrows(SignInThrottle.TooManyAttempts.class, () -> throttle.begin("mark", "10.0.0.99"));
        assertEquals(SignInThrottle.WINDOW.toSeconds(), refusal.retryAfterSeconds());
        assertFalse(refusal.busy());
        assertThrows(SignInThrottle.TooManyAttempts.class, () -> throttle.begin(" Mark", "10.0.0.99"), "one name");
        assertDoesNotThrow(() -> fail("alice", "10.0.0.99"), "other names go on");

        clock.advance(SignInThrottle.WINDOW.minusSeconds(60));
        assertEquals(
                60,
                assertThrows(SignInThrottle.TooManyAttempts.class, () -> throttle.begin("mark", "10.0.0.99"))
                        .retryAfterSeconds());
        clock.advance(Duration.ofSeconds(60));
        assertDoesNotThrow(() -> fail("mark", "10.0.0.99"));
    }

    @Test
    void anAddressIsRefusedAfterItsFailuresForEveryNameWithoutCountingAgainstThatName() {
        for (int failure = 0; failure < SignInThrottle.ADDRESS_FAILURES; failure++) {
            String username = "guess-" + failure;
            assertDoesNotThrow(() -> fail(username, "10.0.0.1"));
        }

        for (int refused = 0; refused < SignInThrottle.ACCOUNT_FAILURES; refused++) {
            assertThrows(SignInThrottle.TooManyAttempts.class, () -> throttle.begin("alice", "10.0.0.1"));
        }
        assertDoesNotThrow(() -> fail("alice", "10.0.0.2"), "the refusals did not count against alice");
    }

    @Test
    void aSuccessClearsTheNamesFailuresButNotTheAddresses() {
        for (int failure = 0; failure < SignInThrottle.ACCOUNT_FAILURES - 1; failure++) {
            fail("mark", "10.0.0.1");
        }
        throttle.begin("mark", "10.0.0.1");
        throttle.succeeded("mark");
        for (int failure = 0; failure < SignInThrottle.ACCOUNT_FAILURES - 1; failure++) {
            fail("mark", "10.0.0.1");
        }

        assertDoesNotThrow(() -> fail("mark", "10.0.0.2"));
        for (int failure = 2 * (SignInThrottle.ACCOUNT_FAILURES - 1);
                failure < SignInThrottle.ADDRESS_FAILURES;
                failure++) {
            fail("guess-" + failure, "10.0.0.1");
        }
        assertThrows(SignInThrottle.TooManyAttempts.class, () -> throttle.begin("olivia", "10.0.0.1"));
    }

    @Test
    void signInsUnderWayOrEndedNeitherWayDoNotCount() {
        // An API client's parallel requests with the right password: many sign-ins begun at once.
        for (int attempt = 0; attempt < 4 * SignInThrottle.ADDRESS_FAILURES; attempt++) {
            throttle.begin("alice", "10.0.0.1");
        }

        assertDoesNotThrow(() -> fail("alice", "10.0.0.1"));
    }

    @Test
    void aGuessThatWaitedForItsHashIsCheckedAgainFirst() {
        // Guesses sent in parallel all passed the first check; meanwhile the others failed.
        for (int failure = 0; failure < SignInThrottle.ACCOUNT_FAILURES; failure++) {
            fail("mark", "10.0.0." + failure);
        }
        boolean[] hashed = {false};

        assertThrows(
                SignInThrottle.TooManyAttempts.class,
                () -> throttle.attempting("mark", "10.0.0.99", () -> throttle.hashed(() -> hashed[0] = true)));
        assertFalse(hashed[0], "no hash for a guess over the limit");
        assertTrue(throttle.attempting("alice", "10.0.0.99", () -> throttle.hashed(() -> true)), "others go on");
        assertTrue(throttle.hashed(() -> true), "the permit came back");
    }

    @Test
    void noMoreHashesRunAtOnceThanThereArePermits() throws Exception {
        CountDownLatch bothInside = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> first = pool.submit(() -> throttle.hashed(() -> hold(bothInside, release)));
            Future<Boolean> second = pool.submit(() -> throttle.hashed(() -> hold(bothInside, release)));
            bothInside.await();

            SignInThrottle.TooManyAttempts busy =
                    assertThrows(SignInThrottle.TooManyAttempts.class, () -> throttle.hashed(() -> true));
            assertTrue(busy.busy());
            assertEquals(SignInThrottle.BUSY_RETRY.toSeconds(), busy.retryAfterSeconds());

            release.countDown();
            assertTrue(first.get());
            assertTrue(second.get());
            assertTrue(throttle.hashed(() -> true), "the permits came back");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void theRefusalRoundsItsWaitUp() {
        assertEquals(1, new SignInThrottle.TooManyAttempts(Duration.ofMillis(10), false).retryAfterSeconds());
        assertEquals(1, new SignInThrottle.TooManyAttempts(Duration.ofSeconds(59), false).retryAfterMinutes());
        assertEquals(2, new SignInThrottle.TooManyAttempts(Duration.ofSeconds(61), false).retryAfterMinutes());
    }

    private static boolean hold(CountDownLatch inside, CountDownLatch release) {
        inside.countDown();
        try {
            release.await();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
        return true;
    }
}
