package dev.stillpoint.newsletter.subscriber;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvFormatTests {

    @Test
    void readsQuotedCommasQuotesAndLineBreaksAndKnowsWhereEachRowStarts() throws IOException {
        String csv = "\uFEFFemail,name\r\nada@example.com,\"Lovelace, Ada\"\r\n"
                + "grace@example.com,\"Grace \"\"Amazing\"\" Hopper\"\n"
                + "two@example.com,\"Two\nLines\"\nlast@example.com";
        List<CsvFormat.Row> rows = CsvFormat.parse(new StringReader(csv));
        assertThat(rows).extracting(CsvFormat.Row::line).containsExactly(1, 2, 3, 4, 6);
        assertThat(rows.get(0).cells()).containsExactly("email", "name");
        assertThat(rows.get(1).cells()).containsExactly("ada@example.com", "Lovelace, Ada");
        assertThat(rows.get(2).cell(1)).isEqualTo("Grace \"Amazing\" Hopper");
        assertThat(rows.get(3).cell(1)).isEqualTo("Two\nLines");
        assertThat(rows.get(4).cells()).containsExactly("last@example.com");
        assertThat(rows.get(4).cell(7)).as("a cell past the end").isEmpty();
    }

    @Test
    void writtenCellsThatASpreadsheetWouldRunAsAFormulaAreDefused() {
        assertThat(CsvFormat.line("=HYPERLINK(\"http://evil\")", "+1", "-1", "@SUM(A1)", "plain"))
            .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\",'+1,'-1,'@SUM(A1),plain\r\n");
    }

    /** Whatever the cells hold, a line written is read back as the same cells (a formula's apostrophe aside). */
    @Property(tries = 500)
    void whatIsWrittenReadsBack(@ForAll("cells") List<String> cells) throws IOException {
        List<CsvFormat.Row> rows = CsvFormat.parse(new StringReader(CsvFormat.line(cells.toArray())));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).cells()).hasSameSizeAs(cells);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            boolean formula = !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0;
            assertThat(rows.get(0).cells().get(i)).isEqualTo(formula ? "'" + cell : cell);
        }
    }

    @Provide
    Arbitrary<List<String>> cells() {
        return Arbitraries.strings().withChars("ab,\"\n\r=+-@ é").ofMaxLength(12).list().ofMinSize(1).ofMaxSize(5);
    }

}
