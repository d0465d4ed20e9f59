package dev.flinkjupyter.ml.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.MimeBundle;
import dev.flinkjupyter.display.Renderers;
import dev.flinkjupyter.ml.feature.ImputerModel;
import dev.flinkjupyter.ml.feature.MinMaxScalerModel;
import dev.flinkjupyter.ml.feature.OneHotEncoderModel;
import dev.flinkjupyter.ml.feature.StandardScalerModel;
import dev.flinkjupyter.ml.feature.StringIndexerModel;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class FeatureModelRenderersTest {
    private final Renderers renderers = Renderers.withInstalledProviders();

    /** The cells of each body row; parsing as XML fails on HTML that is not well-formed or not escaped. */
    static List<List<String>> rows(String html) throws Exception {
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new InputSource(new StringReader("<root>" + html + "</root>")));
        List<List<String>> rows = new ArrayList<>();
        NodeList trs = ((Element) doc.getElementsByTagName("tbody").item(0)).getElementsByTagName("tr");
        for (int r = 0; r < trs.getLength(); r++) {
            NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < tds.getLength(); c++) {
                cells.add(tds.item(c).getTextContent());
            }
            rows.add(cells);
        }
        return rows;
    }

    static String html(MimeBundle bundle) {
        return (String) bundle.get(MimeBundle.HTML);
    }

    static String text(MimeBundle bundle) {
        return (String) bundle.get(MimeBundle.TEXT);
    }

    @Test
    void scalersShowWhatTheyLearnedPerFeature() throws Exception {
        MimeBundle standard = renderers.render(new StandardScalerModel(new double[] {1.5, -2}, new double[] {0.25, 4}));
        assertThat(rows(html(standard))).containsExactly(List.of("x0", "1.5", "0.25"), List.of("x1", "-2.0", "4.0"));
        assertThat(html(standard)).contains("StandardScalerModel: 2 features", "mean", "std");
        assertThat(text(standard)).contains("StandardScalerModel: 2 features", "x1", "-2.0", "4.0", "2 features");

        MimeBundle minMax = renderers.render(new MinMaxScalerModel(new double[] {0, 10}, new double[] {1, 20.5}));
        assertThat(rows(html(minMax))).containsExactly(List.of("x0", "0.0", "1.0"), List.of("x1", "10.0", "20.5"));
        assertThat(text(minMax)).contains("min", "max", "20.5");
    }

    @Test
    void aStringIndexerShowsItsLabelsPerColumnEscapedAndCapped() throws Exception {
        StringIndexerModel model = new StringIndexerModel(new String[][] {{"<b>", "a & b"}, {"red", "blue", "green"}})
                .setInputCols("tag", "colour").setOutputCols("ti", "ci");
        MimeBundle bundle = renderers.render(model);
        assertThat(rows(html(bundle))).containsExactly(List.of("tag", "0", "<b>"), List.of("tag", "1", "a & b"),
                List.of("colour", "0", "red"), List.of("colour", "1", "blue"), List.of("colour", "2", "green"));
        assertThat(html(bundle)).contains("&lt;b&gt;", "a &amp; b", "StringIndexerModel: 2 columns, 5 labels")
                .doesNotContain("<b>");
        assertThat(text(bundle)).contains("<b>", "green", "5 labels");

        renderers.setMaxRows(3);
        MimeBundle capped = renderers.render(model);
        assertThat(rows(html(capped))).hasSize(3).last().isEqualTo(List.of("colour", "0", "red"));
        assertThat(html(capped)).contains("showing 3 of 5 labels");
        assertThat(text(capped)).contains("showing 3 of 5 labels").doesNotContain("blue");
    }

    @Test
    void aOneHotEncoderShowsCategoriesAndVectorSizePerColumn() throws Exception {
        OneHotEncoderModel model = new OneHotEncoderModel(new int[] {3, 5}).setInputCols("ci", "<si>")
                .setOutputCols("cv", "sv").setHandleInvalid("keep");
        MimeBundle bundle = renderers.render(model);
        // keep adds a slot, dropLast (the default) removes one
        assertThat(rows(html(bundle))).containsExactly(List.of("ci", "3", "3"), List.of("<si>", "5", "5"));
        assertThat(html(bundle)).contains("2 columns, last category dropped, handleInvalid keep", "vector size");
        assertThat(text(bundle)).contains("categories", "<si>", "2 columns");
    }

    @Test
    void anImputerShowsItsStrategyAndFillValuePerColumn() throws Exception {
        ImputerModel model = new ImputerModel(new double[] {2.5, 7}).setInputCols("a", "b").setOutputCols("a2", "b2");
        model.set(ImputerModel.STRATEGY, "median");
        MimeBundle bundle = renderers.render(model);
        assertThat(rows(html(bundle))).containsExactly(List.of("a", "median", "2.5"), List.of("b", "median", "7.0"));
        assertThat(html(bundle)).contains("ImputerModel: 2 columns, missing = null or NaN", "fill value");
        assertThat(text(bundle)).contains("median", "7.0");
    }
}
