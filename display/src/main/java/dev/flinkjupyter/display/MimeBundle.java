package dev.flinkjupyter.display;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What a front end receives for one output: the same value in one or more MIME types
 * ({@code text/plain}, {@code text/html}, {@code image/png} base64, ...), plus per-type metadata.
 * <p>Front ends pick the richest type they can show, so every bundle carries {@code text/plain}.
 */
public final class MimeBundle {
    public static final String TEXT = "text/plain";
    public static final String HTML = "text/html";
    public static final String MARKDOWN = "text/markdown";
    public static final String PNG = "image/png";
    public static final String SVG = "image/svg+xml";
    public static final String JSON = "application/json";

    private final Map<String, Object> data = new LinkedHashMap<>();
    private final Map<String, Object> metadata = new LinkedHashMap<>();

    /** A bundle with only a plain-text form. */
    public static MimeBundle text(String text) {
        return new MimeBundle().with(TEXT, text);
    }

    /** A bundle with an HTML form and its plain-text twin. */
    public static MimeBundle html(String html, String plainText) {
        return new MimeBundle().with(TEXT, plainText).with(HTML, html);
    }

    /** Adds or replaces the value for a MIME type; returns this bundle. */
    public MimeBundle with(String mimeType, Object value) {
        data.put(Objects.requireNonNull(mimeType), Objects.requireNonNull(value));
        return this;
    }

    /** Adds metadata for a MIME type (for example {@code width} of an image); returns this bundle. */
    public MimeBundle withMetadata(String mimeType, Object value) {
        metadata.put(Objects.requireNonNull(mimeType), Objects.requireNonNull(value));
        return this;
    }

    /** The value for a MIME type, or null. */
    public Object get(String mimeType) {
        return data.get(mimeType);
    }

    /** MIME type to value, in the order they were added; read-only. */
    public Map<String, Object> data() {
        return Collections.unmodifiableMap(data);
    }

    /** MIME type to its metadata (for images, {@code {width, height}}); read-only. */
    public Map<String, Object> metadata() {
        return Collections.unmodifiableMap(metadata);
    }

    @Override
    public String toString() {
        return "MimeBundle" + data.keySet();
    }
}
