package org.helpdesk.web.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * A short-lived memory of credentials that passed the slow PBKDF2 check, kept as HMAC-SHA256
 * digests under a random key that never leaves this JVM, so that the memory holds nothing an
 * attacker could test passwords against. The stored hash is part of the digest: a changed password
 * no longer matches at once. Each node keeps its own; a miss only costs one PBKDF2 check.
 */
@ApplicationScoped
public class RecentlyVerifiedCredentials {

    static final Duration TIME_TO_LIVE = Duration.ofMinutes(5);
    static final int CAPACITY = 10_000;

    private final Map<String, Long> expiryByDigest = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    public RecentlyVerifiedCredentials() {
        this(Clock.systemUTC());
    }

    RecentlyVerifiedCredentials(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    boolean contains(String username, String password, String storedHash) {
        Long expiry = expiryByDigest.get(digest(username, password, storedHash));
        return expiry != null && expiry > clock.millis();
    }

    void remember(String username, String password, String storedHash) {
        if (expiryByDigest.size() >= CAPACITY) {
            long now = clock.millis();
            expiryByDigest.values().removeIf(expiry -> expiry <= now);
            if (expiryByDigest.size() >= CAPACITY) {
                expiryByDigest.clear();
            }
        }
        expiryByDigest.put(digest(username, password, storedHash), clock.millis() + TIME_TO_LIVE.toMillis());
    }

    private String digest(String username, String password, String storedHash) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            String material = username + '\0' + password + '\0' + storedHash;
            return HexFormat.of().formatHex(mac.doFinal(material.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }
}
