package dev.flinkjupyter.ml.render;

import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.HtmlTable.Column;
import dev.flinkjupyter.display.RowCount;
import dev.flinkjupyter.ml.classification.LinearSVCModel;
import dev.flinkjupyter.ml.classification.LogisticRegressionModel;
import dev.flinkjupyter.ml.regression.LinearRegressionModel;
import java.util.ArrayList;
import java.util.List;

/**
 * The linear models as tables: one row per feature, named by its index in the vector
 * ({@code x0}, {@code x1}, ...), with its coefficient (one column per class for a multinomial
 * logistic model), then the intercept. How training went is in the title.
 */
final class LinearModelTables {
    private LinearModelTables() {
    }

    static HtmlTable linearRegression(LinearRegressionModel model, int maxRows) {
        LinearRegressionModel.Summary s = model.getSummary();
        String title = "LinearRegressionModel: " + model.getCoefficients().length + " features"
                + (s == null ? "" : ", " + s.rows() + " training rows, RMSE " + s.trainingRmse() + ", R2 "
                        + s.trainingR2());
        HtmlTable table = single(title, model.getCoefficients(), model.getIntercept(), maxRows);
        return model.getSolverNote().isEmpty() ? table : table.note(model.getSolverNote());
    }

    static HtmlTable linearSvc(LinearSVCModel model, int maxRows) {
        return single("LinearSVCModel: " + model.getCoefficients().length + " features, "
                + history(model.getTrainingHistory().size(), model.isConverged()), model.getCoefficients(),
                model.getIntercept(), maxRows);
    }

    static HtmlTable logisticRegression(LogisticRegressionModel model, int maxRows) {
        double[] labels = model.getLabels();
        String title = "LogisticRegressionModel: " + labels.length + " classes, " + model.getNumFeatures()
                + " features, " + history(model.getTrainingHistory().size(), model.isConverged());
        if (model.isBinary()) {
            return single(title + "; log-odds of label " + labels[1], model.getCoefficients(), model.getIntercept(),
                    maxRows);
        }
        double[][] w = model.getCoefficientMatrix();
        double[] b = model.getIntercepts();
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("feature", "STRING"));
        for (int a = 1; a < labels.length; a++) {
            columns.add(Column.numeric("label " + labels[a], "DOUBLE"));
        }
        HtmlTable table = HtmlTable.withColumns(columns)
                .title(title + "; scores relative to label " + labels[0]);
        int dim = model.getNumFeatures();
        int shown = Math.min(dim, Math.max(0, maxRows - 1));
        for (int j = 0; j < shown; j++) {
            List<Object> cells = new ArrayList<>();
            cells.add("x" + j);
            for (int a = 1; a < labels.length; a++) {
                cells.add(w[a][j]);
            }
            table.addRow(cells);
        }
        List<Object> intercepts = new ArrayList<>();
        intercepts.add("intercept");
        for (int a = 1; a < labels.length; a++) {
            intercepts.add(b[a]);
        }
        table.addRow(intercepts);
        return table.count(RowCount.of(shown + 1, dim + 1)).noun("coefficient");
    }

    private static String history(int iterates, boolean converged) {
        return (iterates - 1) + " Newton steps" + (converged ? "" : " (not converged)");
    }

    private static HtmlTable single(String title, double[] coefficients, double intercept, int maxRows) {
        HtmlTable table = HtmlTable.withColumns(Column.of("feature", "STRING"), Column.numeric("coefficient", "DOUBLE"))
                .title(title);
        int shown = Math.min(coefficients.length, Math.max(0, maxRows - 1));
        for (int j = 0; j < shown; j++) {
            table.addRow("x" + j, coefficients[j]);
        }
        table.addRow("intercept", intercept);
        return table.count(RowCount.of(shown + 1, coefficients.length + 1)).noun("coefficient");
    }
}
