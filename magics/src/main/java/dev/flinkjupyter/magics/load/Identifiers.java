package dev.flinkjupyter.magics.load;

import java.util.Locale;

/** Flink SQL names: quoting any name, and making a table name out of a file name. */
public final class Identifiers {

    private Identifiers() {}

    /** {@code name} quoted for Flink SQL, so reserved words and spaces are fine: {@code `my col`}. */
    public static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /** A string literal for Flink SQL: {@code 'it''s'}. */
    public static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    /**
     * A plain identifier made from a file name, that SQL cells can use unquoted: the name without
     * its extensions, lower case, letters, digits and underscores, not starting with a digit
     * ({@code "Sales 2024.csv.gz"} becomes {@code sales_2024}).
     */
    public static String fromFileName(String fileName) {
        int dot = fileName.indexOf('.', 1);
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String name = base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "_").replaceAll("^_+|_+$", "");
        if (name.isEmpty()) {
            return "data";
        }
        return Character.isDigit(name.charAt(0)) ? "t_" + name : name;
    }
}
