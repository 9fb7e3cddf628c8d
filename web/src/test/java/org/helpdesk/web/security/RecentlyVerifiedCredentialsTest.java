package org.helpdesk.web.security;

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
}
