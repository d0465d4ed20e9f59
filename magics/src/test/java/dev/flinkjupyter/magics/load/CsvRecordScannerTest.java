package dev.flinkjupyter.magics.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scanner splits records and fields as the Jackson CSV parser of {@link CsvSample} does (the
 * parser the schema is inferred with), also when the stream hands its bytes out a few at a time.
 */
class CsvRecordScannerTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "a,b\nc,d\n",
        "a,b", // no line break at the end
        "a,b\n\nc,d\n", // an empty line is a record of one empty value
        "a,b,\nc,d\n",
        "a,b,,\n",
        ",\n",
        "a, b ,\n", // spaces are kept
        "a,b\r\nc,d\r\n",
        "a,b\rc,d\r",
        "\"a\"\"x\",b\n", // "" inside quotes is a quote
        "a\"b\"c,d\n", // a quote inside an unquoted value is text
        "\"a\nb\",c\nd,\"e,f\"\n", // line breaks and delimiters inside quotes
        "\"\",x\n",
        "a,\"\"\n",
        "a,b\n   \nc\n",
        "1.5,\"2.5\",-3e-7,x\n",
        "caf\u00e9,\u65e5\u672c,\"\u00fcber \"\"quoted\"\"\"\n",
    })
    void splitsAsTheSampleParserDoes(String csv) throws Exception {
        List<List<String>> jackson = CsvSample.read(Files.writeString(dir.resolve("x.csv"), csv), CsvDialect.DEFAULT, 100);

        assertThat(scan(csv, ',', Integer.MAX_VALUE)).isEqualTo(jackson);
        assertThat(scan(csv, ',', 1)).isEqualTo(jackson);
        assertThat(scan(csv, ',', 3)).isEqualTo(jackson);
    }

    @Test
    void aRecordStartsOnTheLineAfterTheLineBreaksQuotedInTheOneBefore() throws Exception {
        String csv = "1,\"two\nlines\"\n2,\"three\r\nmore\rlines\"\n3,x\n\n4\n";
        for (int chunk : new int[] {1, 2, 1000}) {
            List<Long> lines = new ArrayList<>();
            try (CsvRecordScanner scanner = scanner(csv, ',', chunk)) {
                while (scanner.next()) {
                    lines.add(scanner.line());
                }
            }
            assertThat(lines).containsExactly(1L, 3L, 6L, 7L, 8L);
        }
    }

    @Test
    void aByteOrderMarkIsDroppedAndAnyAsciiDelimiterWorks() throws Exception {
        assertThat(scan("\uFEFFa;b,c\n1;2\n", ';', 1)).containsExactly(List.of("a", "b,c"), List.of("1", "2"));
        assertThat(scan("a\tb\n", '\t', 100)).containsExactly(List.of("a", "b"));
    }

    @Test
    void textAfterAClosingQuoteOrAQuoteNeverClosedIsASyntaxErrorOfThatRecordOnly() throws Exception {
        try (CsvRecordScanner scanner = scanner("1,\"ab\"c,d\n2,ok\n3,\"never closed\n", ',', 2)) {
            assertThat(scanner.next()).isTrue();
            assertThat(scanner.syntaxError()).contains("unexpected character 'c' after the closing quote of value #2");
            assertThat(scanner.next()).isTrue();
            assertThat(scanner.syntaxError()).isNull();
            assertThat(scanner.text(1)).isEqualTo("ok");
            assertThat(scanner.line()).isEqualTo(2);
            assertThat(scanner.next()).isTrue();
            assertThat(scanner.syntaxError()).contains("missing closing quote for value #2");
            assertThat(scanner.next()).isFalse();
        }
    }

    @Test
    void aRecordLongerThanTheBufferIsReadWhole() throws Exception {
        String wide = "x".repeat(3 << 20);
        assertThat(scan("1," + wide + "\n2,y\n", ',', Integer.MAX_VALUE))
                .containsExactly(List.of("1", wide), List.of("2", "y"));
    }

    /** Every record's fields as text, null for an empty unquoted one, reading at most {@code chunk} bytes at once. */
    private static List<List<String>> scan(String csv, char delimiter, int chunk) throws IOException {
        List<List<String>> records = new ArrayList<>();
        try (CsvRecordScanner scanner = scanner(csv, delimiter, chunk)) {
            while (scanner.next()) {
                assertThat(scanner.syntaxError()).isNull();
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < scanner.fieldCount(); i++) {
                    fields.add(scanner.isEmptyUnquoted(i) ? null : scanner.text(i));
                }
                records.add(fields);
            }
        }
        return records;
    }

    private static CsvRecordScanner scanner(String csv, char delimiter, int chunk) {
        InputStream bytes = new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
        return new CsvRecordScanner(new FilterInputStream(bytes) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, chunk));
            }
        }, delimiter);
    }
}
