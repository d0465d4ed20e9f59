package dev.flinkjupyter.magics.load;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What to load: the arguments of {@code %load}, each optional one empty when not given.
 *
 * @param path a file, a folder or a glob, relative to {@code workingDirectory} unless absolute
 * @param name the table name; by default made from the file name
 * @param format the file format; by default from the file's extension
 * @param header whether CSV files start with a header; by default detected
 * @param delimiter the CSV field delimiter; by default a tab for {@code .tsv}, else a comma
 * @param schema the columns as in {@code CREATE TABLE}, e.g. {@code "a INT, b STRING"}; by default inferred
 * @param onError what a malformed record does
 * @param validate whether the load converts every value of every row (CSV), so that a malformed value
 *     anywhere fails the load; otherwise only the columns a query reads are converted
 * @param previewRows how many rows to show
 * @param workingDirectory what a relative path is relative to
 */
public record LoadRequest(
        String path,
        Optional<String> name,
        Optional<FileFormat> format,
        Optional<Boolean> header,
        Optional<Character> delimiter,
        Optional<String> schema,
        OnError onError,
        boolean validate,
        int previewRows,
        Path workingDirectory) {

    public static final int DEFAULT_PREVIEW_ROWS = 10;

    public LoadRequest {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (onError == OnError.RECORDS) {
            throw new IllegalArgumentException("on-error must be fail or skip");
        }
    }

    /** Everything by default: inferred, detected, failing on a malformed record. */
    public static LoadRequest of(String path, Path workingDirectory) {
        return new LoadRequest(path, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), OnError.FAIL, false, DEFAULT_PREVIEW_ROWS, workingDirectory);
    }

    public LoadRequest withName(String name) {
        return new LoadRequest(
                path, Optional.of(name), format, header, delimiter, schema, onError, validate, previewRows,
                workingDirectory);
    }

    public LoadRequest withSchema(String schema) {
        return new LoadRequest(
                path, name, format, header, delimiter, Optional.of(schema), onError, validate, previewRows,
                workingDirectory);
    }

    public LoadRequest withHeader(boolean header) {
        return new LoadRequest(
                path, name, format, Optional.of(header), delimiter, schema, onError, validate, previewRows,
                workingDirectory);
    }

    public LoadRequest withOnError(OnError onError) {
        return new LoadRequest(
                path, name, format, header, delimiter, schema, onError, validate, previewRows, workingDirectory);
    }

    public LoadRequest withValidate(boolean validate) {
        return new LoadRequest(
                path, name, format, header, delimiter, schema, onError, validate, previewRows, workingDirectory);
    }

    public LoadRequest withFormat(FileFormat format) {
        return new LoadRequest(
                path, name, Optional.of(format), header, delimiter, schema, onError, validate, previewRows,
                workingDirectory);
    }

    public LoadRequest withDelimiter(char delimiter) {
        return new LoadRequest(
                path, name, format, header, Optional.of(delimiter), schema, onError, validate, previewRows,
                workingDirectory);
    }
}
