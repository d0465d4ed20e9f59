package dev.flinkjupyter.display;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An image to show inline: PNG, JPEG, GIF or SVG, told apart by its first bytes.
 *
 * <pre>{@code
 * Image.file("plot.png")                        // from a file
 * Image.of(bytes)                               // from bytes
 * Image.svg("<svg ...>...</svg>").withSize(300, 200)
 * }</pre>
 */
public final class Image {
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";

    private final String mimeType;
    private final byte[] bytes;
    private final int width;
    private final int height;

    private Image(String mimeType, byte[] bytes, int width, int height) {
        this.mimeType = mimeType;
        this.bytes = bytes;
        this.width = width;
        this.height = height;
    }

    /**
     * An image from its bytes, in PNG, JPEG, GIF or SVG.
     *
     * @throws IllegalArgumentException if the bytes are none of these
     */
    public static Image of(byte[] bytes) {
        byte[] copy = bytes.clone();
        String mime = mimeTypeOf(copy);
        int[] size = sizeOf(mime, copy);
        return new Image(mime, copy, size[0], size[1]);
    }

    /**
     * An image read from a file, in PNG, JPEG, GIF or SVG whatever its name says.
     *
     * @throws UncheckedIOException if the file cannot be read
     * @throws IllegalArgumentException if it is none of these formats
     */
    public static Image of(Path file) {
        try {
            return of(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the image " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** An image read from the file at {@code path}; see {@link #of(Path)}. */
    public static Image file(String path) {
        return of(Path.of(path));
    }

    /** An SVG image from its markup. */
    public static Image svg(String markup) {
        if (!isSvg(markup.getBytes(StandardCharsets.UTF_8))) {
            throw new IllegalArgumentException("not SVG markup: it has no <svg element");
        }
        return new Image(MimeBundle.SVG, markup.getBytes(StandardCharsets.UTF_8), -1, -1);
    }

    /** {@code image/png}, {@code image/jpeg}, {@code image/gif} or {@code image/svg+xml}. */
    public String mimeType() {
        return mimeType;
    }

    /** The image's bytes (a copy). */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** The width the image is shown at, in pixels; -1 when unknown (SVG draws itself). */
    public int width() {
        return width;
    }

    /** The height the image is shown at, in pixels; -1 when unknown. */
    public int height() {
        return height;
    }

    /** The same image, shown at this size in pixels (the front end scales it). */
    public Image withSize(int width, int height) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("an image size must be positive, was " + width + "x" + height);
        }
        return new Image(mimeType, bytes, width, height);
    }

    /** Writes the image's bytes to a file. */
    public void save(Path file) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the image to " + file.toAbsolutePath() + ": " + e.getMessage(), e);
        }
    }

    /** The bundle front ends show: base64 for bitmaps, markup for SVG, the size as metadata. */
    MimeBundle bundle() {
        MimeBundle bundle = MimeBundle.text(toString());
        if (mimeType.equals(MimeBundle.SVG)) {
            bundle.with(mimeType, new String(bytes, StandardCharsets.UTF_8));
        } else {
            String base64 = Base64.getEncoder().encodeToString(bytes);
            bundle.with(mimeType, base64);
            if (mimeType.equals(GIF)) {
                // Notebook 6 has no GIF renderer of its own; an <img> shows it (animated, too).
                bundle.with(MimeBundle.HTML, "<img src=\"data:image/gif;base64," + base64 + "\""
                        + (width > 0 ? " width=\"" + width + "\" height=\"" + height + "\"" : "") + "/>");
            }
        }
        if (width > 0 && height > 0) {
            Map<String, Integer> size = new LinkedHashMap<>();
            size.put("width", width);
            size.put("height", height);
            bundle.withMetadata(mimeType, size);
        }
        return bundle;
    }

    @Override
    public String toString() {
        return "Image[" + mimeType + (width > 0 ? ", " + width + "x" + height : "") + ", " + bytes.length + " bytes]";
    }

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    static String mimeTypeOf(byte[] bytes) {
        if (startsWith(bytes, PNG_MAGIC)) {
            return MimeBundle.PNG;
        }
        if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff) {
            return JPEG;
        }
        if (startsWith(bytes, "GIF87a".getBytes(StandardCharsets.US_ASCII))
                || startsWith(bytes, "GIF89a".getBytes(StandardCharsets.US_ASCII))) {
            return GIF;
        }
        if (isSvg(bytes)) {
            return MimeBundle.SVG;
        }
        throw new IllegalArgumentException("not a PNG, JPEG, GIF or SVG image (it starts with "
                + Arrays.toString(Arrays.copyOf(bytes, Math.min(8, bytes.length))) + ")");
    }

    /** SVG is text: after an optional BOM, XML prolog, comments or doctype, an {@code <svg} element. */
    private static boolean isSvg(byte[] bytes) {
        String start = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.UTF_8).stripLeading();
        if (start.startsWith("\ufeff")) {
            start = start.substring(1).stripLeading();
        }
        return (start.startsWith("<svg") || start.startsWith("<?xml") || start.startsWith("<!"))
                && start.contains("<svg");
    }

    /** Width and height from the header, without decoding the pixels; -1 when unknown. */
    private static int[] sizeOf(String mime, byte[] bytes) {
        if (mime.equals(MimeBundle.PNG) && bytes.length >= 24) {
            return new int[] {int32(bytes, 16), int32(bytes, 20)};
        }
        if (mime.equals(GIF) && bytes.length >= 10) {
            return new int[] {(bytes[6] & 0xff) | (bytes[7] & 0xff) << 8, (bytes[8] & 0xff) | (bytes[9] & 0xff) << 8};
        }
        if (mime.equals(JPEG)) {
            try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
                Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
                if (readers.hasNext()) {
                    ImageReader reader = readers.next();
                    try {
                        reader.setInput(in);
                        return new int[] {reader.getWidth(0), reader.getHeight(0)};
                    } finally {
                        reader.dispose();
                    }
                }
            } catch (IOException e) {
                // a JPEG whose header does not parse is still shown, at its natural size
            }
        }
        return new int[] {-1, -1};
    }

    private static int int32(byte[] bytes, int at) {
        return (bytes[at] & 0xff) << 24 | (bytes[at + 1] & 0xff) << 16 | (bytes[at + 2] & 0xff) << 8 | (bytes[at + 3] & 0xff);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Image other && mimeType.equals(other.mimeType) && Arrays.equals(bytes, other.bytes)
                && width == other.width && height == other.height;
    }

    @Override
    public int hashCode() {
        return Objects.hash(mimeType, Arrays.hashCode(bytes), width, height);
    }
}
