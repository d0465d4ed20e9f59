package dev.flinkjupyter.ml.evaluation;

import dev.flinkjupyter.display.Charts;
import dev.flinkjupyter.display.HtmlTable;
import dev.flinkjupyter.display.HtmlTable.Column;
import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.RowCount;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How evaluation results look in a notebook: a table of the metrics, beside it the confusion
 * matrix (multiclass) or the ROC curve as a chart (binary). One output, HTML with a plain-text
 * twin; the chart is a PNG inside the HTML.
 */
public final class EvaluationViews {
    private EvaluationViews() {
    }

    /** A table of metric names and values. */
    public static HtmlTable metricsTable(String title, Metrics metrics) {
        HtmlTable table = HtmlTable.withColumns(Column.of("metric", "STRING"), Column.numeric("value", "DOUBLE"))
                .title(title);
        for (Map.Entry<String, Double> entry : metrics.values().entrySet()) {
            table.addRow(entry.getKey(), entry.getValue());
        }
        return table.count(RowCount.all(metrics.values().size())).noun("metric");
    }

    /** The confusion matrix: a row per actual class, a column per predicted class. */
    public static HtmlTable confusionTable(ConfusionMatrix matrix, int maxRows) {
        List<Column> columns = new ArrayList<>();
        columns.add(Column.of("actual \\ predicted", "STRING"));
        for (String c : matrix.classes()) {
            columns.add(Column.numeric(c, "DOUBLE"));
        }
        HtmlTable table = HtmlTable.withColumns(columns).title("confusion matrix");
        double[][] counts = matrix.counts();
        int shown = Math.min(counts.length, maxRows);
        for (int i = 0; i < shown; i++) {
            List<Object> cells = new ArrayList<>();
            cells.add(matrix.classes().get(i));
            for (double v : counts[i]) {
                cells.add(v);
            }
            table.addRow(cells);
        }
        return table.count(RowCount.of(shown, counts.length)).noun("class");
    }

    /** The ROC curve, with the diagonal of a random guess, and its area in the title. */
    public static XYChart rocChart(BinaryClassificationMetrics metrics) {
        Curve roc = metrics.roc();
        XYChart chart = Charts.line(String.format("ROC curve (area %.4f)", metrics.areaUnderROC()), roc.x(), roc.y());
        chart.setXAxisTitle(roc.xName());
        chart.setYAxisTitle(roc.yName());
        chart.getSeriesMap().values().iterator().next().setMarker(SeriesMarkers.NONE);
        XYSeries diagonal = chart.addSeries("random guess", new double[] {0, 1}, new double[] {0, 1});
        diagonal.setMarker(SeriesMarkers.NONE);
        chart.getStyler().setLegendVisible(false);
        // Rates run from 0 to 1 whatever the points; tick labels short.
        chart.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0#").setYAxisDecimalPattern("0.0#");
        return chart;
    }

    /** Binary metrics: the table and the ROC curve side by side. */
    public static MimeBundle bundle(BinaryClassificationMetrics metrics) {
        HtmlTable table = metricsTable("binary classification", metrics);
        if (metrics.roc().size() < 2) {
            return table.bundle();
        }
        XYChart chart = rocChart(metrics);
        return side(table, List.of(image(chart)), table.text());
    }

    /** Multiclass metrics: the table and the confusion matrix. */
    public static MimeBundle bundle(MulticlassClassificationMetrics metrics, int maxRows) {
        HtmlTable table = metricsTable("multiclass classification", metrics);
        HtmlTable confusion = confusionTable(metrics.confusionMatrix(), maxRows);
        return side(table, List.of(confusion.html()), table.text() + "\n\n" + confusion.text());
    }

    /** Regression metrics: the table. */
    public static MimeBundle bundle(RegressionMetrics metrics) {
        return metricsTable("regression", metrics).bundle();
    }

    private static String image(XYChart chart) {
        byte[] png = Charts.png(chart).bytes();
        return "<img src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\" width=\""
                + chart.getWidth() + "\" height=\"" + chart.getHeight() + "\"/>";
    }

    private static MimeBundle side(HtmlTable table, List<String> others, String text) {
        StringBuilder html = new StringBuilder("<div style=\"display:flex;gap:2em;align-items:flex-start\"><div>")
                .append(table.html()).append("</div>");
        for (String other : others) {
            html.append("<div>").append(other).append("</div>");
        }
        return MimeBundle.html(html.append("</div>").toString(), text);
    }
}
