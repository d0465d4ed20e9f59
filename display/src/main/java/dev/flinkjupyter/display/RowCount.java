package dev.flinkjupyter.display;

/**
 * How many rows (or elements) a display shows out of how many there are, and the note that says
 * so: {@code 3 rows}, {@code showing 1000 of 5000 rows}, or {@code showing 1000 of at least 1001 rows}
 * when the source was read only as far as the limit plus one.
 *
 * @param shown the rows shown
 * @param total the rows there are, exactly or at least (see {@code exact})
 * @param exact whether {@code total} is the exact count or only a lower bound
 */
public record RowCount(long shown, long total, boolean exact) {

    public RowCount {
        if (shown < 0 || total < shown) {
            throw new IllegalArgumentException("cannot show " + shown + " of " + total + " rows");
        }
    }

    /** All rows are shown: there are exactly {@code rows}. */
    public static RowCount all(long rows) {
        return new RowCount(rows, rows, true);
    }

    /** The first {@code shown} of exactly {@code total} rows are shown. */
    public static RowCount of(long shown, long total) {
        return new RowCount(shown, total, true);
    }

    /** The first {@code shown} rows are shown, and there are at least {@code atLeast}. */
    public static RowCount atLeast(long shown, long atLeast) {
        return new RowCount(shown, atLeast, false);
    }

    /** Whether rows were left out. */
    public boolean isCut() {
        return shown < total;
    }

    /** The note under a table, with {@code noun} ("row", "element") pluralised as needed. */
    public String describe(String noun) {
        if (!isCut()) {
            return shown + " " + plural(noun, shown);
        }
        return "showing " + shown + " of " + (exact ? "" : "at least ") + total + " " + plural(noun, total);
    }

    @Override
    public String toString() {
        return describe("row");
    }

    private static String plural(String noun, long n) {
        if (n == 1) {
            return noun;
        }
        return noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    }
}
