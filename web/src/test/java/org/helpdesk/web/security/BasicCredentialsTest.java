package org.helpdesk.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.security.enterprise.credential.UsernamePasswordCredential;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BasicCredentialsTest {

    private static String encode(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theFirstColonSeparatesNameAndPassword() {
        UsernamePasswordCredential credential = HelpdeskAuthenticationMechanism.decodeBasic(encode("alice:de:mo ü"))
                .orElseThrow();

        assertEquals("alice", credential.getCaller());
        assertEquals("de:mo ü", credential.getPasswordAsString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"not base64!", "", "YWxpY2U="})
    void malformedHeadersAreNoCredentials(String encoded) {
        assertTrue(HelpdeskAuthenticationMechanism.decodeBasic(encoded).isEmpty());
    }
}
