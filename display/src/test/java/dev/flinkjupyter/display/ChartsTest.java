package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.PieChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.w3c.dom.Document;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class ChartsTest {

    private final Renderers renderers = new Renderers();

    /** The PNG of a rendered chart, decoded; checks the size metadata on the way. */
    private BufferedImage png(Object chart) throws IOException {
        MimeBundle bundle = renderers.render(chart);
        assertThat(bundle.data()).containsOnlyKeys(MimeBundle.TEXT, MimeBundle.PNG);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) bundle.get(MimeBundle.PNG))));
        assertThat(image).as("PNG that ImageIO decodes").isNotNull();
        assertThat(bundle.metadata().get(MimeBundle.PNG)).isEqualTo(Map.of("width", image.getWidth(), "height", image.getHeight()));
        return image;
    }

    private static double[] range(int n) {
        double[] xs = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = i;
        }
        return xs;
    }

    @Test
    void lineChartIsAPngOfTheChartSize() throws IOException {
        XYChart chart = Charts.line("squares", new double[] {1, 2, 3}, new double[] {1, 4, 9});

        BufferedImage image = png(chart);

        assertThat(image.getWidth()).isEqualTo(Charts.WIDTH);
        assertThat(image.getHeight()).isEqualTo(Charts.HEIGHT);
        assertThat(renderers.render(chart).get(MimeBundle.TEXT)).isEqualTo("XYChart \"squares\" (640x400): 1 series: y");
    }

    @Test
    void chartsOfOtherSizesKeepTheirSize() throws IOException {
        XYChart chart = new XYChartBuilder().width(300).height(200).title("small").build();
        chart.addSeries("s", new double[] {1, 2}, new double[] {3, 4});

        BufferedImage image = png(chart);

        assertThat(image.getWidth()).isEqualTo(300);
        assertThat(image.getHeight()).isEqualTo(200);
    }

    @Test
    void everyHelperBuildsAChartThatDraws() throws IOException {
        List<Supplier<Chart<?, ?>>> charts = List.of(
                () -> Charts.line("two", List.of(1, 2, 3), List.of(1, 2, 3), List.of(3, 2, 1)),
                () -> Charts.scatter("s", range(50), range(50)),
                () -> Charts.scatter("s", List.of(1.0, 2.0), List.of(2, 1)),
                () -> Charts.bar("b", new String[] {"x", "y"}, new double[] {1, 2}, new double[] {2, 1}),
                () -> Charts.bar("b", List.of("x", "y"), List.of(3, 4)),
                () -> Charts.bar("b", Map.of("x", 1, "y", 2)),
                () -> Charts.hist(new double[] {1, 2, 2, 3, 3, 3}, 3),
                () -> Charts.hist(List.of(5, 5, 5), 4),
                () -> Charts.pie(List.of("cats", "dogs"), List.of(3, 5)),
                () -> Charts.pie(new String[] {"a"}, new double[] {1}),
                () -> Charts.pie(Map.of("cats", 3, "dogs", 5)));
        for (Supplier<Chart<?, ?>> chart : charts) {
            assertThat(png(chart.get()).getWidth()).isEqualTo(Charts.WIDTH);
        }
    }

    @Test
    void histogramCountsValuesPerBin() throws IOException {
        CategoryChart chart = Charts.hist(new double[] {1, 2, 2, 3, 3, 3}, 3);

        assertThat(chart.getSeriesMap().get("count").getYData().stream().map(Number::doubleValue)).containsExactly(1.0, 2.0, 3.0);
        png(new Histogram(java.util.Arrays.asList(1, 2, 3), 2));
    }

    @Test
    void chartsFromATablesawTable() throws IOException {
        Table table = Table.create("weather",
                DateColumn.create("day", java.time.LocalDate.of(2024, 1, 1), java.time.LocalDate.of(2024, 1, 2),
                        java.time.LocalDate.of(2024, 1, 3)),
                IntColumn.create("n", 1, 2, 3),
                DoubleColumn.create("min", 1.5, 2.5, Double.NaN),
                DoubleColumn.create("max", 5.5, 7.0, 6.0),
                StringColumn.create("city", "a", "b", "c"));

        XYChart line = Charts.line(table, "n", "min", "max");
        assertThat(line.getTitle()).isEqualTo("weather");
        assertThat(line.getSeriesMap()).containsOnlyKeys("min", "max");
        png(line);
        png(Charts.line(table, "day", "max"));
        XYChart scatter = Charts.scatter(table, "min", "max");
        assertThat(scatter.getSeriesMap().get("max").getXData()).as("the row without x is left out").hasSize(2);
        png(scatter);
        png(Charts.bar(table, "city", "max"));
        png(Charts.hist(table, "max", 2));
        PieChart pie = Charts.pie(table, "city", "n");
        assertThat(pie.getSeriesMap()).containsOnlyKeys("a", "b", "c");
        png(pie);
    }

    @Test
    void wrongColumnsAndMismatchedSeriesAreExplained() {
        Table table = Table.create("t", IntColumn.create("n", 1, 2), StringColumn.create("s", "a", "b"));

        assertThatThrownBy(() -> Charts.line(table, "n", "nope"))
                .hasMessageContaining("no column 'nope'").hasMessageContaining("[n, s]");
        assertThatThrownBy(() -> Charts.line(table, "n", "s")).hasMessageContaining("'s' is STRING, not numeric");
        assertThatThrownBy(() -> Charts.line(table, "s", "n")).hasMessageContaining("use Charts.bar");
        assertThatThrownBy(() -> Charts.line("t", new double[] {1, 2}, new double[] {1}))
                .hasMessageContaining("series y has 1 values but there are 2 x values");
        assertThatThrownBy(() -> Charts.line("t", new double[] {1})).hasMessageContaining("at least one series");
        assertThatThrownBy(() -> Charts.pie(List.of("a", "a"), List.of(1, 2))).hasMessageContaining("'a' appears twice");
    }

    @Test
    void svgOnRequestParsesAsXml() {
        XYChart chart = Charts.line("<svg> & co", new double[] {1, 2, 3}, new double[] {3, 1, 2});

        MimeBundle bundle = renderers.render(Charts.svg(chart));

        assertThat(bundle.data()).containsOnlyKeys(MimeBundle.TEXT, MimeBundle.SVG);
        Document svg = WellFormed.xml((String) bundle.get(MimeBundle.SVG));
        assertThat(svg.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(bundle.metadata().get(MimeBundle.SVG)).isEqualTo(Map.of("width", 640, "height", 400));
    }

    @Test
    void pngOnRequestIsAnImageToSave() throws IOException {
        Image image = Charts.png(Charts.bar("b", List.of("x"), List.of(1)));

        assertThat(image.mimeType()).isEqualTo(MimeBundle.PNG);
        assertThat(image.width()).isEqualTo(640);
        assertThat(ImageIO.read(new ByteArrayInputStream(image.bytes())).getHeight()).isEqualTo(400);
    }

    @Test
    void renderingSetsHeadlessWhenUnset() {
        renderers.render(Charts.line("t", new double[] {1}, new double[] {1}));

        assertThat(System.getProperty("java.awt.headless")).isEqualTo("true");
    }

    @Test
    void tenThousandPointsAreDrawnWithoutMarkers() throws IOException {
        Random random = new Random(42);
        double[] xs = range(10_000);
        double[] ys = new double[xs.length];
        for (int i = 0; i < ys.length; i++) {
            ys[i] = random.nextGaussian();
        }

        XYChart line = Charts.line("random", xs, ys);
        BufferedImage image = png(line);

        assertThat(line.getSeriesMap().values()).allMatch(series -> series.getMarker() == SeriesMarkers.NONE);
        assertThat(image.getWidth()).isEqualTo(640);
        // how fast: bench/charts/run.sh prints it (a benchmark, not a test)
    }
}
