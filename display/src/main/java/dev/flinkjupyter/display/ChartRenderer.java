package dev.flinkjupyter.display;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.internal.chartpart.Chart;

/**
 * XChart charts of every kind ({@code XYChart}, {@code CategoryChart}, {@code PieChart}, ...) as a
 * PNG at the chart's size; {@link Charts#svg(Chart)} asks for SVG instead.
 */
final class ChartRenderer implements Renderer<Chart<?, ?>> {
    /**
     * Deflate level of the PNG. Charts are large flat areas that compress well at any level; a low
     * level keeps encoding to a few milliseconds (ImageIO's default spends more time than drawing).
     */
    static final float PNG_COMPRESSION_QUALITY = 0.75f;

    @Override
    public MimeBundle render(Chart<?, ?> chart, RenderContext context) {
        return png(chart).bundle().with(MimeBundle.TEXT, describe(chart));
    }

    /** {@code XYChart "Sales" (640x400): 2 series: north, south}. */
    static String describe(Chart<?, ?> chart) {
        String title = chart.getTitle() == null || chart.getTitle().isEmpty() ? "" : " \"" + chart.getTitle() + "\"";
        int n = chart.getSeriesMap().size();
        String series = n == 0 ? "no series"
                : n + " series: " + String.join(", ", chart.getSeriesMap().keySet().stream().limit(10).toList())
                        + (n > 10 ? ", ..." : "");
        return chart.getClass().getSimpleName() + title + " (" + chart.getWidth() + "x" + chart.getHeight() + "): " + series;
    }

    /** Draws the chart into an opaque image and encodes it as PNG. */
    static Image png(Chart<?, ?> chart) {
        Headless.ensure();
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        boolean uneven = chart instanceof XYChart xy && EvenXAxis.unevenForPainting(xy);
        try {
            chart.paint(graphics, chart.getWidth(), chart.getHeight());
        } finally {
            graphics.dispose();
            if (uneven) {
                EvenXAxis.restore((XYChart) chart);
            }
        }
        return Image.of(encodePng(image));
    }

    /** The chart as SVG markup, drawn by XChart's vector encoder. */
    static Image svg(Chart<?, ?> chart) {
        Headless.ensure();
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        boolean uneven = chart instanceof XYChart xy && EvenXAxis.unevenForPainting(xy);
        try {
            VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot draw the chart as SVG: " + e.getMessage(), e);
        } finally {
            if (uneven) {
                EvenXAxis.restore((XYChart) chart);
            }
        }
        return Image.svg(out.toString(StandardCharsets.UTF_8)).withSize(chart.getWidth(), chart.getHeight());
    }

    static byte[] encodePng(BufferedImage image) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        ImageWriter writer = writers.next();
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            if (param.canWriteCompressed()) {
                param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
                param.setCompressionQuality(PNG_COMPRESSION_QUALITY);
            }
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the chart as PNG: " + e.getMessage(), e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
