package org.helpdesk.common;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LimitsTest {

    @Test
    void theTextLimitInWordsIsTheTextLimit() {
        assertEquals(String.format(Locale.ENGLISH, "%,d", Limits.TEXT), Limits.TEXT_IN_WORDS);
    }

    @Test
    void pagesAreCheckedOnce() {
        Limits.requirePage(1, Limits.PAGE_SIZE_MAX);
        assertEquals(
                "The page must be 1 or more.",
                assertThrows(InvalidInputException.class, () -> Limits.requirePage(0, 10))
                        .fieldErrors()
                        .get("page"));
        assertThrows(InvalidInputException.class, () -> Limits.requirePage(1, Limits.PAGE_SIZE_MAX + 1));
        assertThrows(InvalidInputException.class, () -> Limits.requirePage(1, 0));
    }
}
