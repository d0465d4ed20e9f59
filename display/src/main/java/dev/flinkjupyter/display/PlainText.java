package dev.flinkjupyter.display;

import java.lang.reflect.Array;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The short text of a value, as it goes into a table cell or a list: arrays spelled out (Java's
 * own {@code toString} of an array is its address), bytes in hex, long collections and long text
 * cut, so that one value cannot blow up a display.
 */
final class PlainText {
    /** Elements of a nested array or collection shown in one cell. */
    static final int MAX_NESTED_ELEMENTS = 20;

    private PlainText() {
    }

    /** The text of {@code value}, {@code "null"} for null, cut to {@code maxChars} characters. */
    static String of(Object value, int maxChars) {
        return cut(of(value), maxChars);
    }

    /** The text of {@code value}, {@code "null"} for null. */
    static String of(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof byte[] bytes) {
            return hex(bytes);
        }
        if (value.getClass().isArray()) {
            return array(value, MAX_NESTED_ELEMENTS);
        }
        if (value instanceof Collection<?> collection && collection.size() > MAX_NESTED_ELEMENTS) {
            return elements(collection.iterator(), collection.size(), MAX_NESTED_ELEMENTS, "[", "]");
        }
        if (value instanceof Map<?, ?> map && map.size() > MAX_NESTED_ELEMENTS) {
            return elements(map.entrySet().iterator(), map.size(), MAX_NESTED_ELEMENTS, "{", "}");
        }
        return String.valueOf(value);
    }

    /** {@code [a, b, c, ... (n more)]} for the first {@code limit} elements of any array. */
    static String array(Object array, int limit) {
        int length = Array.getLength(array);
        StringBuilder text = new StringBuilder("[");
        for (int i = 0; i < length && i < limit; i++) {
            if (i > 0) {
                text.append(", ");
            }
            text.append(of(Array.get(array, i)));
        }
        if (length > limit) {
            text.append(", ... (").append(length - limit).append(" more)");
        }
        return text.append(']').toString();
    }

    /** {@code [a, b, ... (n more)]} for the first {@code limit} of {@code size} elements. */
    static String elements(Iterator<?> elements, long size, int limit, String open, String close) {
        StringBuilder text = new StringBuilder(open);
        int i = 0;
        while (i < limit && elements.hasNext()) {
            if (i++ > 0) {
                text.append(", ");
            }
            Object element = elements.next();
            text.append(element instanceof Map.Entry<?, ?> entry
                    ? of(entry.getKey()) + "=" + of(entry.getValue())
                    : of(element));
        }
        if (size > i) {
            text.append(i > 0 ? ", " : "").append("... (").append(size - i).append(" more)");
        }
        return text.append(close).toString();
    }

    /** Cuts text longer than {@code maxChars}, marking the cut with an ellipsis. */
    static String cut(String text, int maxChars) {
        return text.length() <= maxChars ? text : text.substring(0, Math.max(0, maxChars - 1)) + "\u2026";
    }

    private static String hex(byte[] bytes) {
        int shown = Math.min(bytes.length, 64);
        StringBuilder text = new StringBuilder("x'");
        for (int i = 0; i < shown; i++) {
            text.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16)).append(Character.forDigit(bytes[i] & 0xf, 16));
        }
        text.append('\'');
        if (bytes.length > shown) {
            text.append("... (").append(bytes.length).append(" bytes)");
        }
        return text.toString();
    }
}
