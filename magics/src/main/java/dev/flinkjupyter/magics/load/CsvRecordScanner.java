package dev.flinkjupyter.magics.load;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Splits a UTF-8 CSV stream into records and fields without making a String per field: each
 * field is a range of bytes in {@link #buffer()}, valid until the next {@link #next()}. The rules
 * are those of the Jackson CSV parser that {@link CsvSample} infers schemas with (and that
 * {@code notebook-csv} read with before): a field may be quoted, {@code ""} inside quotes is a
 * quote, a quoted field may hold delimiters and line breaks, a quote inside an unquoted field is
 * text, a line ends with LF, CRLF or CR, an empty line is a record of one empty field, and a
 * leading byte-order mark is dropped. A record it cannot read (text after a closing quote, a
 * quote never closed) is still delimited, up to its line's end, and reports {@link #syntaxError()}.
 */
final class CsvRecordScanner implements Closeable {

    private static final int INITIAL_BUFFER = 1 << 20;
    /**
     * At most this much is read at once: Flink's stream adapter ends a batch by the stream's
     * position, so reading far ahead of the records handed out would make a batch (and a LIMIT
     * query's read) much longer.
     */
    private static final int READ_SIZE = 64 << 10;

    private final InputStream in;
    private final byte delimiter;
    private byte[] buf = new byte[INITIAL_BUFFER];
    private int limit;
    private int pos;
    private boolean eof;
    private boolean started;
    private long nextLine = 1;

    private long line;
    private int count;
    private int[] starts = new int[32];
    private int[] ends = new int[32];
    private boolean[] quoted = new boolean[32];
    private boolean[] escaped = new boolean[32];
    private String syntaxError;

    CsvRecordScanner(InputStream in, char delimiter) {
        if (delimiter > 0x7f || delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("the field delimiter must be an ASCII character other than a quote or a"
                    + " line break, was '" + delimiter + "'");
        }
        this.in = in;
        this.delimiter = (byte) delimiter;
    }

    /** Moves to the next record; false at the end of the stream. */
    boolean next() throws IOException {
        if (!started) {
            started = true;
            while (limit < 3 && !eof) {
                fill();
            }
            if (limit >= 3 && buf[0] == (byte) 0xEF && buf[1] == (byte) 0xBB && buf[2] == (byte) 0xBF) {
                pos = 3;
            }
        }
        while (true) {
            if (pos >= limit) {
                if (eof) {
                    return false;
                }
                fill();
                continue;
            }
            int end = scan(pos);
            if (end >= 0) {
                pos = end;
                return true;
            }
            fill(); // the record goes on past the bytes read so far: read more and scan it again
        }
    }

    /** The line the current record starts on, 1-based. */
    long line() {
        return line;
    }

    /** How many fields the current record has (an empty line has one, empty). */
    int fieldCount() {
        return count;
    }

    /** Why the scanner could not read the current record, or null. */
    String syntaxError() {
        return syntaxError;
    }

    /** Whether field {@code i} is empty and unquoted: no value. */
    boolean isEmptyUnquoted(int i) {
        return !quoted[i] && starts[i] == ends[i];
    }

    /** Whether field {@code i} is a plain byte range of {@link #buffer()} (no {@code ""} to undo). */
    boolean isPlain(int i) {
        return !escaped[i];
    }

    byte[] buffer() {
        return buf;
    }

    /** Where field {@code i} starts in {@link #buffer()}, inside its quotes if quoted. */
    int start(int i) {
        return starts[i];
    }

    /** Where field {@code i} ends (exclusive) in {@link #buffer()}. */
    int end(int i) {
        return ends[i];
    }

    /** Field {@code i}'s value as UTF-8 bytes, quotes undone. */
    byte[] bytes(int i) {
        if (!escaped[i]) {
            return Arrays.copyOfRange(buf, starts[i], ends[i]);
        }
        byte[] out = new byte[ends[i] - starts[i]];
        int n = 0;
        for (int p = starts[i]; p < ends[i]; p++) {
            out[n++] = buf[p];
            if (buf[p] == '"') {
                p++; // "" stands for one quote
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Field {@code i}'s value as text. */
    String text(int i) {
        return new String(bytes(i), StandardCharsets.UTF_8);
    }

    /**
     * Delimits the record starting at {@code p}; its index after the record's line break, or -1
     * if the bytes read so far end inside it (more must be read before it can be scanned again).
     */
    private int scan(int p) {
        byte[] b = buf;
        int lim = limit;
        byte d = delimiter;
        int breaks = 0; // line breaks inside quoted fields
        count = 0;
        syntaxError = null;
        while (true) {
            if (p >= lim && !eof) {
                return -1;
            }
            if (p < lim && b[p] == '"') {
                int q = p + 1;
                boolean esc = false;
                boolean closed = false;
                while (q < lim) {
                    byte c = b[q];
                    if (c == '"') {
                        if (q + 1 >= lim && !eof) {
                            return -1;
                        }
                        if (q + 1 < lim && b[q + 1] == '"') {
                            esc = true;
                            q += 2;
                            continue;
                        }
                        closed = true;
                        break;
                    }
                    if (c == '\n') {
                        breaks++;
                    } else if (c == '\r') {
                        if (q + 1 >= lim && !eof) {
                            return -1;
                        }
                        if (q + 1 >= lim || b[q + 1] != '\n') {
                            breaks++;
                        }
                    }
                    q++;
                }
                if (!closed) {
                    if (!eof) {
                        return -1;
                    }
                    addField(p + 1, lim, true, esc);
                    syntaxError = "missing closing quote for value #" + count;
                    return finish(lim, breaks);
                }
                addField(p + 1, q, true, esc);
                p = q + 1;
                if (p < lim && b[p] != d && b[p] != '\n' && b[p] != '\r') {
                    syntaxError = "unexpected character '" + (char) (b[p] & 0xff) + "' after the closing quote of value #"
                            + count + ": expected the delimiter or the end of the line";
                    while (p < lim && b[p] != '\n' && b[p] != '\r') {
                        p++;
                    }
                    if (p >= lim && !eof) {
                        return -1;
                    }
                }
            } else {
                int q = p;
                while (q < lim) {
                    byte c = b[q];
                    if (c == d || c == '\n' || c == '\r') {
                        break;
                    }
                    q++;
                }
                if (q >= lim && !eof) {
                    return -1;
                }
                addField(p, q, false, false);
                p = q;
            }
            if (p >= lim) {
                return finish(p, breaks);
            }
            byte c = b[p];
            if (c == d) {
                p++;
                continue;
            }
            if (c == '\r') {
                if (p + 1 >= lim && !eof) {
                    return -1;
                }
                if (p + 1 < lim && b[p + 1] == '\n') {
                    p++;
                }
            }
            return finish(p + 1, breaks);
        }
    }

    private int finish(int end, int breaks) {
        line = nextLine;
        nextLine = line + breaks + 1;
        return end;
    }

    private void addField(int start, int end, boolean isQuoted, boolean isEscaped) {
        if (count == starts.length) {
            int n = count * 2;
            starts = Arrays.copyOf(starts, n);
            ends = Arrays.copyOf(ends, n);
            quoted = Arrays.copyOf(quoted, n);
            escaped = Arrays.copyOf(escaped, n);
        }
        starts[count] = start;
        ends[count] = end;
        quoted[count] = isQuoted;
        escaped[count] = isEscaped;
        count++;
    }

    /** Keeps the bytes from {@link #pos} on, at the buffer's start, and reads more after them. */
    private void fill() throws IOException {
        if (pos > 0) {
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            limit -= pos;
            pos = 0;
        }
        if (limit == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2); // one record longer than the buffer
        }
        int n = in.read(buf, limit, Math.min(READ_SIZE, buf.length - limit));
        if (n < 0) {
            eof = true;
        } else {
            limit += n;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
