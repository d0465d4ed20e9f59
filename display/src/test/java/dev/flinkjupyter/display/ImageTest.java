package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageTest {

    private static byte[] encoded(String format, int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    private final Renderers renderers = new Renderers();

    @Test
    void pngIsToldByItsMagicBytesAndShownWithItsSize() throws IOException {
        byte[] png = encoded("png", 30, 20);

        Image image = Image.of(png);
        MimeBundle bundle = renderers.render(image);

        assertThat(image.mimeType()).isEqualTo("image/png");
        assertThat(bundle.get(MimeBundle.PNG)).isEqualTo(Base64.getEncoder().encodeToString(png));
        assertThat(bundle.metadata().get(MimeBundle.PNG)).isEqualTo(Map.of("width", 30, "height", 20));
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("Image[image/png, 30x20, " + png.length + " bytes]");
    }

    @Test
    void jpegAndGifAreToldApartToo() throws IOException {
        Image jpeg = Image.of(encoded("jpg", 12, 7));
        Image gif = Image.of(encoded("gif", 5, 9));

        assertThat(jpeg.mimeType()).isEqualTo("image/jpeg");
        assertThat(jpeg.width()).isEqualTo(12);
        assertThat(jpeg.height()).isEqualTo(7);
        assertThat(gif.mimeType()).isEqualTo("image/gif");
        assertThat(gif.width()).isEqualTo(5);
        MimeBundle bundle = renderers.render(gif);
        assertThat(bundle.data()).containsKeys("image/gif", MimeBundle.HTML);
        WellFormed.html((String) bundle.get(MimeBundle.HTML));
    }

    @Test
    void svgFromMarkupOrBytes() {
        String markup = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>";

        Image image = Image.of(markup.getBytes(StandardCharsets.UTF_8));
        MimeBundle bundle = renderers.render(Image.svg(markup).withSize(100, 50));

        assertThat(image.mimeType()).isEqualTo(MimeBundle.SVG);
        assertThat(bundle.get(MimeBundle.SVG)).isEqualTo(markup);
        assertThat(bundle.metadata().get(MimeBundle.SVG)).isEqualTo(Map.of("width", 100, "height", 50));
    }

    @Test
    void fromAFileAndBackToOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("no-extension");
        Files.write(file, encoded("png", 3, 4));

        Image image = Image.file(file.toString());
        image.save(dir.resolve("copy.png"));

        assertThat(Image.of(dir.resolve("copy.png"))).isEqualTo(image);
        assertThat(image.height()).isEqualTo(4);
    }

    @Test
    void unknownBytesAndMissingFilesAreExplained(@TempDir Path dir) {
        assertThatThrownBy(() -> Image.of("hello".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a PNG, JPEG, GIF or SVG image");
        assertThatThrownBy(() -> Image.of(dir.resolve("missing.png")))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("missing.png");
        assertThatThrownBy(() -> Image.svg("<html/>")).hasMessageContaining("not SVG");
    }
}
