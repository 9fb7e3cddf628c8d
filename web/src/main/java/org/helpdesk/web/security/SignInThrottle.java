package org.helpdesk.web.security;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The defence against guessing passwords, for the login page and HTTP Basic alike:
 * <ul>
 * <li>at most {@value #ACCOUNT_FAILURES} failed sign-ins per user name (as typed, whether the
 * account exists or not) and {@value #ADDRESS_FAILURES} per client address within a window of
 * {@link #WINDOW}, counted from the window's first failure; beyond that every sign-in of that name
 * or from that address is refused, the right password included, until the window ends, without
 * asking an identity store. A successful sign-in clears its name's count, not its address's. Only
 * failures count: any number of sign-ins with the right password may run at once (an API client
 * with parallel requests);
 * <li>at most one PBKDF2 hash per processor at a time ({@link #hashed}): guesses sent in parallel
 * wait for a permit instead of taking every core; one that waits longer than {@link #HASH_WAIT}
 * is refused as "busy". A sign-in that got its permit is checked against the limits again before
 * its hash, so guesses sent in parallel get no more tries than guesses in a row (at most one per
 * permit beyond the limit).
 * </ul>
 * A refusal is {@link TooManyAttempts}, carrying how long to wait (the API's {@code Retry-After}).
 *
 * <p>Each node counts for itself, in memory: behind a load balancer an attacker gets these limits
 * once per node, and a restart forgets them. The client address is the connection's, so behind a
 * reverse proxy the server must take it from {@code X-Forwarded-For} (README, Security).
 */
@ApplicationScoped
public class SignInThrottle {

    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 30;
    static final Duration WINDOW = Duration.ofMinutes(5);

    /** How long a sign-in waits for a hashing permit before it is refused as busy. */
    static final Duration HASH_WAIT = Duration.ofSeconds(10);

    /** What a client refused as busy is told to wait. */
    static final Duration BUSY_RETRY = Duration.ofSeconds(5);

    /** Names or addresses counted at once; when full, the ones whose window ended are dropped. */
    static final int CAPACITY = 10_000;

    private final Map<String, Failures> failuresByAccount = new ConcurrentHashMap<>();
    private final Map<String, Failures> failuresByAddress = new ConcurrentHashMap<>();
    private final ThreadLocal<Attempt> attempt = new ThreadLocal<>();
    private final Semaphore hashPermits;
    private final Duration hashWait;
    private final Clock clock;

    public SignInThrottle() {
        this(Clock.systemUTC(), Runtime.getRuntime().availableProcessors(), HASH_WAIT);
    }

    SignInThrottle(Clock clock, int hashPermits, Duration hashWait) {
        this.clock = clock;
        this.hashPermits = new Semaphore(Math.max(1, hashPermits), true);
        this.hashWait = hashWait;
    }

    /**
     * Runs one sign-in's check of credentials under the throttle: refused ({@link TooManyAttempts})
     * without running it while its name or address is over the limit; an INVALID result counts as
     * a failure of both, a VALID one clears the name's count, and an exception (the directory
     * unreachable, too busy: nobody's fault) counts for nothing. Refusals and failures go to the
     * security log ({@link SecurityLog}).
     */
    CredentialValidationResult guard(
            HttpServletRequest request, Credential credential, Supplier<CredentialValidationResult> validation) {
        String username = credential instanceof UsernamePasswordCredential typed ? typed.getCaller() : null;
        String address = addressOf(request);
        CredentialValidationResult result;
        try {
            begin(username, address);
            result = attempting(username, address, validation);
        } catch (TooManyAttempts throttled) {
            SecurityLog.signInThrottled(request, username, throttled);
            throw throttled;
        }
        if (result.getStatus() == CredentialValidationResult.Status.VALID) {
            succeeded(username);
        } else {
            failed(username, address);
            SecurityLog.signInFailed(request, username);
        }
        return result;
    }

    /** Refuses ({@link TooManyAttempts}) a sign-in of this name or from this address while either is at its limit. */
    void begin(String username, String address) {
        Optional<Duration> wait = waitFor(username, address);
        if (wait.isPresent()) {
            throw new TooManyAttempts(wait.get(), false);
        }
    }

    /** A sign-in failed: one more failure for its name and for its address. */
    void failed(String username, String address) {
        long now = clock.millis();
        count(failuresByAccount, accountKey(username), now);
        count(failuresByAddress, address, now);
    }

    /** The sign-in succeeded: its name starts again from no failures. */
    void succeeded(String username) {
        failuresByAccount.remove(accountKey(username));
    }

    /** Runs {@code work} as the sign-in of this name from this address, for {@link #hashed}'s second check. */
    <T> T attempting(String username, String address, Supplier<T> work) {
        Attempt outer = attempt.get();
        attempt.set(new Attempt(username, address));
        try {
            return work.get();
        } finally {
            if (outer == null) {
                attempt.remove();
            } else {
                attempt.set(outer);
            }
        }
    }

    /** Runs one password hash check under a permit; refuses ({@link TooManyAttempts}, busy) when none comes in time. */
    public boolean hashed(BooleanSupplier hash) {
        boolean permitted;
        try {
            permitted = hashPermits.tryAcquire(hashWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new TooManyAttempts(BUSY_RETRY, true);
        }
        if (!permitted) {
            throw new TooManyAttempts(BUSY_RETRY, true);
        }
        try {
            Attempt current = attempt.get();
            if (current != null) {
                // Other guesses of this name may have failed while this one waited for its permit.
                begin(current.username(), current.address());
            }
            return hash.getAsBoolean();
        } finally {
            hashPermits.release();
        }
    }

    private static String addressOf(HttpServletRequest request) {
        return request.getRemoteAddr() == null ? "" : request.getRemoteAddr();
    }

    /** One name however it is typed: "Mark " and "mark" share their count. */
    static String accountKey(String username) {
        String key = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        return key.length() > 100 ? key.substring(0, 100) : key;
    }

    /** How long this name or address must wait before a sign-in, if either is at its limit. */
    private Optional<Duration> waitFor(String username, String address) {
        long now = clock.millis();
        return waitFor(failuresByAccount, accountKey(username), ACCOUNT_FAILURES, now)
                .or(() -> waitFor(failuresByAddress, address, ADDRESS_FAILURES, now));
    }

    private static Optional<Duration> waitFor(Map<String, Failures> counts, String key, int limit, long now) {
        Failures failures = counts.get(key);
        if (failures == null || failures.windowEnd() <= now || failures.count() < limit) {
            return Optional.empty();
        }
        return Optional.of(Duration.ofMillis(failures.windowEnd() - now));
    }

    private void count(Map<String, Failures> counts, String key, long now) {
        makeRoom(counts, now);
        counts.compute(
                key,
                (ignored, failures) -> failures == null || failures.windowEnd() <= now
                        ? new Failures(now + WINDOW.toMillis(), 1)
                        : new Failures(failures.windowEnd(), failures.count() + 1));
    }

    private static void makeRoom(Map<String, Failures> counts, long now) {
        if (counts.size() >= CAPACITY) {
            counts.values().removeIf(failures -> failures.windowEnd() <= now);
            if (counts.size() >= CAPACITY) {
                // Flooded with names or addresses: start again rather than grow without bound.
                counts.clear();
            }
        }
    }

    /** The failures of one name or address in its current window. */
    private record Failures(long windowEnd, int count) {}

    /** The sign-in that the current thread checks. */
    private record Attempt(String username, String address) {}

    /**
     * A sign-in refused before any password was checked: too many failures for its name or
     * address, or ({@code busy}) too many password checks at once.
     */
    public static final class TooManyAttempts extends RuntimeException {

        private static final long serialVersionUID = 1L;

        private final transient Duration retryAfter;
        private final boolean busy;

        TooManyAttempts(Duration retryAfter, boolean busy) {
            super(busy ? "Too many sign-ins at once" : "Too many failed sign-ins", null, false, false);
            this.retryAfter = retryAfter;
            this.busy = busy;
        }

        /** Whole seconds to wait, at least one (the API's {@code Retry-After}). */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }

        /** Whole minutes to wait, at least one (the login page's message). */
        public long retryAfterMinutes() {
            return Math.max(1, (retryAfterSeconds() + 59) / 60);
        }

        public boolean busy() {
            return busy;
        }
    }
}
