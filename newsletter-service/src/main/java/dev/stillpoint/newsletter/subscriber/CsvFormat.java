package dev.stillpoint.newsletter.subscriber;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Comma-separated values as spreadsheets write them (RFC 4180): quoted fields may hold commas, quotes (doubled) and
 * line breaks. Written cells that a spreadsheet would run as a formula are defused with a leading apostrophe.
 */
final class CsvFormat {

    private CsvFormat() {
    }

    /** A record of the file, with the line it starts on (1 for the first). */
    record Row(int line, List<String> cells) {

        String cell(int index) {
            return (index >= 0 && index < this.cells.size()) ? this.cells.get(index).strip() : "";
        }

        boolean isBlank() {
            return this.cells.stream().allMatch(String::isBlank);
        }

    }

    static List<Row> parse(Reader in) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int rowLine = 1;
        int c = in.read();
        if (c == '\uFEFF') { // a byte-order mark, as Excel writes
            c = in.read();
        }
        for (; c != -1; c = in.read()) {
            if (quoted) {
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        cell.append('"');
                        continue;
                    }
                    quoted = false;
                    c = next;
                    if (c == -1) {
                        break;
                    }
                }
                else {
                    line += (c == '\n') ? 1 : 0;
                    cell.append((char) c);
                    continue;
                }
            }
            if (c == '"' && cell.isEmpty()) {
                quoted = true;
            }
            else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            }
            else if (c == '\n') {
                cells.add(cell.toString());
                rows.add(new Row(rowLine, List.copyOf(cells)));
                cells.clear();
                cell.setLength(0);
                rowLine = ++line;
            }
            else if (c != '\r') {
                cell.append((char) c);
            }
        }
        if (!cell.isEmpty() || !cells.isEmpty()) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }

    /** One line of CSV, ending in CRLF. */
    static String line(Object... values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            line.append((i > 0) ? "," : "").append(cell((values[i] != null) ? values[i].toString() : ""));
        }
        return line.append("\r\n").toString();
    }

    private static String cell(String value) {
        String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
        boolean quote = safe.chars().anyMatch((ch) -> ch == ',' || ch == '"' || ch == '\n' || ch == '\r');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

}
