package dev.flinkjupyter.display;

import java.util.List;
import java.util.Optional;

/**
 * How elements of one type become the rows of a table, when a collection, an array or an
 * iterator of them is shown: records give one column per component, POJOs one per property, maps
 * one per key, Flink rows one per field. Registered per element type with
 * {@link Renderers#registerRowLayout(Class, RowLayout)}.
 *
 * @param <T> the element type
 */
public interface RowLayout<T> {

    /**
     * The columns of a table of these elements, or empty when they do not make one table (for
     * example rows of different arity). Called with the elements that will be shown, at least one.
     */
    Optional<List<HtmlTable.Column>> columns(List<? extends T> elements);

    /** The cells of one element, one per column of {@link #columns(List)}, in the same order. */
    List<?> cells(T element, List<HtmlTable.Column> columns);
}
