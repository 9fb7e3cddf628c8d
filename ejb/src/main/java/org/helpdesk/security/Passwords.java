package org.helpdesk.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.helpdesk.common.InvalidInputException;
import org.helpdesk.common.RefusalMessage;
import org.helpdesk.common.StorableText;

/**
 * The database store's passwords: the rule for a new one, and its PBKDF2-HMAC-SHA256 hash in the
 * format Jakarta Security's {@code Pbkdf2PasswordHash} writes and verifies
 * ({@code algorithm:iterations:base64(salt):base64(key)}), with the same parameters as the identity
 * store (web's HelpdeskIdentityStore: 210,000 iterations, 32-byte salt and key), so that a hash
 * written here is checked there at sign-in. Hashing here, in the EJB layer, keeps the rules about
 * passwords beside the methods that set them; {@code Pbkdf2PasswordHash} can only be injected where
 * a Jakarta Security mechanism is defined (the web module).
 */
public final class Passwords {

    /** The shortest password an administrator or a user may set. */
    public static final int MIN_LENGTH = 10;

    /** The longest: enough for any passphrase, short enough that hashing it costs what any does. */
    public static final int MAX_LENGTH = 200;

    static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    static final int ITERATIONS = 210_000;
    private static final int SALT_BYTES = 32;
    private static final int KEY_BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Passwords() {}

    /** The password if it is acceptable as a new one; otherwise a refusal naming the field. */
    public static String requireAcceptable(String field, String password) {
        if (password == null || password.isEmpty()) {
            throw new InvalidInputException(field, RefusalMessage.of("password.required", MIN_LENGTH));
        }
        StorableText.require(field, password);
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            throw new InvalidInputException(field, RefusalMessage.of("password.tooShort", MIN_LENGTH));
        }
        if (password.length() > MAX_LENGTH) {
            throw new InvalidInputException(field, RefusalMessage.of("password.tooLong", MAX_LENGTH));
        }
        if (password.isBlank()) {
            throw new InvalidInputException(field, RefusalMessage.of("password.blank"));
        }
        return password;
    }

    /** A new salted hash of the password. */
    public static String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] key = derive(password, salt, ITERATIONS, KEY_BYTES);
        Base64.Encoder base64 = Base64.getEncoder();
        return ALGORITHM + ":" + ITERATIONS + ":" + base64.encodeToString(salt) + ":" + base64.encodeToString(key);
    }

    /** Whether the password is the one the stored hash was made of (false for anything malformed). */
    public static boolean matches(String password, String storedHash) {
        if (password == null || storedHash == null) {
            return false;
        }
        String[] parts = storedHash.split(":");
        if (parts.length != 4 || !parts[0].startsWith("PBKDF2WithHmac")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            if (iterations < 1 || iterations > 10_000_000 || expected.length == 0) {
                return false;
            }
            return MessageDigest.isEqual(expected, derive(parts[0], password, salt, iterations, expected.length));
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }

    private static byte[] derive(String password, byte[] salt, int iterations, int keyBytes) {
        return derive(ALGORITHM, password, salt, iterations, keyBytes);
    }

    private static byte[] derive(String algorithm, String password, byte[] salt, int iterations, int keyBytes) {
        PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, keyBytes * 8);
        try {
            return SecretKeyFactory.getInstance(algorithm).generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException(algorithm + " is not available", unavailable);
        } finally {
            spec.clearPassword();
        }
    }
}
