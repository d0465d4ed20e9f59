package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The one look of every table the notebook shows (Flink results, Tablesaw tables, collections of
 * records, maps): column names with their types in the header, numbers right-aligned, NULL marked,
 * every value HTML-escaped, and a note saying how many rows are shown of how many. {@link #text()}
 * is the plain-text twin, aligned like a console table.
 *
 * <pre>{@code
 * HtmlTable.withColumns(Column.numeric("id", "INT"), Column.of("name", "STRING"))
 *         .addRow(1, "a")
 *         .addRow(2, null)
 *         .bundle();
 * }</pre>
 *
 * <p>Rows are given already cut to the limit; {@link #count(RowCount)} says how many there are.
 */
public final class HtmlTable {
    /** Longest cell text in the HTML form; longer values end with an ellipsis. */
    public static final int MAX_HTML_CELL_CHARS = 1000;
    /** Longest cell text in the plain-text form, which has to stay readable in a console. */
    public static final int MAX_TEXT_CELL_CHARS = 60;

    private static final String NULL = "NULL";
    private static final String STYLE = "<style>"
            + ".fj-table .fj-scroll{max-height:32em;overflow:auto;}"
            + ".fj-table table{border-collapse:collapse;table-layout:auto;margin:0;font-size:12px;}"
            + ".fj-table th,.fj-table td{text-align:left;vertical-align:top;padding:2px 8px;"
            + "white-space:pre-wrap;max-width:40em;}"
            + ".fj-table th{position:sticky;top:0;background:var(--jp-layout-color1,#f3f3f3);"
            + "border-bottom:1px solid #bbb;}"
            + ".fj-table .fj-num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums;}"
            + ".fj-table .fj-type{display:block;font-weight:normal;color:#888;font-size:90%;}"
            + ".fj-table .fj-null{color:#999;font-style:italic;}"
            + ".fj-table .fj-title{font-weight:bold;margin:2px 0;}"
            + ".fj-table .fj-note{color:#888;font-size:90%;margin-top:2px;}"
            + "</style>";

    /**
     * A column of the table.
     *
     * @param name the header
     * @param type the type shown under the header ({@code INT}, {@code String}); empty for none
     * @param numeric right-align this column; columns whose values are all numbers are
     *     right-aligned anyway
     */
    public record Column(String name, String type, boolean numeric) {
        public Column {
            Objects.requireNonNull(name, "name");
            type = type == null ? "" : type;
        }

        /** A column aligned by its values: right when they are all numbers. */
        public static Column of(String name, String type) {
            return new Column(name, type, false);
        }

        /** A right-aligned column. */
        public static Column numeric(String name, String type) {
            return new Column(name, type, true);
        }

        /**
         * A column typed by the nearest class its values share ({@code Integer}, {@code Number},
         * {@code Object}; no type when all are null), for rows that carry no types of their own.
         */
        public static Column forValues(String name, Collection<?> values) {
            return new Column(name, JavaTypes.commonName(values), false);
        }
    }

    private final List<Column> columns;
    private final List<List<?>> rows = new ArrayList<>();
    private RowCount count;
    private String note;
    private String title = "";
    private String noun = "row";

    private HtmlTable(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** An empty table with these columns. */
    public static HtmlTable withColumns(List<Column> columns) {
        return new HtmlTable(columns);
    }

    /** An empty table with these columns. */
    public static HtmlTable withColumns(Column... columns) {
        return new HtmlTable(Arrays.asList(columns));
    }

    /** Adds a row: one cell value per column, null for NULL. */
    public HtmlTable addRow(List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException(
                    "a row of " + cells.size() + " cells for " + columns.size() + " columns " + names());
        }
        rows.add(new ArrayList<>(cells));
        return this;
    }

    /** Adds a row: one cell value per column, null for NULL. */
    public HtmlTable addRow(Object... cells) {
        return addRow(Arrays.asList(cells));
    }

    /** Says how many rows there are in all; by default, as many as were added. */
    public HtmlTable count(RowCount count) {
        if (count.shown() != rows.size()) {
            throw new IllegalArgumentException(
                    "the count says " + count.shown() + " rows are shown, the table has " + rows.size());
        }
        this.count = count;
        return this;
    }

    /**
     * Replaces the note under the table, which by default says how many rows are shown of how
     * many; a live table says more ({@code showing the last 1000 of 5000 rows · live}).
     */
    public HtmlTable note(String note) {
        this.note = Objects.requireNonNull(note);
        return this;
    }

    /** A title over the table, for example the name of a record class; none by default. */
    public HtmlTable title(String title) {
        this.title = title == null ? "" : title;
        return this;
    }

    /** What a row is called in the note: {@code row} by default, {@code element}, {@code entry}. */
    public HtmlTable noun(String noun) {
        this.noun = Objects.requireNonNull(noun);
        return this;
    }

    /** The columns, in order. */
    public List<Column> columns() {
        return columns;
    }

    /** The rows added, which the table shows. */
    public int rowCount() {
        return rows.size();
    }

    /** The note under the table: {@code 3 rows}, {@code showing 1000 of at least 1001 rows}. */
    public String note() {
        if (note != null) {
            return note;
        }
        return (count != null ? count : RowCount.all(rows.size())).describe(noun);
    }

    /** The HTML form, with its own small style sheet; works in Notebook 6 and JupyterLab. */
    public String html() {
        boolean[] right = rightAligned();
        StringBuilder html = new StringBuilder(256 + rows.size() * columns.size() * 24);
        html.append("<div class=\"fj-table\">").append(STYLE);
        if (!title.isEmpty()) {
            html.append("<div class=\"fj-title\">").append(Html.escape(title)).append("</div>");
        }
        html.append("<div class=\"fj-scroll\"><table><thead><tr>");
        for (int c = 0; c < columns.size(); c++) {
            Column column = columns.get(c);
            html.append(right[c] ? "<th class=\"fj-num\">" : "<th>").append(Html.escape(column.name()));
            if (!column.type().isEmpty()) {
                html.append("<span class=\"fj-type\">").append(Html.escape(column.type())).append("</span>");
            }
            html.append("</th>");
        }
        html.append("</tr></thead><tbody>");
        for (List<?> row : rows) {
            html.append("<tr>");
            for (int c = 0; c < columns.size(); c++) {
                Object value = row.get(c);
                html.append(right[c] ? "<td class=\"fj-num\">" : "<td>");
                if (value == null) {
                    html.append("<span class=\"fj-null\">").append(NULL).append("</span>");
                } else {
                    html.append(Html.escape(PlainText.of(value, MAX_HTML_CELL_CHARS)));
                }
                html.append("</td>");
            }
            html.append("</tr>");
        }
        html.append("</tbody></table></div><div class=\"fj-note\">")
                .append(Html.escape(note()))
                .append("</div></div>");
        return html.toString();
    }

    /**
     * The plain-text form: names, types, a rule, the rows, then the note; columns padded to one
     * width, numbers on the right.
     */
    public String text() {
        boolean[] right = rightAligned();
        int n = columns.size();
        List<String[]> lines = new ArrayList<>(rows.size() + 2);
        String[] names = new String[n];
        String[] types = new String[n];
        boolean anyType = false;
        for (int c = 0; c < n; c++) {
            names[c] = oneLine(columns.get(c).name());
            types[c] = oneLine(columns.get(c).type());
            anyType |= !types[c].isEmpty();
        }
        lines.add(names);
        if (anyType) {
            lines.add(types);
        }
        int header = lines.size();
        for (List<?> row : rows) {
            String[] cells = new String[n];
            for (int c = 0; c < n; c++) {
                Object value = row.get(c);
                cells[c] = value == null ? NULL : oneLine(PlainText.of(value, MAX_TEXT_CELL_CHARS));
            }
            lines.add(cells);
        }
        int[] width = new int[n];
        for (String[] line : lines) {
            for (int c = 0; c < n; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        if (!title.isEmpty()) {
            text.append(title).append('\n');
        }
        for (int i = 0; i < lines.size(); i++) {
            if (i == header) {
                appendRule(text, width);
            }
            appendLine(text, lines.get(i), width, right);
        }
        if (lines.size() == header) {
            appendRule(text, width);
        }
        return text.append(note()).toString();
    }

    /** The HTML form with its plain-text twin. */
    public MimeBundle bundle() {
        return MimeBundle.html(html(), text());
    }

    @Override
    public String toString() {
        return text();
    }

    private boolean[] rightAligned() {
        boolean[] right = new boolean[columns.size()];
        for (int c = 0; c < right.length; c++) {
            right[c] = columns.get(c).numeric() || allNumbers(c);
        }
        return right;
    }

    private boolean allNumbers(int column) {
        boolean any = false;
        for (List<?> row : rows) {
            Object value = row.get(column);
            if (value != null) {
                if (!(value instanceof Number)) {
                    return false;
                }
                any = true;
            }
        }
        return any;
    }

    private static void appendLine(StringBuilder text, String[] cells, int[] width, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            if (c > 0) {
                line.append(" | ");
            }
            String pad = " ".repeat(width[c] - cells[c].length());
            line.append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static void appendRule(StringBuilder text, int[] width) {
        for (int c = 0; c < width.length; c++) {
            text.append(c > 0 ? "-+-" : "").append("-".repeat(width[c]));
        }
        text.append('\n');
    }

    /** Keeps one value on one line of the text form. */
    private static String oneLine(String text) {
        if (text.indexOf('\n') < 0 && text.indexOf('\r') < 0 && text.indexOf('\t') < 0) {
            return text;
        }
        return text.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
    }

    private List<String> names() {
        return columns.stream().map(Column::name).toList();
    }
}
