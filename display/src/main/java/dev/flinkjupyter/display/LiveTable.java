package dev.flinkjupyter.display;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A table kept up to date from a changelog, as a streaming query's rows arrive; drawn in the
 * common table look ({@link HtmlTable}). Pure bookkeeping: no threads, no clock.
 *
 * <pre>{@code
 * LiveTable counts = new LiveTable(LiveTable.Mode.TABLE, columns, 1000);
 * counts.apply(Change.INSERT, List.of("a", 1L));
 * counts.apply(Change.UPDATE_BEFORE, List.of("a", 1L));
 * counts.apply(Change.UPDATE_AFTER, List.of("a", 2L));   // one row: a | 2
 * }</pre>
 *
 * <p>In {@link Mode#TABLE} mode an update keeps the row where it was: the row its update-before
 * takes out stays in place, still showing its old values, until an update-after fills it: the
 * first that shares most of its values, i.e. its key (so a row neither blinks out between the
 * two, which may arrive in different redraws, nor swaps places with another one updated at the
 * same time). A
 * retraction of a row the table does not have (it was dropped to stay within the capacity) is
 * ignored.
 */
public final class LiveTable {
    /** The name of the column that shows each row's change, in the changelog look. */
    public static final String OP = "op";

    /** How rows are shown. */
    public enum Mode {
        /** The current table: inserts add rows, retractions take them out (a grouped count shows current counts). */
        TABLE,
        /** Every row as it arrives, the latest ones shown; an op column appears if a row is not an insert. */
        APPEND,
        /** Every change as it arrives, with its op ({@code +I -U +U -D}), the latest ones shown. */
        CHANGELOG
    }

    private final Mode mode;
    private final List<HtmlTable.Column> columns;
    private final int maxRows;
    private final int capacity;

    // TABLE: rows in order, with the places of update-befores waiting for their update-after;
    // rows found by value (places are not: their row is gone, only its old values still show).
    private final Node head = new Node();
    private final Map<RowKey, Deque<Node>> byValue = new HashMap<>();
    private final Deque<Node> places = new ArrayDeque<>();
    private int size;
    private long dropped;

    // APPEND and CHANGELOG: the latest rows.
    private final Deque<Entry> latest = new ArrayDeque<>();
    private boolean anyNotInsert;

    private long changes;

    /** A table of these columns that shows at most {@code maxRows} rows and keeps 100 times as many. */
    public LiveTable(Mode mode, List<HtmlTable.Column> columns, int maxRows) {
        this(mode, columns, maxRows, (int) Math.min(Integer.MAX_VALUE, 100L * maxRows));
    }

    /**
     * @param maxRows the most rows shown
     * @param capacity in {@link Mode#TABLE} mode, the most rows kept (the oldest go first); at
     *     least {@code maxRows}
     */
    public LiveTable(Mode mode, List<HtmlTable.Column> columns, int maxRows, int capacity) {
        if (maxRows < 1 || capacity < maxRows) {
            throw new IllegalArgumentException(
                    "need 1 <= maxRows <= capacity, got maxRows " + maxRows + ", capacity " + capacity);
        }
        this.mode = Objects.requireNonNull(mode);
        this.columns = List.copyOf(columns);
        this.maxRows = maxRows;
        this.capacity = capacity;
        head.prev = head;
        head.next = head;
    }

    public Mode mode() {
        return mode;
    }

    public List<HtmlTable.Column> columns() {
        return columns;
    }

    /** Applies one change: a row of cells, one per column. */
    public void apply(Change change, List<?> cells) {
        if (cells.size() != columns.size()) {
            throw new IllegalArgumentException("a row of " + cells.size() + " cells for " + columns.size() + " columns");
        }
        changes++;
        if (mode == Mode.TABLE) {
            applyToTable(change, cells);
            return;
        }
        anyNotInsert |= change != Change.INSERT;
        latest.addLast(new Entry(change, new ArrayList<>(cells)));
        if (latest.size() > maxRows) {
            latest.removeFirst();
        }
    }

    /** How many changes were applied. */
    public long changes() {
        return changes;
    }

    /** The rows shown now, in order, without the op column; at most the row limit. */
    public List<List<Object>> rows() {
        List<List<Object>> rows = new ArrayList<>();
        if (mode == Mode.TABLE) {
            for (Node n = head.next; n != head && rows.size() < maxRows; n = n.next) {
                rows.add(n.cells);
            }
        } else {
            latest.forEach(e -> rows.add(e.cells));
        }
        return rows;
    }

    /**
     * How many rows the table has now, a row being updated counted once (TABLE), or how many
     * arrived (APPEND, CHANGELOG).
     */
    public long rowCount() {
        return mode == Mode.TABLE ? size + places.size() : changes;
    }

    /**
     * The table as it is now, with a note that says how many rows it shows of how many, and
     * {@code status} after it ({@code live}, {@code stopped}) unless empty.
     */
    public HtmlTable view(String status) {
        boolean withOp = mode == Mode.CHANGELOG || (mode == Mode.APPEND && anyNotInsert);
        List<HtmlTable.Column> shown = new ArrayList<>(columns.size() + 1);
        if (withOp) {
            shown.add(HtmlTable.Column.of(OP, ""));
        }
        shown.addAll(columns);
        HtmlTable table = HtmlTable.withColumns(shown);
        if (mode == Mode.TABLE) {
            rows().forEach(table::addRow);
        } else {
            for (Entry e : latest) {
                List<Object> cells = new ArrayList<>(e.cells.size() + 1);
                if (withOp) {
                    cells.add(e.change.shortName());
                }
                cells.addAll(e.cells);
                table.addRow(cells);
            }
        }
        String note = count(table.rowCount());
        if (status != null && !status.isEmpty()) {
            note += " · " + status;
        }
        return table.note(note);
    }

    private String count(int shown) {
        if (mode == Mode.TABLE) {
            String rows = new RowCount(shown, rowCount(), true).describe("row");
            return dropped == 0 ? rows : rows + " (" + dropped + " oldest dropped to keep " + capacity + ")";
        }
        String noun = mode == Mode.CHANGELOG ? "change" : "row";
        RowCount count = RowCount.of(shown, changes);
        // more arrived than are shown, so the noun is plural
        return count.isCut() ? "showing the last " + shown + " of " + changes + " " + noun + "s" : count.describe(noun);
    }

    private void applyToTable(Change change, List<?> cells) {
        RowKey key = new RowKey(cells.toArray());
        if (change.adds()) {
            Node place = change == Change.UPDATE_AFTER ? takePlaceFor(cells) : null;
            Node node;
            if (place != null) {
                node = place;
                node.waiting = false;
            } else {
                node = new Node();
                linkLast(node);
            }
            node.cells = new ArrayList<>(cells);
            byValue.computeIfAbsent(key, k -> new ArrayDeque<>()).addLast(node);
            size++;
            if (size > capacity) {
                dropOldest();
            }
            return;
        }
        Deque<Node> equal = byValue.get(key);
        if (equal == null) {
            return; // a row the table never had, or dropped
        }
        Node node = equal.pollLast();
        if (equal.isEmpty()) {
            byValue.remove(key);
        }
        size--;
        if (change == Change.UPDATE_BEFORE) {
            node.waiting = true;
            places.addLast(node); // its update-after takes this place
            if (places.size() > capacity) {
                unlink(places.pollFirst());
            }
        } else {
            unlink(node);
        }
    }

    /**
     * The waiting place an update-after fills: the one whose old values it shares most (its key:
     * the updates of two keys may interleave), the oldest of equals; none if nothing waits.
     */
    private Node takePlaceFor(List<?> cells) {
        Node best = null;
        int bestShared = -1;
        for (Node place : places) {
            int shared = 0;
            for (int i = 0; i < cells.size(); i++) {
                if (Objects.deepEquals(place.cells.get(i), cells.get(i))) {
                    shared++;
                }
            }
            if (shared > bestShared) {
                best = place;
                bestShared = shared;
            }
        }
        if (best != null) {
            places.remove(best);
        }
        return best;
    }

    private void dropOldest() {
        for (Node n = head.next; n != head; n = n.next) {
            if (!n.waiting) {
                RowKey key = new RowKey(n.cells.toArray());
                Deque<Node> equal = byValue.get(key);
                equal.remove(n);
                if (equal.isEmpty()) {
                    byValue.remove(key);
                }
                unlink(n);
                size--;
                dropped++;
                return;
            }
        }
    }

    private void linkLast(Node node) {
        node.prev = head.prev;
        node.next = head;
        head.prev.next = node;
        head.prev = node;
    }

    private static void unlink(Node node) {
        node.prev.next = node.next;
        node.next.prev = node.prev;
    }

    /** A row in TABLE mode; waiting while an update-before took it out and its update-after has not come. */
    private static final class Node {
        List<Object> cells;
        boolean waiting;
        Node prev;
        Node next;
    }

    private record Entry(Change change, List<Object> cells) {
    }

    /** Row equality by value, arrays included (Flink's BYTES are byte arrays). */
    private record RowKey(Object[] cells) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RowKey other && Arrays.deepEquals(cells, other.cells);
        }

        @Override
        public int hashCode() {
            return Arrays.deepHashCode(cells);
        }
    }
}
