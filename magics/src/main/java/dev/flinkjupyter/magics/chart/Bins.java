package dev.flinkjupyter.magics.chart;

import dev.flinkjupyter.display.Charts;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Equal-width bins between a smallest and a largest value, and the counts of one or more series
 * in them: a histogram that needs only {@code count} numbers per series, whichever way they were
 * counted. The largest value falls into the last bin.
 */
final class Bins {
    private final double min;
    private final double max;
    private final int count;
    private final Map<String, long[]> series = new LinkedHashMap<>();

    Bins(double min, double max, int count) {
        if (count < 1) {
            throw new IllegalArgumentException("a histogram needs at least 1 bin, was " + count);
        }
        this.min = min;
        this.max = max;
        // All values equal: one bin holds them all.
        this.count = max > min ? count : 1;
    }

    double min() {
        return min;
    }

    double max() {
        return max;
    }

    int count() {
        return count;
    }

    /** The width of a bin; 0 when all values are equal. */
    double width() {
        return count == 1 && max == min ? 0 : (max - min) / count;
    }

    /** The bin of a value between min and max. */
    int index(double value) {
        if (value >= max || width() == 0) {
            return count - 1;
        }
        return Math.max(0, Math.min(count - 1, (int) Math.floor((value - min) / width())));
    }

    /** Sets the counts of a series; {@code counts.length} is the number of bins. */
    Bins put(String name, long[] counts) {
        if (counts.length != count) {
            throw new IllegalArgumentException(counts.length + " counts for " + count + " bins");
        }
        series.put(name, counts.clone());
        return this;
    }

    /** The counts of a series. */
    long[] counts(String name) {
        return series.get(name).clone();
    }

    /** A bar per bin, labelled with its centre, the series over each other. */
    CategoryChart chart(String title, String xTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(Charts.WIDTH).height(Charts.HEIGHT)
                .title(title).xAxisTitle(xTitle).yAxisTitle("count").build();
        chart.getStyler().setLegendVisible(series.size() > 1);
        chart.getStyler().setAvailableSpaceFill(0.98);
        chart.getStyler().setOverlapped(true);
        if (count > 12) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        List<String> centres = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            centres.add(label(width() == 0 ? min : min + (i + 0.5) * width()));
        }
        series.forEach((name, counts) -> {
            List<Long> values = new ArrayList<>(counts.length);
            for (long c : counts) {
                values.add(c);
            }
            chart.addSeries(name, centres, values);
        });
        return chart;
    }

    private static String label(double value) {
        String text = String.format(Locale.ROOT, "%.4g", value);
        // 1.500 -> 1.5, 2.000e+06 stays as it is
        return text.contains("e") || !text.contains(".") ? text : text.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
