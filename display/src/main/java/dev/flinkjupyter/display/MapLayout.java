package dev.flinkjupyter.display;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps as table rows, the shape of parsed JSON records: one column per key that any of them has,
 * in the order keys first appear; a row without a key has NULL there.
 */
final class MapLayout implements RowLayout<Map<?, ?>> {
    static final MapLayout INSTANCE = new MapLayout();
    /** More keys than this make a table nobody reads: the maps are shown as a list. */
    static final int MAX_COLUMNS = 200;

    private MapLayout() {
    }

    @Override
    public Optional<List<HtmlTable.Column>> columns(List<? extends Map<?, ?>> elements) {
        Map<String, List<Object>> valuesByKey = new LinkedHashMap<>();
        for (Map<?, ?> map : elements) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                valuesByKey.computeIfAbsent(String.valueOf(entry.getKey()), k -> new ArrayList<>()).add(entry.getValue());
                if (valuesByKey.size() > MAX_COLUMNS) {
                    return Optional.empty();
                }
            }
        }
        if (valuesByKey.isEmpty()) {
            return Optional.empty();
        }
        List<HtmlTable.Column> columns = new ArrayList<>();
        valuesByKey.forEach((key, values) -> columns.add(HtmlTable.Column.forValues(key, values)));
        return Optional.of(columns);
    }

    @Override
    public List<?> cells(Map<?, ?> element, List<HtmlTable.Column> columns) {
        Map<String, Object> byName = new LinkedHashMap<>();
        element.forEach((key, value) -> byName.put(String.valueOf(key), value));
        List<Object> cells = new ArrayList<>(columns.size());
        for (HtmlTable.Column column : columns) {
            cells.add(byName.get(column.name()));
        }
        return cells;
    }
}
