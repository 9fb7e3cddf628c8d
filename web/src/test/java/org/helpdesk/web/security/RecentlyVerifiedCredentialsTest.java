package org.helpdesk.web.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentlyVerifiedCredentialsTest {

    private final MutableClock clock = new MutableClock();
    private final RecentlyVerifiedCredentials credentials = new RecentlyVerifiedCredentials(clock);

    @Test
    void rememberedCredentialsMatchUntilTheyExpire() {
        credentials.remember("alice", "demo", "hash-1");
        assertTrue(credentials.contains("alice", "demo", "hash-1"));

        clock.advance(RecentlyVerifiedCredentials.TIME_TO_LIVE.plusSeconds(1));
        assertFalse(credentials.contains("alice", "demo", "hash-1"));
    }

    @Test
    void anotherPasswordOrAChangedStoredHashDoesNotMatch() {
        credentials.remember("alice", "demo", "hash-1");

        assertFalse(credentials.contains("alice", "Demo", "hash-1"));
        assertFalse(credentials.contains("alice", "demo", "hash-2"));
        assertFalse(credentials.contains("alic", "edemo", "hash-1"));
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
