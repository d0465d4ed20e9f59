package dev.flinkjupyter.engine.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flinkjupyter.display.MimeBundle;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** The HTML of a bundle parsed with the JDK's XML parser: it must be well-formed (so escaped). */
record Html(Document document, String source) {

    static Html of(MimeBundle bundle) {
        assertThat(bundle.data()).containsKeys(MimeBundle.TEXT, MimeBundle.HTML);
        String html = (String) bundle.get(MimeBundle.HTML);
        try {
            return new Html(DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader("<root>" + html + "</root>"))), html);
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + html, e);
        }
    }

    /** Column names, in order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        for (Element th : elements(document, "th")) {
            names.add(th.getFirstChild().getTextContent());
        }
        return names;
    }

    /** Column types, in order. */
    List<String> types() {
        List<String> types = new ArrayList<>();
        for (Element th : elements(document, "th")) {
            NodeList spans = th.getElementsByTagName("span");
            types.add(spans.getLength() == 0 ? "" : spans.item(0).getTextContent());
        }
        return types;
    }

    /** The text of every cell, row by row. */
    List<List<String>> rows() {
        List<List<String>> rows = new ArrayList<>();
        for (Element tr : elements(document, "tr")) {
            List<Element> tds = elements(tr, "td");
            if (!tds.isEmpty()) {
                rows.add(tds.stream().map(Element::getTextContent).toList());
            }
        }
        return rows;
    }

    /** The class attribute of every cell of the first body row. */
    List<String> firstRowClasses() {
        for (Element tr : elements(document, "tr")) {
            List<Element> tds = elements(tr, "td");
            if (!tds.isEmpty()) {
                return tds.stream().map(td -> td.getAttribute("class")).toList();
            }
        }
        return List.of();
    }

    private static List<Element> elements(Object parent, String tag) {
        NodeList nodes = parent instanceof Document d ? d.getElementsByTagName(tag) : ((Element) parent).getElementsByTagName(tag);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }
}
