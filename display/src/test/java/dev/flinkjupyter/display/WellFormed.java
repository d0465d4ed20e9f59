package dev.flinkjupyter.display;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/**
 * Parses the HTML the renderers write with the JDK's XML parser: it has to be well-formed, which
 * also proves every data string was escaped (a stray {@code <} or {@code &} would not parse).
 */
final class WellFormed {
    private WellFormed() {
    }

    /** The fragment, wrapped in one root element; fails on anything not well-formed. */
    static Document html(String fragment) {
        return xml("<root>" + fragment + "</root>");
    }

    static Document xml(String text) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setExpandEntityReferences(false);
            return factory.newDocumentBuilder().parse(new InputSource(new StringReader(text)));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + e.getMessage() + "\n" + text, e);
        }
    }

    static Document xml(byte[] bytes) {
        return xml(new String(bytes, StandardCharsets.UTF_8));
    }

    /** The text of every element with this tag, in document order. */
    static List<String> texts(Document document, String tag) {
        List<String> texts = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            texts.add(nodes.item(i).getTextContent());
        }
        return texts;
    }

    /** The elements with this tag, in document order. */
    static List<Element> elements(Document document, String tag) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = document.getElementsByTagName(tag);
        for (int i = 0; i < nodes.getLength(); i++) {
            elements.add((Element) nodes.item(i));
        }
        return elements;
    }

    /** The text of each cell of each body row. */
    static List<List<String>> bodyRows(Document document) {
        List<List<String>> rows = new ArrayList<>();
        for (Element tbody : elements(document, "tbody")) {
            NodeList trs = tbody.getElementsByTagName("tr");
            for (int r = 0; r < trs.getLength(); r++) {
                List<String> cells = new ArrayList<>();
                NodeList tds = ((Element) trs.item(r)).getElementsByTagName("td");
                for (int c = 0; c < tds.getLength(); c++) {
                    cells.add(tds.item(c).getTextContent());
                }
                rows.add(cells);
            }
        }
        return rows;
    }
}
