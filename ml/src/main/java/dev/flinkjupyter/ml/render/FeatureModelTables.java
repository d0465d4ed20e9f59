package dev.flinkjupyter.ml.render;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.HtmlTable.Column;
import dev.flinkjupyter.display.RowCount;
import dev.flinkjupyter.ml.Param;
import dev.flinkjupyter.ml.WithParams;
import dev.flinkjupyter.ml.feature.ImputerModel;
import dev.flinkjupyter.ml.feature.MinMaxScalerModel;
import dev.flinkjupyter.ml.feature.OneHotEncoderModel;
import dev.flinkjupyter.ml.feature.StandardScalerModel;
import dev.flinkjupyter.ml.feature.StringIndexerModel;
import dev.flinkjupyter.ml.param.HasInputCols;
import java.util.List;

/**
 * What the feature models learned, as the notebook's tables: one row per vector element for the
 * scalers, per label for a string indexer, per input column for the one-hot encoder and the
 * imputer. Rows beyond the display's limit are left out and counted.
 */
final class FeatureModelTables {
    private FeatureModelTables() {
    }

    /** One row per vector element: its mean and standard deviation. */
    static HtmlTable standardScaler(StandardScalerModel model, int maxRows) {
        double[] mean = model.getMean();
        double[] std = model.getStd();
        HtmlTable table = HtmlTable.withColumns(Column.of("feature", "STRING"), Column.numeric("mean", "DOUBLE"),
                Column.numeric("std", "DOUBLE")).title("StandardScalerModel: " + mean.length + " features");
        int shown = Math.min(mean.length, maxRows);
        for (int j = 0; j < shown; j++) {
            table.addRow("x" + j, mean[j], std[j]);
        }
        return table.count(RowCount.of(shown, mean.length)).noun("feature");
    }

    /** One row per vector element: the smallest and largest value seen in fitting. */
    static HtmlTable minMaxScaler(MinMaxScalerModel model, int maxRows) {
        double[] min = model.getOriginalMin();
        double[] max = model.getOriginalMax();
        HtmlTable table = HtmlTable.withColumns(Column.of("feature", "STRING"), Column.numeric("min", "DOUBLE"),
                Column.numeric("max", "DOUBLE")).title("MinMaxScalerModel: " + min.length + " features");
        int shown = Math.min(min.length, maxRows);
        for (int j = 0; j < shown; j++) {
            table.addRow("x" + j, min[j], max[j]);
        }
        return table.count(RowCount.of(shown, min.length)).noun("feature");
    }

    /**
     * One row per label, in index order, grouped by input column; at most {@code maxRows} rows in
     * all, and the note says how many labels there are.
     */
    static HtmlTable stringIndexer(StringIndexerModel model, int maxRows) {
        List<List<String>> labels = model.getLabelsPerColumn();
        String[] names = model.inputColumns();
        HtmlTable table = HtmlTable.withColumns(Column.of("column", "STRING"), Column.numeric("index", "INT"),
                Column.of("label", "STRING"));
        int total = 0;
        int shown = 0;
        for (int c = 0; c < labels.size(); c++) {
            List<String> column = labels.get(c);
            total += column.size();
            for (int i = 0; i < column.size() && shown < maxRows; i++, shown++) {
                table.addRow(columnName(names, c), i, column.get(i));
            }
        }
        table.title("StringIndexerModel: " + labels.size() + (labels.size() == 1 ? " column, " : " columns, ")
                + total + " labels");
        return table.count(RowCount.of(shown, total)).noun("label");
    }

    /** One row per input column: its categories and the size of its vectors. */
    static HtmlTable oneHotEncoder(OneHotEncoderModel model, int maxRows) {
        int[] categories = model.getCategoriesPerColumn();
        int[] sizes = model.vectorSizes();
        String[] names = model.inputColumns();
        HtmlTable table = HtmlTable.withColumns(Column.of("column", "STRING"), Column.numeric("categories", "INT"),
                Column.numeric("vector size", "INT"))
                .title("OneHotEncoderModel: " + categories.length + (categories.length == 1 ? " column" : " columns")
                        + (model.get(OneHotEncoderModel.DROP_LAST) ? ", last category dropped" : "")
                        + ", handleInvalid " + model.getHandleInvalid());
        int shown = Math.min(categories.length, maxRows);
        for (int c = 0; c < shown; c++) {
            table.addRow(columnName(names, c), categories[c], sizes[c]);
        }
        return table.count(RowCount.of(shown, categories.length)).noun("column");
    }

    /** One row per input column: how its fill value was learned, and the value. */
    static HtmlTable imputer(ImputerModel model, int maxRows) {
        double[] fills = model.getSurrogates();
        String[] names = setOrEmpty(model, HasInputCols.INPUT_COLS);
        String strategy = (String) model.getParamMap().values().get(ImputerModel.STRATEGY);
        HtmlTable table = HtmlTable.withColumns(Column.of("column", "STRING"), Column.of("strategy", "STRING"),
                Column.numeric("fill value", "DOUBLE"))
                .title("ImputerModel: " + fills.length + (fills.length == 1 ? " column" : " columns")
                        + ", missing = null or " + model.get(ImputerModel.MISSING_VALUE));
        int shown = Math.min(fills.length, maxRows);
        for (int c = 0; c < shown; c++) {
            table.addRow(columnName(names, c), strategy, fills[c]);
        }
        return table.count(RowCount.of(shown, fills.length)).noun("column");
    }

    private static String[] setOrEmpty(WithParams<?> stage, Param<String[]> param) {
        String[] value = (String[]) stage.getParamMap().values().get(param);
        return value == null ? new String[0] : value;
    }

    /** The input column's name, or its position when the model has no names set (one built by hand). */
    private static String columnName(String[] names, int c) {
        return c < names.length ? names[c] : "#" + c;
    }
}
