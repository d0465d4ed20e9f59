import dev.flinkjupyter.display.Charts;
import dev.flinkjupyter.display.Display;
import dev.flinkjupyter.display.MimeBundle;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * How long display takes to draw a chart of 10,000 points, warm, as PNG (the default) and as SVG
 * (on request), through the public API a notebook calls. The target is under 150 ms for the PNG.
 * Prints a table; it is a benchmark, not a test, and fails nothing.
 *
 * <p>Run with {@code bench/charts/run.sh} (after a build: it needs kernel/target/lib).
 */
public class ChartBench {
    private static final int POINTS = 10_000;
    private static final int WARMUPS = 5;
    private static final int RUNS = 15;

    public static void main(String[] args) {
        Random random = new Random(42);
        double[] xs = new double[POINTS];
        double[] ys = new double[POINTS];
        double[] values = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            xs[i] = i;
            ys[i] = (i > 0 ? ys[i - 1] : 0) + random.nextGaussian();
            values[i] = random.nextGaussian();
        }
        String[] categories = new String[20];
        double[] heights = new double[20];
        for (int i = 0; i < 20; i++) {
            categories[i] = "c" + i;
            heights[i] = random.nextInt(100);
        }
        List<Case> cases = List.of(
                new Case("line, 10,000 points", () -> Charts.line("random walk", xs, ys)),
                new Case("scatter, 10,000 points", () -> Charts.scatter("cloud", xs, ys)),
                new Case("histogram of 10,000 values, 40 bins", () -> Charts.hist(values, 40)),
                new Case("bar, 20 categories", () -> Charts.bar("bars", categories, heights)),
                new Case("pie, 20 slices", () -> Charts.pie(categories, heights)));

        System.out.printf("%-38s %10s %10s %10s %10s %10s%n", "chart", "PNG first", "PNG warm", "PNG KB", "SVG warm", "SVG KB");
        for (Case c : cases) {
            Chart<?, ?> chart = c.chart().get();
            long t0 = System.nanoTime();
            MimeBundle png = Display.render(chart);
            double first = (System.nanoTime() - t0) / 1e6;
            double pngWarm = median(() -> Display.render(chart));
            double svgWarm = median(() -> Charts.svg(chart));
            int pngKb = ((String) png.get(MimeBundle.PNG)).length() * 3 / 4 / 1024;
            int svgKb = Charts.svg(chart).bytes().length / 1024;
            System.out.printf("%-38s %8.1f ms %7.1f ms %10d %7.1f ms %10d%n", c.name(), first, pngWarm, pngKb, svgWarm, svgKb);
        }
        System.out.printf("target: a 10,000-point chart as PNG under 150 ms warm (median of %d after %d warm-ups)%n",
                RUNS, WARMUPS);
    }

    private record Case(String name, Supplier<Chart<?, ?>> chart) {
    }

    private static double median(Runnable draw) {
        for (int i = 0; i < WARMUPS; i++) {
            draw.run();
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            draw.run();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis[RUNS / 2];
    }
}
