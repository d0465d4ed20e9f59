package dev.flinkjupyter.display;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Records as table rows: one column per component, typed by its declaration. */
final class RecordLayout implements RowLayout<Record> {
    static final RecordLayout INSTANCE = new RecordLayout();

    private RecordLayout() {
    }

    @Override
    public Optional<List<HtmlTable.Column>> columns(List<? extends Record> elements) {
        Class<?> type = elements.get(0).getClass();
        if (!elements.stream().allMatch(e -> e.getClass() == type) || accessors(type).isEmpty()) {
            return Optional.empty();
        }
        List<HtmlTable.Column> columns = new ArrayList<>();
        for (RecordComponent component : type.getRecordComponents()) {
            columns.add(new HtmlTable.Column(component.getName(), JavaTypes.name(component.getGenericType()),
                    JavaTypes.isNumeric(component.getType())));
        }
        return Optional.of(columns);
    }

    @Override
    public List<?> cells(Record element, List<HtmlTable.Column> columns) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (Method accessor : accessors(element.getClass()).orElseThrow()) {
            cells.add(invoke(accessor, element));
        }
        return cells;
    }

    /** The accessors in component order, callable from here; empty if some are not accessible. */
    static Optional<List<Method>> accessors(Class<?> recordClass) {
        List<Method> accessors = new ArrayList<>();
        for (RecordComponent component : recordClass.getRecordComponents()) {
            Method accessor = component.getAccessor();
            // Records declared in cells or inside other classes are often not public.
            if (!accessor.trySetAccessible()) {
                return Optional.empty();
            }
            accessors.add(accessor);
        }
        return Optional.of(accessors);
    }

    /** Calls a getter; what it throws becomes the cell's text rather than failing the display. */
    static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (InvocationTargetException e) {
            return "<" + e.getCause() + ">";
        } catch (IllegalAccessException e) {
            return "<" + e + ">";
        }
    }
}
