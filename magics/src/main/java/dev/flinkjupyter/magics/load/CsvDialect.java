package dev.flinkjupyter.magics.load;

import java.io.Serializable;
import org.apache.flink.formats.csv.CsvFormatOptions;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.dataformat.csv.CsvSchema;

/**
 * How a CSV file is written: its delimiter and whether its first line is a header. The sample
 * that infers a schema parses with Flink's own shaded Jackson CSV parser, configured here as
 * Flink's {@code csv} format is by default, except that an empty unquoted cell is null, as in a
 * spreadsheet; the Flink format that reads the whole file splits records by the same rules with
 * {@link CsvRecordScanner} (its test compares the two), so that what the sample accepts, the job
 * accepts too.
 *
 * @param delimiter the field delimiter
 * @param header whether the first line of every file holds column names rather than data
 */
public record CsvDialect(char delimiter, boolean header) implements Serializable {

    /** Comma-separated, no header. */
    public static final CsvDialect DEFAULT = new CsvDialect(',', false);

    public CsvDialect withHeader(boolean header) {
        return new CsvDialect(delimiter, header);
    }

    /** A parser configured with the defaults of Flink's {@code csv} format. */
    CsvMapper mapper() {
        CsvMapper mapper = new CsvMapper();
        mapper.configure(CsvParser.Feature.TRIM_SPACES, CsvFormatOptions.TRIM_SPACES.defaultValue());
        mapper.configure(CsvParser.Feature.IGNORE_TRAILING_UNMAPPABLE,
                CsvFormatOptions.IGNORE_TRAILING_UNMAPPABLE.defaultValue());
        mapper.configure(CsvParser.Feature.ALLOW_TRAILING_COMMA, CsvFormatOptions.ALLOW_TRAILING_COMMA.defaultValue());
        mapper.configure(CsvParser.Feature.FAIL_ON_MISSING_COLUMNS,
                CsvFormatOptions.FAIL_ON_MISSING_COLUMNS.defaultValue());
        mapper.configure(CsvParser.Feature.EMPTY_STRING_AS_NULL, CsvFormatOptions.EMPTY_STRING_AS_NULL.defaultValue());
        // Flink's csv format fails on an empty number; a notebook user means "no value". "" stays a string.
        mapper.enable(CsvParser.Feature.EMPTY_UNQUOTED_STRING_AS_NULL);
        return mapper;
    }

    /** Turns a base schema (the columns, or none) into one with this dialect's delimiter and header rule. */
    CsvSchema apply(CsvSchema base) {
        return base.rebuild()
                .setColumnSeparator(delimiter)
                .build()
                .withSkipFirstDataRow(header);
    }
}
