package dev.flinkjupyter.display;

import java.util.LinkedHashSet;
import java.util.Set;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/**
 * Keeps XChart 3.8.8 fast on long evenly spaced x values (0, 1, 2, ... the most common x there
 * is). For those it looks for tick labels by trying every n-th data value for n = 1, 2, 3, ... and
 * formatting all of them each time: about 400 ms for 10,000 points where drawing takes 40. While
 * a chart is drawn, one hidden, disabled series with a single x between the first two values
 * makes the x values uneven, so XChart picks round tick values the usual way; it is removed again
 * right after.
 */
final class EvenXAxis {
    /** Below this many distinct x values the search is cheap and ticks on data values look right. */
    static final int MIN_VALUES = 500;

    /** The name of the hidden series; no chart of a user's is expected to have it. */
    static final String HIDDEN_SERIES = "\u2063flink-jupyter-ticks";

    /** XChart's own tolerance when it decides values are evenly spaced. */
    private static final double TOLERANCE = 1e-4;

    private EvenXAxis() {
    }

    /**
     * Adds the hidden series if the chart needs it.
     *
     * @return whether it was added, and {@link #restore(XYChart)} must remove it
     */
    static boolean unevenForPainting(XYChart chart) {
        if (chart.getSeriesMap().containsKey(HIDDEN_SERIES) || chart.getStyler().isXAxisLogarithmic()) {
            return false;
        }
        Set<Double> unique = new LinkedHashSet<>();
        Double y = null;
        for (XYSeries series : chart.getSeriesMap().values()) {
            double[] xs = series.getXData();
            double[] ys = series.getYData();
            for (int i = 0; i < xs.length; i++) {
                unique.add(xs[i]);
                if (y == null && i < ys.length && Double.isFinite(ys[i])) {
                    y = ys[i];
                }
            }
        }
        if (unique.size() < MIN_VALUES || y == null || !evenlySpaced(unique)) {
            return false;
        }
        var first = unique.iterator();
        double x0 = first.next();
        double x1 = first.next();
        XYSeries hidden = chart.addSeries(HIDDEN_SERIES, new double[] {(x0 + x1) / 2}, new double[] {y});
        hidden.setShowInLegend(false);
        hidden.setEnabled(false);
        return true;
    }

    /** Removes the hidden series again. */
    static void restore(XYChart chart) {
        chart.removeSeries(HIDDEN_SERIES);
    }

    private static boolean evenlySpaced(Set<Double> values) {
        var it = values.iterator();
        double previous = it.next();
        double current = it.next();
        double step = current - previous;
        while (it.hasNext()) {
            previous = current;
            current = it.next();
            if (Math.abs(current - previous - step) >= TOLERANCE) {
                return false;
            }
        }
        return true;
    }
}
