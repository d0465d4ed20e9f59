package dev.flinkjupyter.engine.render;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.RowLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.flink.api.java.tuple.Tuple;

/** Flink tuples ({@code Tuple2<String, Integer>} ...) as table rows: columns {@code f0, f1, ...}. */
final class TupleLayout implements RowLayout<Tuple> {

    @Override
    public Optional<List<HtmlTable.Column>> columns(List<? extends Tuple> tuples) {
        int arity = tuples.get(0).getArity();
        if (tuples.stream().anyMatch(t -> t.getArity() != arity)) {
            return Optional.empty();
        }
        List<HtmlTable.Column> columns = new ArrayList<>(arity);
        for (int i = 0; i < arity; i++) {
            List<Object> values = new ArrayList<>(tuples.size());
            for (Tuple tuple : tuples) {
                values.add(tuple.getField(i));
            }
            columns.add(HtmlTable.Column.forValues("f" + i, values));
        }
        return Optional.of(columns);
    }

    @Override
    public List<?> cells(Tuple tuple, List<HtmlTable.Column> columns) {
        List<Object> cells = new ArrayList<>(tuple.getArity());
        for (int i = 0; i < tuple.getArity(); i++) {
            cells.add(tuple.getField(i));
        }
        return cells;
    }
}
