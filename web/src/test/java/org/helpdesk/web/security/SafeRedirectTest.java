package org.helpdesk.web.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SafeRedirectTest {

    @ParameterizedTest
    @ValueSource(strings = {"/tickets/view/42", "/tickets/my-tickets?status=open&page=2"})
    void localPathsAreKept(String path) {
        assertEquals(path, SafeRedirect.localPathOr(path));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "https://evil.example/",
                "//evil.example/x",
                "/\\evil.example",
                "tickets/add",
                "/login?continue=/x",
                "/tickets\r\nSet-Cookie: x=y"
            })
    void anythingElseGoesToMyTickets(String path) {
        assertEquals("/tickets/my-tickets", SafeRedirect.localPathOr(path));
    }
}
