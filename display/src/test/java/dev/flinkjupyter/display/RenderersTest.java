package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RenderersTest {

    /** Registered through META-INF/services in the test resources. */
    public static final class Temperature {
        final double celsius;

        Temperature(double celsius) {
            this.celsius = celsius;
        }
    }

    /** A provider as a library would ship one. */
    public static final class TemperatureRenderers implements RendererProvider {
        @Override
        public void registerInto(Renderers renderers) {
            renderers.register(Temperature.class, (t, context) -> MimeBundle.text(t.celsius + " °C"));
        }
    }

    @Test
    void providersOnTheClassPathAreInstalled() {
        assertThat(Renderers.withInstalledProviders().render(new Temperature(21.5)).get(MimeBundle.TEXT)).isEqualTo("21.5 °C");
        assertThat(new Renderers().render(new Temperature(21.5)).get(MimeBundle.TEXT)).asString().contains("Temperature@");
    }

    @Test
    void theMostSpecificRegisteredTypeWins() {
        Renderers renderers = new Renderers()
                .register(java.util.AbstractList.class, (v, c) -> MimeBundle.text("some list"))
                .register(ArrayList.class, (v, c) -> MimeBundle.text("array list"));

        assertThat(renderers.render(new ArrayList<>(List.of(1))).get(MimeBundle.TEXT)).isEqualTo("array list");
        assertThat(renderers.render(new java.util.Vector<>(List.of(1))).get(MimeBundle.TEXT)).isEqualTo("some list");
        assertThat(renderers.render(new java.util.LinkedHashSet<>(List.of(1))).get(MimeBundle.TEXT)).isEqualTo("[1]");
    }

    @Test
    void arraysHaveTheirOwnRendererUnlessTheirTypeHasOne() {
        Renderers renderers = new Renderers().register(int[].class, (v, c) -> MimeBundle.text("ints"));

        assertThat(renderers.render(new int[] {1}).get(MimeBundle.TEXT)).isEqualTo("ints");
        assertThat(renderers.render(new String[] {"a", null}).get(MimeBundle.TEXT)).isEqualTo("[a, null]");
    }

    @Test
    void nullAndReadyBundlesPassThrough() {
        MimeBundle ready = MimeBundle.html("<b>x</b>", "x");

        assertThat(new Renderers().render(null).get(MimeBundle.TEXT)).isEqualTo("null");
        assertThat(new Renderers().render(ready)).isSameAs(ready);
    }

    @Test
    void htmlMarkdownAndTablesAreShownAsThey() {
        Renderers renderers = new Renderers();

        assertThat(renderers.render(new Html("<b>x</b>")).get(MimeBundle.HTML)).isEqualTo("<b>x</b>");
        assertThat(renderers.render(new Markdown("**x**")).get(MimeBundle.MARKDOWN)).isEqualTo("**x**");
        HtmlTable table = HtmlTable.withColumns(HtmlTable.Column.of("a", "")).addRow("x");
        assertThat(renderers.render(table).get(MimeBundle.TEXT)).isEqualTo(table.text());
    }
}
