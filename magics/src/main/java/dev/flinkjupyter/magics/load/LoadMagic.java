package dev.flinkjupyter.magics.load;

import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.magics.LineMagic;
import dev.flinkjupyter.magics.MagicException;
import dev.flinkjupyter.magics.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.flink.table.api.TableEnvironment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code %load PATH}: a file, a folder or a glob becomes a permanent Flink table of the current
 * catalog, read by Flink's filesystem connector; shows its schema, row count and first rows.
 */
@Command(name = "load",
        description = {"Registers a file, a folder or a glob as a Flink table (filesystem connector) and shows "
                + "its schema, row count and first rows.",
                "The schema is inferred from the first records unless --schema gives it; a CSV header is detected "
                + "unless --header or --no-header says. A malformed row fails with its file and line."},
        footer = {"", "Examples:",
                "  %%load data/sales.csv",
                "  %%load 'logs/*/part-*.csv' --as logs --delimiter ';' --on-error skip",
                "  %%load events.jsonl --schema \"id BIGINT, kind STRING, at TIMESTAMP(3)\""})
public final class LoadMagic implements LineMagic {

    @Parameters(index = "0", paramLabel = "PATH",
            description = "A file, a folder (every file in it) or a glob (*, **, ?, [ab], {x,y}); relative to the "
                    + "kernel's working directory.")
    String path;

    @Option(names = "--as", paramLabel = "NAME", description = "The table's name (default: from the file name).")
    String name;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "csv, json (one object per line) or parquet (default: from the file's extension).")
    String format;

    @Option(names = "--header", negatable = true,
            description = "Whether CSV files start with a header line (default: detected).")
    Boolean header;

    @Option(names = "--delimiter", paramLabel = "C",
            description = "The CSV field delimiter, one character, or \\t or tab (default: tab for .tsv, else comma).")
    String delimiter;

    @Option(names = "--schema", paramLabel = "COLUMNS",
            description = "The columns as in CREATE TABLE, e.g. \"a INT, b STRING\" (default: inferred).")
    String schema;

    @Option(names = "--on-error", paramLabel = "MODE", defaultValue = "fail",
            description = "fail: a malformed row stops the load, naming its file and line; skip: such rows are "
                    + "left out and counted (default: ${DEFAULT-VALUE}).")
    String onError;

    @Option(names = "--validate",
            description = "Convert every value of every row now, so that a malformed value anywhere fails the load "
                    + "with its line (CSV; slower). Otherwise a value is checked by the first query that reads its "
                    + "column.")
    boolean validate;

    @Option(names = "--preview", paramLabel = "N", defaultValue = "10",
            description = "How many rows to show (default: ${DEFAULT-VALUE}).")
    int preview;

    @Override
    public Object run(Session session) {
        LoadedTable table = load(session.engine().tableEnvironment(), Path.of("").toAbsolutePath());
        System.out.println(table.summary());
        Display.display(table.schema());
        return table.preview();
    }

    /** Parses the options and loads; a user error becomes a {@link MagicException}. */
    LoadedTable load(TableEnvironment tEnv, Path workingDirectory) {
        try {
            return new TableLoader(tEnv).load(request(workingDirectory));
        } catch (IllegalArgumentException e) {
            throw new MagicException(e.getMessage());
        } catch (IOException e) {
            throw new MagicException("Cannot read " + path + ": " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new MagicException("Cannot read " + path + ": " + e.getCause().getMessage());
        }
    }

    LoadRequest request(Path workingDirectory) {
        if (preview < 0) {
            throw new IllegalArgumentException("--preview must be 0 or more, was " + preview);
        }
        OnError mode = OnError.of(onError);
        if (mode == OnError.RECORDS) {
            throw new IllegalArgumentException("--on-error must be fail or skip, was '" + onError + "'");
        }
        return new LoadRequest(
                path,
                Optional.ofNullable(name),
                Optional.ofNullable(format).map(FileFormat::of),
                Optional.ofNullable(header),
                Optional.ofNullable(delimiter).map(LoadMagic::delimiter),
                Optional.ofNullable(schema),
                mode,
                validate,
                preview,
                workingDirectory);
    }

    private static char delimiter(String text) {
        if (text.equals("\\t") || text.equalsIgnoreCase("tab") || text.equals("\t")) {
            return '\t';
        }
        if (text.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character (or \\t), was '" + text + "'");
        }
        return text.charAt(0);
    }
}
