package dev.flinkjupyter.display;

import java.util.List;
import java.util.Optional;

/**
 * What a renderer may consult while drawing: the registry, to draw nested values the same way
 * the cell result would be drawn, and the display limits.
 */
public interface RenderContext {
    /** Renders a nested value with whatever renderer its type has. */
    MimeBundle render(Object value);

    /** The most rows or elements a renderer shows before it says how many it left out. */
    int maxRows();

    /**
     * The elements as a table, when their type has a {@link RowLayout} (records, POJOs, maps, Flink
     * rows) that makes one table of them all; empty otherwise.
     */
    default Optional<HtmlTable> table(List<?> elements) {
        return Optional.empty();
    }
}
