package org.helpdesk.security;

import org.helpdesk.common.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PasswordsTest {

    /** The demo users' hash of "demo" (db/demo/V1__demo_directory.sql), written by Jakarta Security's hash. */
    private static final String DEMO_HASH = "PBKDF2WithHmacSHA256:210000:jY/XX+VseqDSm1kJEdK0JDDaD5mkqsG8ydjzLIqoE/g="
            + ":w/MtrCqe5aBwvkjmOxmx3sjs6eCC2vrk27l6+nS8+X4=";

    @Test
    void readsTheHashesThatJakartaSecurityWrites() {
        assertTrue(Passwords.matches("demo", DEMO_HASH));
        assertFalse(Passwords.matches("Demo", DEMO_HASH));
    }

    @Test
    void writesSaltedHashesInTheSameFormat() {
        String hash = Passwords.hash("correct horse battery");
        String[] parts = hash.split(":");

        assertEquals("PBKDF2WithHmacSHA256", parts[0]);
        assertEquals("210000", parts[1]);
        assertEquals(44, parts[2].length(), "32 bytes of salt in Base64");
        assertEquals(44, parts[3].length(), "32 bytes of key in Base64");
        assertTrue(Passwords.matches("correct horse battery", hash));
        assertFalse(Passwords.matches("correct horse battery!", hash));
        assertNotEquals(hash, Passwords.hash("correct horse battery"), "a new salt each time");
    }

    @Test
    void malformedHashesMatchNothing() {
        assertFalse(Passwords.matches("demo", null));
        assertFalse(Passwords.matches("demo", ""));
        assertFalse(Passwords.matches("demo", "PBKDF2WithHmacSHA256:x:y:z"));
        assertFalse(Passwords.matches("demo", "MD5:1:AA==:AA=="));
        assertFalse(Passwords.matches(null, DEMO_HASH));
    }

    @Test
    void aNewPasswordHasAtLeastTenCharacters() {
        InvalidInputException tooShort = assertThrows(
                InvalidInputException.class, () -> Passwords.requireAcceptable("newPassword", "123456789"));
        assertEquals(
                "The password is too short: use at least 10 characters.",
                tooShort.fieldErrors().get("newPassword"));
        assertThrows(InvalidInputException.class, () -> Passwords.requireAcceptable("newPassword", null));
        assertThrows(InvalidInputException.class, () -> Passwords.requireAcceptable("newPassword", " ".repeat(12)));
        assertThrows(InvalidInputException.class, () -> Passwords.requireAcceptable("newPassword", "a".repeat(201)));
        assertThrows(InvalidInputException.class, () -> Passwords.requireAcceptable("newPassword", "abcdefghi\0j"));
        assertEquals("1234567890", Passwords.requireAcceptable("newPassword", "1234567890"));
    }
}
