package org.helpdesk.api;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * Writes CSV as RFC 4180 has it (comma, CRLF, a field with a comma, quote, CR or LF in quotes,
 * quotes doubled), with each cell neutralised against formula injection: a spreadsheet runs a cell
 * that begins with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a CR as a formula, so such a
 * cell gets a leading apostrophe, which the spreadsheet shows as text (OWASP's advice). Only text
 * cells are neutralised ({@link #row(List)}); numbers and times the export writes itself pass
 * through {@link #trustedRow(List)}. Writes as it goes: nothing is kept.
 */
final class CsvWriter {

    private final Writer out;

    CsvWriter(Writer out) {
        this.out = out;
    }

    /** A row of text that came from people: every cell neutralised and quoted as needed. */
    void row(List<String> cells) throws IOException {
        write(cells, true);
    }

    /** A row the application wrote itself (the header; ids, codes and times), quoted as needed. */
    void trustedRow(List<String> cells) throws IOException {
        write(cells, false);
    }

    private void write(List<String> cells, boolean neutralise) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            String cell = cells.get(i) == null ? "" : cells.get(i);
            out.write(quoted(neutralise ? neutralised(cell) : cell));
        }
        out.write("\r\n");
    }

    /** The cell with a leading apostrophe if a spreadsheet would take it for a formula. */
    static String neutralised(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + cell
                : cell;
    }

    /** The cell in quotes, its quotes doubled, where it holds a comma, a quote or a line break. */
    static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\r') < 0 && cell.indexOf('\n') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
