package dev.flinkjupyter.display;

import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Plain Java objects of the notebook's own classes as table rows: one column per public field and
 * per public getter ({@code getX()}, {@code isX()}), in the order the fields are declared. Classes
 * of the JDK and of Flink are never taken apart: their {@code toString()} is what users know.
 */
final class PojoLayout implements RowLayout<Object> {
    static final PojoLayout INSTANCE = new PojoLayout();

    private static final List<String> FOREIGN_PACKAGES =
            List.of("java.", "javax.", "jdk.", "sun.", "com.sun.", "org.apache.flink.", "scala.", "kotlin.");

    /** One column's source: a field or a getter. */
    private record Property(String name, Type type, Class<?> rawType, Member member) {
        Object read(Object target) {
            if (member instanceof Field field) {
                try {
                    return field.get(target);
                } catch (IllegalAccessException e) {
                    return "<" + e + ">";
                }
            }
            return RecordLayout.invoke((Method) member, target);
        }
    }

    private static final ClassValue<List<Property>> PROPERTIES = new ClassValue<>() {
        @Override
        protected List<Property> computeValue(Class<?> type) {
            return properties(type);
        }
    };

    private PojoLayout() {
    }

    /** Whether objects of this class are shown as table rows: a class of the notebook with properties. */
    static boolean isPojo(Class<?> type) {
        if (type.isPrimitive() || type.isArray() || type.isEnum() || type.isInterface() || type.isRecord()
                || type.isSynthetic() || type.isAnonymousClass()) {
            return false;
        }
        return !isForeign(type) && !PROPERTIES.get(type).isEmpty();
    }

    private static boolean isForeign(Class<?> type) {
        String name = type.getName();
        return FOREIGN_PACKAGES.stream().anyMatch(name::startsWith);
    }

    @Override
    public Optional<List<HtmlTable.Column>> columns(List<?> elements) {
        Class<?> type = elements.get(0).getClass();
        if (!elements.stream().allMatch(e -> e.getClass() == type) || !isPojo(type)) {
            return Optional.empty();
        }
        List<HtmlTable.Column> columns = new ArrayList<>();
        for (Property property : PROPERTIES.get(type)) {
            columns.add(new HtmlTable.Column(
                    property.name(), JavaTypes.name(property.type()), JavaTypes.isNumeric(property.rawType())));
        }
        return Optional.of(columns);
    }

    @Override
    public List<?> cells(Object element, List<HtmlTable.Column> columns) {
        List<Object> cells = new ArrayList<>(columns.size());
        for (Property property : PROPERTIES.get(element.getClass())) {
            cells.add(property.read(element));
        }
        return cells;
    }

    private static List<Property> properties(Class<?> type) {
        Map<String, Property> byName = new LinkedHashMap<>();
        for (Field field : type.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !isForeign(field.getDeclaringClass())
                    && field.trySetAccessible()) {
                byName.put(field.getName(), new Property(field.getName(), field.getGenericType(), field.getType(), field));
            }
        }
        for (Method method : type.getMethods()) {
            String name = getterProperty(method);
            if (name != null && !byName.containsKey(name) && method.trySetAccessible()) {
                byName.put(name, new Property(name, method.getGenericReturnType(), method.getReturnType(), method));
            }
        }
        List<String> declared = declaredFieldNames(type);
        List<Property> properties = new ArrayList<>(byName.values());
        properties.sort(Comparator.comparingInt((Property p) -> {
            int i = declared.indexOf(p.name());
            return i < 0 ? Integer.MAX_VALUE : i;
        }).thenComparing(Property::name));
        return List.copyOf(properties);
    }

    /** {@code getAge} and {@code isActive} (boolean) name the properties {@code age} and {@code active}. */
    private static String getterProperty(Method method) {
        if (Modifier.isStatic(method.getModifiers()) || method.getParameterCount() != 0
                || method.getReturnType() == void.class || isForeign(method.getDeclaringClass())) {
            return null;
        }
        String name = method.getName();
        String rest;
        if (name.startsWith("get") && name.length() > 3) {
            rest = name.substring(3);
        } else if (name.startsWith("is") && name.length() > 2 && method.getReturnType() == boolean.class) {
            rest = name.substring(2);
        } else {
            return null;
        }
        if (!Character.isUpperCase(rest.charAt(0))) {
            return null;
        }
        return rest.length() > 1 && Character.isUpperCase(rest.charAt(1))
                ? rest
                : Character.toLowerCase(rest.charAt(0)) + rest.substring(1);
    }

    /** Field names from the top superclass down, in declaration order. */
    private static List<String> declaredFieldNames(Class<?> type) {
        List<Class<?>> chain = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            chain.add(0, c);
        }
        List<String> names = new ArrayList<>();
        for (Class<?> c : chain) {
            for (Field field : c.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    names.add(field.getName());
                }
            }
        }
        return names;
    }
}
