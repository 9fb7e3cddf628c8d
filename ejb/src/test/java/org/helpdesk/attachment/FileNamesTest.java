package org.helpdesk.attachment;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileNamesTest {

    @ParameterizedTest
    @CsvSource({
        "report.pdf, report.pdf",
        "../../etc/passwd, passwd",
        "C:\\Users\\me\\photo.png, photo.png",
        "'  .hidden', hidden",
        "'..', attachment",
        "'', attachment"
    })
    void namesLoseTheirPaths(String sent, String stored) {
        assertEquals(stored, FileNames.clean(sent));
    }

    @Test
    void controlAndFormatCharactersAreRemoved() {
        assertEquals("invoice.pdf", FileNames.clean("in\u0000voi\r\nce\u200B.pdf"));
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String cleaned = FileNames.clean("a".repeat(300) + ".png");

        assertEquals(FileNames.MAX_LENGTH, cleaned.length());
        assertTrue(cleaned.endsWith(".png"));
    }

    @Test
    void declaredTypesAreKeptOnlyWhenWellFormed() {
        assertEquals("image/png", AttachmentStore.mediaTypeOf("image/PNG; charset=x"));
        assertEquals("application/octet-stream", AttachmentStore.mediaTypeOf("text/html<script>"));
        assertEquals("application/octet-stream", AttachmentStore.mediaTypeOf(null));
    }
}
