package org.helpdesk.common;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorableTextTest {

    @Test
    void ordinaryAndUnusualButValidTextIsStorable() {
        assertTrue(StorableText.isStorable("Drucker kaputt \u202Eabc\u202C \u200B emoji \uD83D\uDE00 <script>"));
        assertTrue(StorableText.isStorable(null));
    }

    @Test
    void nulAndBrokenSurrogatesAreNot() {
        assertFalse(StorableText.isStorable("a\u0000b"));
        assertFalse(StorableText.isStorable("lone high \uD83D"));
        assertFalse(StorableText.isStorable("lone low \uDE00 here"));
        assertThrows(InvalidInputException.class, () -> StorableText.require("subject", "\uDE00"));
    }
}
