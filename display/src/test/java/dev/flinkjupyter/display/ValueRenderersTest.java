package dev.flinkjupyter.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** Collections, maps, arrays, records, POJOs and the other JDK values a cell ends with. */
class ValueRenderersTest {

    record Person(String name, int age, List<String> tags) {
    }

    /** A POJO with public fields, the Flink way. */
    public static class Reading {
        public String room;
        public double celsius;

        Reading(String room, double celsius) {
            this.room = room;
            this.celsius = celsius;
        }

        @Override
        public String toString() {
            return room + "=" + celsius;
        }
    }

    /** A POJO with getters over private fields, and a getter that fails. */
    public static class Account {
        private final String owner;
        private final long balance;

        Account(String owner, long balance) {
            this.owner = owner;
            this.balance = balance;
        }

        public String getOwner() {
            return owner;
        }

        public long getBalance() {
            return balance;
        }

        public boolean isOverdrawn() {
            return balance < 0;
        }

        public String getAudit() {
            throw new IllegalStateException("no audit");
        }
    }

    private final Renderers renderers = new Renderers();

    private MimeBundle render(Object value) {
        return renderers.render(value);
    }

    private static Document html(MimeBundle bundle) {
        assertThat(bundle.data()).containsKey(MimeBundle.HTML);
        return WellFormed.html((String) bundle.get(MimeBundle.HTML));
    }

    private static List<String> headers(Document html) {
        return WellFormed.elements(html, "th").stream().map(th -> th.getFirstChild().getTextContent()).toList();
    }

    @Test
    void listOfNumbersIsTextLikeToString() {
        MimeBundle bundle = render(List.of(10, 20, 30));

        assertThat(bundle.data()).containsOnlyKeys(MimeBundle.TEXT);
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("[10, 20, 30]");
        assertThat(render(new LinkedHashSet<>(List.of("a", "b"))).get(MimeBundle.TEXT)).isEqualTo("[a, b]");
    }

    @Test
    void longListIsCutAtTheLimitWithANote() {
        renderers.setMaxRows(3);

        assertThat(render(IntStream.range(0, 10).boxed().toList()).get(MimeBundle.TEXT))
                .isEqualTo("[0, 1, 2]\n(showing 3 of 10 elements)");
    }

    @Test
    void listOfRecordsIsATableWithOneColumnPerComponent() {
        MimeBundle bundle = render(List.of(new Person("ann", 31, List.of("x")), new Person("<b>bob</b>", 42, List.of())));

        Document html = html(bundle);
        assertThat(headers(html)).containsExactly("name", "age", "tags");
        assertThat(WellFormed.texts(html, "span").subList(0, 3)).containsExactly("String", "int", "List<String>");
        assertThat(WellFormed.bodyRows(html)).containsExactly(List.of("ann", "31", "[x]"), List.of("<b>bob</b>", "42", "[]"));
        assertThat((String) bundle.get(MimeBundle.HTML)).doesNotContain("<b>bob</b>");
        assertThat(((String) bundle.get(MimeBundle.TEXT)).replaceAll(" +", " ").lines())
                .as("the text twin is the same table")
                .containsExactly("name | age | tags", "String | int | List<String>", "-----------+-----+-------------",
                        "ann | 31 | [x]", "<b>bob</b> | 42 | []", "2 rows");
    }

    @Test
    void listOfRecordsCutAtTheLimitSaysSo() {
        renderers.setMaxRows(2);
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            people.add(new Person("p" + i, i, List.of()));
        }

        MimeBundle bundle = render(people);

        assertThat(WellFormed.bodyRows(html(bundle))).hasSize(2);
        assertThat((String) bundle.get(MimeBundle.HTML)).contains("showing 2 of 5 rows");
        assertThat((String) bundle.get(MimeBundle.TEXT)).startsWith("name").endsWith("showing 2 of 5 rows");
    }

    @Test
    void listOfPojosIsATableOfPublicFieldsInDeclarationOrder() {
        Document html = html(render(List.of(new Reading("kitchen", 21.5), new Reading("attic", 27))));

        assertThat(headers(html)).containsExactly("room", "celsius");
        assertThat(WellFormed.bodyRows(html)).containsExactly(List.of("kitchen", "21.5"), List.of("attic", "27.0"));
    }

    @Test
    void listOfPojosWithGettersShowsEachPropertyAndWhatAFailingGetterThrew() {
        Document html = html(render(List.of(new Account("ann", -5))));

        assertThat(headers(html)).containsExactly("owner", "balance", "audit", "overdrawn");
        assertThat(WellFormed.bodyRows(html).get(0))
                .containsExactly("ann", "-5", "<java.lang.IllegalStateException: no audit>", "true");
    }

    @Test
    void listOfMapsIsATableWithAColumnPerKey() {
        Map<String, Object> first = new LinkedHashMap<>();
        first.put("id", 1);
        first.put("name", "a");
        Map<String, Object> second = new LinkedHashMap<>();
        second.put("id", 2);
        second.put("extra", true);

        Document html = html(render(List.of(first, second)));

        assertThat(headers(html)).containsExactly("id", "name", "extra");
        assertThat(WellFormed.bodyRows(html)).containsExactly(List.of("1", "a", "NULL"), List.of("2", "NULL", "true"));
    }

    @Test
    void jdkObjectsAndMixedElementsStayText() {
        assertThat(render(List.of(new StringBuilder("x"), Optional.of(1))).data()).containsOnlyKeys(MimeBundle.TEXT);
        assertThat(render(List.of(new Person("a", 1, List.of()), "b")).data()).containsOnlyKeys(MimeBundle.TEXT);
        assertThat(render(java.util.Arrays.asList(new Person("a", 1, List.of()), null)).data()).containsOnlyKeys(MimeBundle.TEXT);
    }

    @Test
    void mapIsAKeyValueTable() {
        Map<String, Integer> counts = new TreeMap<>(Map.of("a", 1, "b", 2, "<c>", 3));

        MimeBundle bundle = render(counts);

        Document html = html(bundle);
        assertThat(headers(html)).containsExactly("key", "value");
        assertThat(WellFormed.texts(html, "span").subList(0, 2)).containsExactly("String", "Integer");
        assertThat(WellFormed.bodyRows(html)).containsExactly(List.of("<c>", "3"), List.of("a", "1"), List.of("b", "2"));
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("{<c>=3, a=1, b=2}");
    }

    @Test
    void bigMapIsCutAtTheLimit() {
        renderers.setMaxRows(2);
        Map<Integer, Integer> squares = new TreeMap<>();
        for (int i = 0; i < 10; i++) {
            squares.put(i, i * i);
        }

        MimeBundle bundle = render(squares);

        assertThat(WellFormed.bodyRows(html(bundle))).hasSize(2);
        assertThat((String) bundle.get(MimeBundle.HTML)).contains("showing 2 of 10 entries");
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("{0=0, 1=1}\n(showing 2 of 10 entries)");
    }

    @Test
    void recordIsAOneRowTableUnderItsName() {
        MimeBundle bundle = render(new Person("ann", 31, List.of("x", "y")));

        Document html = html(bundle);
        assertThat(WellFormed.elements(html, "div").get(1).getTextContent()).isEqualTo("Person");
        assertThat(WellFormed.bodyRows(html)).containsExactly(List.of("ann", "31", "[x, y]"));
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("Person[name=ann, age=31, tags=[x, y]]");
    }

    @Test
    void primitiveArraysAreTextCutAtTheLimit() {
        assertThat(render(new int[] {1, 2, 3}).get(MimeBundle.TEXT)).isEqualTo("[1, 2, 3]");
        assertThat(render(new double[] {0.5}).get(MimeBundle.TEXT)).isEqualTo("[0.5]");
        renderers.setMaxRows(2);
        assertThat(render(new long[] {1, 2, 3, 4}).get(MimeBundle.TEXT)).isEqualTo("[1, 2]\n(showing 2 of 4 elements)");
    }

    @Test
    void objectArraysOfRecordsAreTables() {
        Document html = html(render(new Person[] {new Person("ann", 31, List.of())}));

        assertThat(headers(html)).containsExactly("name", "age", "tags");
    }

    @Test
    void twoDimensionalArrayIsATableOfRowsAndColumns() {
        MimeBundle bundle = render(new double[][] {{1, 2.5}, {3, 4}, {5}});

        Document html = html(bundle);
        assertThat(headers(html)).containsExactly("0", "1");
        assertThat(WellFormed.texts(html, "span").subList(0, 2)).containsExactly("double", "double");
        assertThat(WellFormed.bodyRows(html)).containsExactly(List.of("1.0", "2.5"), List.of("3.0", "4.0"), List.of("5.0", ""));
        assertThat(WellFormed.elements(html, "td").get(0).getAttribute("class")).isEqualTo("fj-num");
        assertThat((String) bundle.get(MimeBundle.TEXT)).startsWith("     0 |      1\n").endsWith("3 rows");
    }

    @Test
    void twoDimensionalArrayIsCutAtTheLimit() {
        renderers.setMaxRows(2);

        MimeBundle bundle = render(new String[][] {{"<a>"}, {"b"}, {"c"}});

        assertThat(WellFormed.bodyRows(html(bundle))).containsExactly(List.of("<a>"), List.of("b"));
        assertThat((String) bundle.get(MimeBundle.TEXT)).endsWith("showing 2 of 3 rows");
    }

    @Test
    void iteratorIsReadUpToTheLimitPlusOneAndClosed() {
        renderers.setMaxRows(3);
        CountingIterator numbers = new CountingIterator();

        MimeBundle bundle = render(numbers);

        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("[0, 1, 2]\n(showing 3 of at least 4 elements)");
        assertThat(numbers.read).isEqualTo(4);
        assertThat(numbers.closed).isTrue();
    }

    @Test
    void iteratorOfRecordsIsATable() {
        MimeBundle bundle = render(List.of(new Person("ann", 1, List.of()), new Person("bob", 2, List.of())).iterator());

        assertThat(WellFormed.bodyRows(html(bundle))).hasSize(2);
        assertThat((String) bundle.get(MimeBundle.HTML)).contains("2 rows");
    }

    @Test
    void streamIsReadUpToTheLimitAndClosed() {
        renderers.setMaxRows(5);
        boolean[] closed = {false};

        MimeBundle bundle = render(Stream.iterate(0, i -> i + 1).onClose(() -> closed[0] = true));

        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("[0, 1, 2, 3, 4]\n(showing 5 of at least 6 elements)");
        assertThat(closed[0]).isTrue();
    }

    @Test
    void optionalShowsItsValue() {
        MimeBundle present = render(Optional.of(new Person("ann", 1, List.of())));

        assertThat(present.get(MimeBundle.TEXT)).isEqualTo("Optional[Person[name=ann, age=1, tags=[]]]");
        assertThat(present.data()).containsKey(MimeBundle.HTML);
        assertThat(render(Optional.empty()).get(MimeBundle.TEXT)).isEqualTo("Optional.empty");
    }

    @Test
    void throwableShowsItsMessageAndCausesWithoutTheStackTrace() {
        Exception e = new IllegalStateException("outer", new java.io.IOException("disk full"));

        assertThat(render(e).get(MimeBundle.TEXT))
                .isEqualTo("java.lang.IllegalStateException: outer\nCaused by: java.io.IOException: disk full");
    }

    @Test
    void charSequenceIsTextOnly() {
        MimeBundle bundle = render(new StringBuilder("<b>x</b>"));

        assertThat(bundle.data()).containsOnlyKeys(MimeBundle.TEXT);
        assertThat(bundle.get(MimeBundle.TEXT)).isEqualTo("<b>x</b>");
    }

    @Test
    void registeredRowLayoutsWinOverTheBuiltInOnes() {
        renderers.registerRowLayout(Reading.class, new RowLayout<>() {
            @Override
            public Optional<List<HtmlTable.Column>> columns(List<? extends Reading> elements) {
                return Optional.of(List.of(HtmlTable.Column.of("reading", "")));
            }

            @Override
            public List<?> cells(Reading element, List<HtmlTable.Column> columns) {
                return List.of(element.toString());
            }
        });

        assertThat(WellFormed.bodyRows(html(render(List.of(new Reading("hall", 19)))))).containsExactly(List.of("hall=19.0"));
    }

    /** Counts up forever, remembering how far it was read and whether it was closed. */
    private static final class CountingIterator implements Iterator<Integer>, AutoCloseable {
        int read;
        boolean closed;

        @Override
        public boolean hasNext() {
            return !closed;
        }

        @Override
        public Integer next() {
            if (closed) {
                throw new NoSuchElementException();
            }
            return read++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
