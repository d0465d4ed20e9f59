package dev.flinkjupyter.display;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.List;

/**
 * Arrays of any element type: text like a list, a table when the elements have a row layout, and
 * a table of rows and columns for an array of arrays ({@code double[][]}).
 */
final class ArrayRenderer implements Renderer<Object> {

    @Override
    public MimeBundle render(Object array, RenderContext context) {
        Class<?> component = array.getClass().getComponentType();
        if (component.isArray() && Array.getLength(array) > 0) {
            return matrix(array, context);
        }
        return Elements.render(Head.of(asList(array), context.maxRows()), context);
    }

    /** Rows are the outer array, columns the inner ones; short rows leave their last cells empty. */
    private static MimeBundle matrix(Object array, RenderContext context) {
        int length = Array.getLength(array);
        int shown = Math.min(length, context.maxRows());
        int width = 0;
        for (int r = 0; r < shown; r++) {
            Object row = Array.get(array, r);
            width = Math.max(width, row == null ? 0 : Array.getLength(row));
        }
        Class<?> cellType = array.getClass().getComponentType().getComponentType();
        String type = JavaTypes.name(cellType);
        List<HtmlTable.Column> columns = new ArrayList<>(width);
        for (int c = 0; c < width; c++) {
            columns.add(new HtmlTable.Column(Integer.toString(c), type, JavaTypes.isNumeric(cellType)));
        }
        HtmlTable table = HtmlTable.withColumns(columns).noun("row");
        for (int r = 0; r < shown; r++) {
            Object row = Array.get(array, r);
            List<Object> cells = new ArrayList<>(width);
            int rowLength = row == null ? 0 : Array.getLength(row);
            for (int c = 0; c < width; c++) {
                cells.add(c < rowLength ? Array.get(row, c) : "");
            }
            table.addRow(cells);
        }
        table.count(RowCount.of(shown, length));
        return table.bundle();
    }

    /** A view of any array, primitive or not, as a list of boxed elements. */
    private static List<Object> asList(Object array) {
        return new java.util.AbstractList<>() {
            @Override
            public Object get(int index) {
                return Array.get(array, index);
            }

            @Override
            public int size() {
                return Array.getLength(array);
            }
        };
    }
}
