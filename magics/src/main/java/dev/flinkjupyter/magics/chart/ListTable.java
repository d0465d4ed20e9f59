package dev.flinkjupyter.magics.chart;

import dev.flinkjupyter.magics.MagicException;
import org.apache.flink.types.Row;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.beans.IntrospectionException;
import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A list of rows as a Tablesaw table, so that {@code %chart --var} draws it like a table: records
 * give a column per component, maps one per key, Flink rows one per field (by name when they have
 * names, else f0, f1, ...), other objects one per bean property. A column of numbers becomes
 * numeric, of dates or times temporal, anything else text.
 */
final class ListTable {
    private ListTable() {
    }

    static Table of(String name, List<?> elements) {
        if (elements.isEmpty()) {
            throw new MagicException(name + " is an empty list: nothing to draw");
        }
        Object first = elements.get(0);
        if (first == null) {
            throw new MagicException(name + " holds a null row at index 0");
        }
        Map<String, Function<Object, Object>> fields = fields(first);
        Table table = Table.create(name);
        for (Map.Entry<String, Function<Object, Object>> field : fields.entrySet()) {
            List<Object> values = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Object element = elements.get(i);
                if (element == null || (first instanceof Map ? !(element instanceof Map) : !first.getClass().isInstance(element))) {
                    throw new MagicException(name + " mixes row types: index 0 is a " + first.getClass().getName()
                            + ", index " + i + " is " + (element == null ? "null" : "a " + element.getClass().getName()));
                }
                values.add(field.getValue().apply(element));
            }
            table.addColumns(column(field.getKey(), values));
        }
        return table;
    }

    private static Map<String, Function<Object, Object>> fields(Object row) {
        Map<String, Function<Object, Object>> fields = new LinkedHashMap<>();
        if (row instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                fields.put(String.valueOf(key), r -> ((Map<?, ?>) r).get(key));
            }
        } else if (row instanceof Row flinkRow) {
            Set<String> names = flinkRow.getFieldNames(true);
            if (names != null) {
                for (String n : new LinkedHashSet<>(names)) {
                    fields.put(n, r -> ((Row) r).getField(n));
                }
            } else {
                for (int i = 0; i < flinkRow.getArity(); i++) {
                    int position = i;
                    fields.put("f" + i, r -> ((Row) r).getField(position));
                }
            }
        } else if (row.getClass().isRecord()) {
            for (RecordComponent component : row.getClass().getRecordComponents()) {
                fields.put(component.getName(), invoker(component.getAccessor()));
            }
        } else {
            try {
                for (PropertyDescriptor p : Introspector.getBeanInfo(row.getClass(), Object.class).getPropertyDescriptors()) {
                    if (p.getReadMethod() != null) {
                        fields.put(p.getName(), invoker(p.getReadMethod()));
                    }
                }
            } catch (IntrospectionException e) {
                throw new MagicException("cannot read the properties of " + row.getClass().getName() + ": " + e.getMessage());
            }
            for (java.lang.reflect.Field f : row.getClass().getFields()) {
                if (!java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
                    fields.putIfAbsent(f.getName(), r -> {
                        try {
                            return f.get(r);
                        } catch (IllegalAccessException e) {
                            throw new MagicException("cannot read " + f + ": " + e.getMessage());
                        }
                    });
                }
            }
        }
        if (fields.isEmpty()) {
            throw new MagicException("a " + row.getClass().getName() + " has no fields to draw: %chart --var takes "
                    + "a list of records, maps, Flink rows or objects with getters");
        }
        return fields;
    }

    private static Function<Object, Object> invoker(Method method) {
        method.setAccessible(true);
        return r -> {
            try {
                return method.invoke(r);
            } catch (ReflectiveOperationException e) {
                throw new MagicException("cannot read " + method.getName() + " of a " + r.getClass().getName() + ": " + e);
            }
        };
    }

    private static Column<?> column(String name, List<Object> values) {
        Object sample = values.stream().filter(v -> v != null).findFirst().orElse(null);
        boolean all = values.stream().allMatch(v -> v == null || sample != null && sample.getClass().isInstance(v));
        if (values.stream().allMatch(v -> v == null || v instanceof Number)) {
            DoubleColumn column = DoubleColumn.create(name);
            values.forEach(v -> {
                if (v == null) {
                    column.appendMissing();
                } else {
                    column.append(((Number) v).doubleValue());
                }
            });
            return column;
        }
        if (all && sample instanceof LocalDate) {
            DateColumn column = DateColumn.create(name);
            values.forEach(v -> column.append((LocalDate) v));
            return column;
        }
        if (all && sample instanceof LocalDateTime) {
            DateTimeColumn column = DateTimeColumn.create(name);
            values.forEach(v -> column.append((LocalDateTime) v));
            return column;
        }
        if (all && sample instanceof Instant) {
            InstantColumn column = InstantColumn.create(name);
            values.forEach(v -> column.append((Instant) v));
            return column;
        }
        StringColumn column = StringColumn.create(name);
        values.forEach(v -> column.append(v == null ? null : String.valueOf(v)));
        return column;
    }
}
