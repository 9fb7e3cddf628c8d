package org.helpdesk.api;

import java.io.IOException;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvWriterTest {

    private static String written(List<String> cells) throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).row(cells);
        return out.toString();
    }

    @Test
    void plainCellsAreWrittenAsTheyAreSeparatedByCommasAndEndedByCrLf() throws IOException {
        assertEquals("12,The printer jams,open\r\n", written(List.of("12", "The printer jams", "open")));
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() throws IOException {
        assertEquals(
                "\"a, b\",\"say \"\"hi\"\"\",\"two\r\nlines\",\"one\nline\"\r\n",
                written(List.of("a, b", "say \"hi\"", "two\r\nlines", "one\nline")));
    }

    @Test
    void anAbsentCellIsEmpty() throws IOException {
        assertEquals("1,,x\r\n", written(Arrays.asList("1", null, "x")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://evil\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR"})
    void aCellASpreadsheetWouldRunAsAFormulaStartsWithAnApostrophe(String formula) {
        assertEquals("'" + formula, CsvWriter.neutralised(formula));
    }

    @Test
    void aNeutralisedCellIsStillQuotedWhereItMustBe() throws IOException {
        assertEquals("\"'=1,2\"\r\n", written(List.of("=1,2")));
        assertEquals("\"'\rx\"\r\n", written(List.of("\rx")));
    }

    @Test
    void cellsThatMerelyContainTheSignsAreLeftAlone() {
        assertEquals("a=b", CsvWriter.neutralised("a=b"));
        assertEquals("mail@example.org", CsvWriter.neutralised("mail@example.org"));
        assertEquals("", CsvWriter.neutralised(""));
    }

    @Test
    void theHeaderIsWrittenAsItIs() throws IOException {
        StringWriter out = new StringWriter();
        new CsvWriter(out).trustedRow(List.of("id", "subject"));
        assertEquals("id,subject\r\n", out.toString());
    }

    @Test
    void nonAsciiTextPassesThrough() throws IOException {
        assertEquals("Überweisung – 東京 😀\r\n", written(List.of("Überweisung – 東京 😀")));
    }
}
