package dev.flinkjupyter.display;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.PieChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * The usual charts in one call, from arrays, lists or a Tablesaw table and column names. Each
 * returns an XChart chart, which a cell shows as a PNG and which can still be styled before that:
 *
 * <pre>{@code
 * Charts.line("Price", days, prices)
 * Charts.scatter(table, "height", "weight")
 * Charts.bar("Sales", List.of("north", "south"), List.of(12, 30))
 * Charts.hist(latencies, 20)
 * Charts.pie(Map.of("cats", 3, "dogs", 5))
 * Charts.svg(chart)                          // the chart as SVG instead of PNG
 * }</pre>
 */
public final class Charts {
    /** Width of the charts built here, in pixels. */
    public static final int WIDTH = 640;
    /** Height of the charts built here, in pixels. */
    public static final int HEIGHT = 400;
    /** Line charts with more points than this draw no point markers: they would hide the line. */
    public static final int MAX_POINTS_WITH_MARKERS = 200;

    private Charts() {
    }

    // ---- line and scatter -------------------------------------------------------------------

    /**
     * A line chart of one or more series over the same x values.
     *
     * @param title the chart title (may be empty)
     * @param xs the x values
     * @param ys one array of y values per series, each as long as {@code xs}; named y1, y2, ...
     */
    public static XYChart line(String title, double[] xs, double[]... ys) {
        return xy(title, XYSeries.XYSeriesRenderStyle.Line, toLists(xs), toLists(ys), seriesNames(ys.length), "", "");
    }

    /**
     * A line chart of one or more series over the same x values; see {@link #line(String, double[], double[]...)}.
     * The x values may be numbers or {@link Date}s.
     */
    @SafeVarargs
    public static XYChart line(String title, List<?> xs, List<? extends Number>... ys) {
        List<List<? extends Number>> series = new ArrayList<>();
        for (List<? extends Number> y : ys) {
            series.add(y);
        }
        return xy(title, XYSeries.XYSeriesRenderStyle.Line, xs, series, seriesNames(series.size()), "", "");
    }

    /**
     * A line chart of columns of a Tablesaw table.
     *
     * @param table the data
     * @param x the column of x values: numbers, dates, date-times or instants
     * @param ys the numeric columns to draw, one series each, named after the column
     */
    public static XYChart line(Table table, String x, String... ys) {
        return xy(table, XYSeries.XYSeriesRenderStyle.Line, x, ys);
    }

    /**
     * A scatter plot of one or more series over the same x values.
     *
     * @param title the chart title (may be empty)
     * @param xs the x values
     * @param ys one array of y values per series, each as long as {@code xs}; named y1, y2, ...
     */
    public static XYChart scatter(String title, double[] xs, double[]... ys) {
        return xy(title, XYSeries.XYSeriesRenderStyle.Scatter, toLists(xs), toLists(ys), seriesNames(ys.length), "", "");
    }

    /** A scatter plot of one or more series; see {@link #scatter(String, double[], double[]...)}. */
    @SafeVarargs
    public static XYChart scatter(String title, List<?> xs, List<? extends Number>... ys) {
        List<List<? extends Number>> series = new ArrayList<>();
        for (List<? extends Number> y : ys) {
            series.add(y);
        }
        return xy(title, XYSeries.XYSeriesRenderStyle.Scatter, xs, series, seriesNames(series.size()), "", "");
    }

    /**
     * A scatter plot of columns of a Tablesaw table.
     *
     * @param table the data
     * @param x the column of x values: numbers, dates, date-times or instants
     * @param ys the numeric columns to draw, one series each
     */
    public static XYChart scatter(Table table, String x, String... ys) {
        return xy(table, XYSeries.XYSeriesRenderStyle.Scatter, x, ys);
    }

    // ---- bar ------------------------------------------------------------------------------

    /**
     * A bar chart: one bar per category and series.
     *
     * @param title the chart title (may be empty)
     * @param categories the category labels
     * @param values one array per series, each as long as {@code categories}; named y1, y2, ...
     */
    public static CategoryChart bar(String title, String[] categories, double[]... values) {
        return bar(title, Arrays.asList(categories), toLists(values), seriesNames(values.length), "", "");
    }

    /** A bar chart; see {@link #bar(String, String[], double[]...)}. Categories may be of any type. */
    @SafeVarargs
    public static CategoryChart bar(String title, List<?> categories, List<? extends Number>... values) {
        List<List<? extends Number>> series = new ArrayList<>();
        for (List<? extends Number> v : values) {
            series.add(v);
        }
        return bar(title, categories, series, seriesNames(series.size()), "", "");
    }

    /** A bar chart with one bar per entry: the key labels it, the value is its height. */
    public static CategoryChart bar(String title, Map<?, ? extends Number> values) {
        return bar(title, new ArrayList<>(values.keySet()), List.of(new ArrayList<>(values.values())),
                List.of("value"), "", "");
    }

    /**
     * A bar chart of columns of a Tablesaw table.
     *
     * @param table the data, one bar per row and value column
     * @param category the column that labels the bars (any type)
     * @param values the numeric columns, one series each
     */
    public static CategoryChart bar(Table table, String category, String... values) {
        requireSeries(values.length);
        Column<?> labels = column(table, category);
        List<String> categories = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            categories.add(labels.getString(i));
        }
        List<List<? extends Number>> series = new ArrayList<>();
        for (String name : values) {
            series.add(numbers(table, name));
        }
        return bar(titleOf(table, category, values), categories, series, Arrays.asList(values), category,
                values.length == 1 ? values[0] : "");
    }

    // ---- histogram --------------------------------------------------------------------------

    /**
     * A histogram: {@code bins} bars of equal width between the smallest and largest value, each as
     * high as the number of values in it.
     */
    public static CategoryChart hist(double[] values, int bins) {
        return hist(toLists(values), bins);
    }

    /** A histogram of numbers; see {@link #hist(double[], int)}. Null values are left out. */
    public static CategoryChart hist(Collection<? extends Number> values, int bins) {
        if (bins < 1) {
            throw new IllegalArgumentException("a histogram needs at least 1 bin, was " + bins);
        }
        List<Number> present = values.stream().filter(v -> v != null).map(v -> (Number) v).toList();
        if (present.isEmpty()) {
            throw new IllegalArgumentException("a histogram needs at least one value");
        }
        return hist("", new Histogram(new ArrayList<>(present), bins), "");
    }

    /** A histogram of a numeric column of a Tablesaw table; missing values are left out. */
    public static CategoryChart hist(Table table, String column, int bins) {
        CategoryChart chart = hist(numbers(table, column), bins);
        chart.setTitle(table.name() == null || table.name().isBlank() ? column : table.name() + ": " + column);
        chart.setXAxisTitle(column);
        return chart;
    }

    /** XChart's {@link Histogram} drawn as a bar chart, bars labelled with the bin centres. */
    public static CategoryChart hist(String title, Histogram histogram, String xAxisTitle) {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title).xAxisTitle(xAxisTitle).yAxisTitle("count").build();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setAvailableSpaceFill(0.98);
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setXAxisDecimalPattern("#,##0.###");
        if (histogram.getNumBins() > 12) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        chart.addSeries("count", histogram.getxAxisData(), histogram.getyAxisData());
        return chart;
    }

    // ---- pie --------------------------------------------------------------------------------

    /** A pie chart: one slice per label, as large as its value. */
    public static PieChart pie(List<?> labels, List<? extends Number> values) {
        if (labels.size() != values.size()) {
            throw new IllegalArgumentException(
                    "a pie needs one value per label: " + labels.size() + " labels, " + values.size() + " values");
        }
        PieChart chart = new PieChartBuilder().width(WIDTH).height(HEIGHT).build();
        for (int i = 0; i < labels.size(); i++) {
            String name = String.valueOf(labels.get(i));
            if (chart.getSeriesMap().containsKey(name)) {
                throw new IllegalArgumentException("the label '" + name + "' appears twice: pie slices need distinct labels");
            }
            chart.addSeries(name, values.get(i) == null ? 0 : values.get(i));
        }
        return chart;
    }

    /** A pie chart; see {@link #pie(List, List)}. */
    public static PieChart pie(String[] labels, double[] values) {
        return pie(Arrays.asList(labels), toLists(values));
    }

    /** A pie chart with one slice per entry. */
    public static PieChart pie(Map<?, ? extends Number> slices) {
        return pie(new ArrayList<>(slices.keySet()), new ArrayList<>(slices.values()));
    }

    /** A pie chart of a Tablesaw table: one slice per row, labelled by one column, sized by another. */
    public static PieChart pie(Table table, String label, String value) {
        Column<?> labels = column(table, label);
        List<String> names = new ArrayList<>(labels.size());
        for (int i = 0; i < labels.size(); i++) {
            names.add(labels.getString(i));
        }
        PieChart chart = pie(names, numbers(table, value));
        chart.setTitle(titleOf(table, label, value));
        return chart;
    }

    // ---- output -----------------------------------------------------------------------------

    /** The chart as an SVG image, to show instead of the PNG a chart shows by default, or to save. */
    public static Image svg(Chart<?, ?> chart) {
        return ChartRenderer.svg(chart);
    }

    /** The chart as a PNG image at its size, to show or to {@link Image#save save}. */
    public static Image png(Chart<?, ?> chart) {
        return ChartRenderer.png(chart);
    }

    // ---- building ---------------------------------------------------------------------------

    private static XYChart xy(String title, XYSeries.XYSeriesRenderStyle style, List<?> xs,
            List<? extends List<? extends Number>> ys, List<String> names, String xTitle, String yTitle) {
        requireSeries(ys.size());
        Headless.ensure();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title == null ? "" : title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setDefaultSeriesRenderStyle(style);
        chart.getStyler().setLegendVisible(ys.size() > 1);
        if (style == XYSeries.XYSeriesRenderStyle.Scatter) {
            chart.getStyler().setMarkerSize(xs.size() > 1000 ? 3 : 6);
        }
        for (int i = 0; i < ys.size(); i++) {
            List<? extends Number> y = ys.get(i);
            if (y.size() != xs.size()) {
                throw new IllegalArgumentException("series " + names.get(i) + " has " + y.size()
                        + " values but there are " + xs.size() + " x values");
            }
            XYSeries series = chart.addSeries(names.get(i), xs, y);
            if (style == XYSeries.XYSeriesRenderStyle.Line && xs.size() > MAX_POINTS_WITH_MARKERS) {
                series.setMarker(SeriesMarkers.NONE);
            }
        }
        return chart;
    }

    private static XYChart xy(Table table, XYSeries.XYSeriesRenderStyle style, String x, String... ys) {
        requireSeries(ys.length);
        List<?> allXs = xValues(table, x);
        List<List<Double>> allYs = new ArrayList<>();
        for (String y : ys) {
            allYs.add(numbers(table, y));
        }
        // A row without x has no place on the chart; XChart would fail on it.
        List<Object> xs = new ArrayList<>(allXs.size());
        List<List<? extends Number>> series = new ArrayList<>();
        List<List<Double>> kept = new ArrayList<>();
        for (int s = 0; s < ys.length; s++) {
            List<Double> values = new ArrayList<>(allXs.size());
            kept.add(values);
            series.add(values);
        }
        for (int row = 0; row < allXs.size(); row++) {
            if (allXs.get(row) != null) {
                xs.add(allXs.get(row));
                for (int s = 0; s < ys.length; s++) {
                    kept.get(s).add(allYs.get(s).get(row));
                }
            }
        }
        return xy(titleOf(table, x, ys), style, xs, series, Arrays.asList(ys), x, ys.length == 1 ? ys[0] : "");
    }

    private static CategoryChart bar(String title, List<?> categories, List<? extends List<? extends Number>> values,
            List<String> names, String xTitle, String yTitle) {
        requireSeries(values.size());
        Headless.ensure();
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title(title == null ? "" : title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        chart.getStyler().setLegendVisible(values.size() > 1);
        if (categories.size() > 12) {
            chart.getStyler().setXAxisLabelRotation(45);
        }
        for (int i = 0; i < values.size(); i++) {
            if (values.get(i).size() != categories.size()) {
                throw new IllegalArgumentException("series " + names.get(i) + " has " + values.get(i).size()
                        + " values but there are " + categories.size() + " categories");
            }
            chart.addSeries(names.get(i), categories, values.get(i));
        }
        return chart;
    }

    /** The table's name, else {@code y by x}. */
    private static String titleOf(Table table, String x, String... ys) {
        if (table.name() != null && !table.name().isBlank()) {
            return table.name();
        }
        return String.join(", ", ys) + " by " + x;
    }

    private static Column<?> column(Table table, String name) {
        if (!table.columnNames().contains(name)) {
            throw new IllegalArgumentException("no column '" + name + "' in the table; its columns are " + table.columnNames());
        }
        return table.column(name);
    }

    /** A numeric column's values, missing values as null (XChart leaves a gap). */
    private static List<Double> numbers(Table table, String name) {
        Column<?> column = column(table, name);
        if (!(column instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("the column '" + name + "' is " + column.type().name()
                    + ", not numeric; numeric columns: " + table.numericColumns().stream().map(Column::name).toList());
        }
        List<Double> values = new ArrayList<>(numeric.size());
        for (int i = 0; i < numeric.size(); i++) {
            values.add(numeric.isMissing(i) ? null : numeric.getDouble(i));
        }
        return values;
    }

    /** X values: numbers, or dates and times as {@link Date}s (XChart's time axis). */
    private static List<?> xValues(Table table, String name) {
        Column<?> column = column(table, name);
        List<Object> values = new ArrayList<>(column.size());
        if (column instanceof NumericColumn<?> numeric) {
            for (int i = 0; i < numeric.size(); i++) {
                values.add(numeric.isMissing(i) ? null : numeric.getDouble(i));
            }
        } else if (column instanceof DateColumn dates) {
            ZoneId zone = ZoneId.systemDefault();
            dates.forEach(d -> values.add(d == null ? null : Date.from(d.atStartOfDay(zone).toInstant())));
        } else if (column instanceof DateTimeColumn times) {
            ZoneId zone = ZoneId.systemDefault();
            times.forEach(t -> values.add(t == null ? null : Date.from(t.atZone(zone).toInstant())));
        } else if (column instanceof InstantColumn instants) {
            instants.forEach(t -> values.add(t == null ? null : Date.from(t)));
        } else {
            throw new IllegalArgumentException("the x column '" + name + "' is " + column.type().name()
                    + ": a line or scatter chart needs numbers, dates or times on x; use Charts.bar for categories");
        }
        return values;
    }

    private static void requireSeries(int count) {
        if (count == 0) {
            throw new IllegalArgumentException("give at least one series of y values");
        }
    }

    private static List<String> seriesNames(int count) {
        if (count == 1) {
            return List.of("y");
        }
        List<String> names = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            names.add("y" + i);
        }
        return names;
    }

    private static List<Double> toLists(double[] values) {
        List<Double> list = new ArrayList<>(values.length);
        for (double v : values) {
            list.add(v);
        }
        return list;
    }

    private static List<List<Double>> toLists(double[][] series) {
        List<List<Double>> lists = new ArrayList<>(series.length);
        for (double[] values : series) {
            lists.add(toLists(values));
        }
        return lists;
    }
}
