package dev.flinkjupyter.ml.render;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.HtmlTable.Column;
import dev.flinkjupyter.display.RowCount;
import dev.flinkjupyter.ml.classification.NaiveBayesModel;
import dev.flinkjupyter.ml.classification.OnlineLogisticRegressionModel;
import dev.flinkjupyter.ml.clustering.ClusteringMetrics;
import dev.flinkjupyter.ml.clustering.KMeansModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The learned values of the clustering and naive Bayes models, and clustering metrics, as the
 * notebook's tables: one row per centre, per class, per coefficient, per cluster. Features are
 * named by their index in the vector ({@code x0}, {@code x1}, ...). Rows beyond the display's limit
 * are left out and counted.
 */
final class ModelTables {
    private ModelTables() {
    }

    /** One row per centre: its index, its size in training, its coordinates. */
    static HtmlTable centres(KMeansModel model, int maxRows) {
        double[][] centres = model.getCentroids();
        double[] sizes = model.getClusterSizes();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.numeric("cluster", "INT"));
        if (sizes != null) {
            columns.add(Column.numeric("size", "DOUBLE"));
        }
        addFeatureColumns(columns, centres[0].length);
        HtmlTable table = HtmlTable.withColumns(columns)
                .title("KMeansModel: " + centres.length + " centres of " + centres[0].length + " features");
        int shown = Math.min(centres.length, maxRows);
        for (int c = 0; c < shown; c++) {
            List<Object> cells = new ArrayList<>();
            cells.add(c);
            if (sizes != null) {
                cells.add(sizes[c]);
            }
            for (double v : centres[c]) {
                cells.add(v);
            }
            table.addRow(cells);
        }
        return table.count(RowCount.of(shown, centres.length)).noun("centre");
    }

    /** One row per class: its label, prior, and the mean (Gaussian) or log probability (multinomial) of each feature. */
    static HtmlTable classes(NaiveBayesModel model, int maxRows) {
        boolean gaussian = model.getLogTheta() == null;
        double[][] values = gaussian ? model.getMeans() : model.getLogTheta();
        double[] labels = model.getLabels();
        double[] priors = model.getPriors();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.numeric("label", "DOUBLE"));
        columns.add(Column.numeric("prior", "DOUBLE"));
        int dim = values[0].length;
        for (int j = 0; j < dim; j++) {
            columns.add(Column.numeric((gaussian ? "mean x" : "log p(x") + j + (gaussian ? "" : ")"), "DOUBLE"));
        }
        HtmlTable table = HtmlTable.withColumns(columns).title("NaiveBayesModel (" + model.getModelType() + "): "
                + labels.length + " classes, " + dim + " features");
        int shown = Math.min(labels.length, maxRows);
        for (int c = 0; c < shown; c++) {
            List<Object> cells = new ArrayList<>();
            cells.add(labels[c]);
            cells.add(priors[c]);
            for (double v : values[c]) {
                cells.add(v);
            }
            table.addRow(cells);
        }
        return table.count(RowCount.of(shown, labels.length)).noun("class");
    }

    /** One row per coefficient, the intercept last. */
    static HtmlTable coefficients(OnlineLogisticRegressionModel model, int maxRows) {
        double[] w = model.getCoefficients();
        HtmlTable table = HtmlTable.withColumns(Column.of("feature", "STRING"), Column.numeric("coefficient", "DOUBLE"))
                .title("OnlineLogisticRegressionModel: " + w.length + " features");
        int shown = Math.min(w.length, Math.max(0, maxRows - 1));
        for (int j = 0; j < shown; j++) {
            table.addRow("x" + j, w[j]);
        }
        table.addRow("intercept", model.getIntercept());
        return table.count(RowCount.of(shown + 1, w.length + 1)).noun("coefficient");
    }

    /** One row per cluster with its size; the inertia and silhouette in the title. */
    static HtmlTable metrics(ClusteringMetrics metrics, int maxRows) {
        HtmlTable table = HtmlTable.withColumns(Column.numeric("cluster", "INT"), Column.numeric("size", "DOUBLE"))
                .title("inertia " + metrics.inertia() + " · silhouette " + metrics.silhouette() + " (on "
                        + metrics.sampled() + " sampled rows)");
        int shown = Math.min(metrics.clusters().length, maxRows);
        for (int c = 0; c < shown; c++) {
            table.addRow(metrics.clusters()[c], metrics.sizes()[c]);
        }
        return table.count(RowCount.of(shown, metrics.clusters().length)).noun("cluster");
    }

    private static void addFeatureColumns(List<Column> columns, int dim) {
        for (int j = 0; j < dim; j++) {
            columns.add(Column.numeric("x" + j, "DOUBLE"));
        }
    }
}
