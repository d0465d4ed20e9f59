"""Values a cell shows, through jupyter_client: Flink results, collections, Tablesaw tables, charts
and the Html / Markdown / Image helpers, checked in the MIME bundles a front end receives.

Every table has one look: column names with their types, numbers right-aligned, NULL marked,
data HTML-escaped, a note saying how many rows are shown of how many, and a text/plain twin.
"""
import base64
import re
import struct
import time
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser

import pytest

from conftest import KERNEL, Kernel, jobs

PEOPLE = (
    "SELECT * FROM (VALUES (1, '<script>alert(1)</script>', CAST(NULL AS DOUBLE)), (22, 'c', 2.5))"
    " AS t(id, name, score)"
)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


class TableHtml(HTMLParser):
    """The parts of an fj-table: header names, their types, body rows (cell texts and classes), note."""

    def __init__(self, html):
        super().__init__()
        self.names, self.types, self.rows, self.classes, self.note = [], [], [], [], ""
        self.scripts = 0
        self._in, self._text, self._cls = None, "", ""
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "tr" and self._in == "tbody":
            self.rows.append([])
            self.classes.append([])
        if tag in ("thead", "tbody"):
            self._in = tag
        if tag in ("th", "td"):
            self._text, self._cls = "", attrs.get("class", "")
        if tag == "span" and attrs.get("class") == "fj-type":
            self.names.append(self._text)
            self._text = ""
        if tag == "div" and attrs.get("class") == "fj-note":
            self._in = "note"

    def handle_endtag(self, tag):
        if tag == "th":
            if len(self.names) == len(self.types):  # a column without a type
                self.names.append(self._text)
            else:
                self.types.append(self._text)
        if tag == "td":
            self.rows[-1].append(self._text)
            self.classes[-1].append(self._cls)

    def handle_data(self, data):
        if self._in == "note":
            self.note += data
        else:
            self._text += data


@pytest.fixture(scope="module")
def kernel():
    k = Kernel(KERNEL)
    yield k
    k.shutdown()


@pytest.fixture(autouse=True)
def default_row_limit(kernel):
    yield
    kernel.ok("Display.renderers().setMaxRows(Renderers.DEFAULT_MAX_ROWS);")


def result(kernel, code):
    """The data of the one execute_result of a cell that must succeed."""
    cell = kernel.ok(code)
    assert len(cell.results) == 1, cell.describe()
    return cell.results[0]


def table_of(data):
    assert set(data) >= {"text/plain", "text/html"}, sorted(data)
    table = TableHtml(data["text/html"])
    assert table.scripts == 0, "data never becomes markup"
    return table


def check_people(data):
    table = table_of(data)
    assert table.names == ["id", "name", "score"]
    assert sorted(table.rows) == [["1", "<script>alert(1)</script>", "NULL"], ["22", "c", "2.5"]]
    assert table.classes[0] == ["fj-num", "", "fj-num"], "numbers right-aligned"
    assert '<span class="fj-null">NULL</span>' in data["text/html"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in data["text/html"]
    assert table.note == "2 rows"
    text = data["text/plain"]
    assert text.splitlines()[0].split() == ["id", "|", "name", "|", "score"], text
    assert "<script>alert(1)</script>" in text and "NULL" in text and text.endswith("2 rows")
    return table


def test_a_table_result_has_flinks_names_and_types(kernel):
    table = check_people(result(kernel, f'tEnv.executeSql("{PEOPLE}")'))
    assert table.types[0] == "INT NOT NULL" and table.types[2] == "DOUBLE"


def test_a_collected_list_of_rows_is_the_same_table(kernel):
    table = check_people(result(kernel, f"""
        List<Row> people = new ArrayList<>();
        tEnv.executeSql("{PEOPLE}").collect().forEachRemaining(people::add);
        people"""))
    assert table.types == ["Integer", "String", "Double"], "typed by the values"


def test_a_collect_iterator_is_the_same_table_and_its_job_ends(kernel):
    table = check_people(result(kernel, f'tEnv.executeSql("{PEOPLE}").collect()'))
    assert table.types == ["Integer", "String", "Double"]


def test_the_row_limit_is_a_display_option(kernel):
    kernel.ok('tEnv.executeSql("CREATE TEMPORARY VIEW many AS SELECT * FROM (VALUES '
              + ", ".join(f"({i})" for i in range(1, 1201)) + ') AS t(n)");')

    default = table_of(result(kernel, 'tEnv.executeSql("SELECT n FROM many")'))
    assert len(default.rows) == 1000 and default.note == "showing 1000 of at least 1001 rows"

    small = table_of(result(kernel, 'Display.renderers().setMaxRows(5);\ntEnv.from("many")'))
    assert [r[0] for r in small.rows] == ["1", "2", "3", "4", "5"]
    assert small.note == "showing 5 of at least 6 rows"

    listed = result(kernel, "IntStream.range(0, 100).boxed().toList()")
    assert listed["text/plain"] == "[0, 1, 2, 3, 4]\n(showing 5 of 100 elements)"

    error = kernel.run("Display.renderers().setMaxRows(0);")
    assert error.status == "error" and "the row limit must be at least 1, was 0" in error.traceback


def test_a_bounded_datastream_shows_its_first_rows_and_its_job_ends(kernel):
    base = kernel.web_ui()
    data = result(kernel, """
        Display.renderers().setMaxRows(3);
        env.fromSequence(1, 1_000_000).map(new MapFunction<Long, Tuple2<Long, String>>() {
            public Tuple2<Long, String> map(Long n) { return Tuple2.of(n, "<" + n + ">"); }
        })""")

    table = table_of(data)
    assert table.names == ["f0", "f1"] and table.types == ["Long", "String"]
    assert table.rows == [["1", "<1>"], ["2", "<2>"], ["3", "<3>"]]
    assert table.note == "showing 3 of at least 4 rows"
    assert data["text/plain"].endswith("showing 3 of at least 4 rows")
    deadline = time.monotonic() + 30  # closing the results cancels the job; that takes a moment
    while not all(j["state"] in ("FINISHED", "CANCELED") for j in jobs(base)):
        assert time.monotonic() < deadline, f"a job still runs: {jobs(base)}"
        time.sleep(0.2)


def test_records_pojos_maps_and_arrays(kernel):
    kernel.ok("record City(String name, int people, Double area) {}\n"
              "public class Reading { public String room; public double celsius;"
              " public Reading(String r, double c) { room = r; celsius = c; } }")

    cities = table_of(result(kernel, 'List.of(new City("Oslo", 709000, 454.0), new City("<i>Bergen</i>", 291000, null))'))
    assert cities.names == ["name", "people", "area"] and cities.types == ["String", "int", "Double"]
    assert cities.rows == [["Oslo", "709000", "454.0"], ["<i>Bergen</i>", "291000", "NULL"]]

    readings = table_of(result(kernel, 'new Reading[] { new Reading("kitchen", 21.5), new Reading("attic", 27) }'))
    assert readings.names == ["room", "celsius"] and readings.rows == [["kitchen", "21.5"], ["attic", "27.0"]]

    counts = result(kernel, 'new TreeMap<>(Map.of("a", 1, "<b>", 2))')
    assert "&lt;b&gt;" in counts.get("text/html", "&lt;b&gt;") and "<b>" in counts["text/plain"]

    single = result(kernel, 'new City("Oslo", 709000, 454.0)')
    assert single["text/plain"] == "City[name=Oslo, people=709000, area=454.0]"


def test_a_tablesaw_table_has_the_same_look(kernel):
    data = result(kernel, """
        var t = tech.tablesaw.api.Table.create("sales",
            tech.tablesaw.api.StringColumn.create("region", "north", "<south>"),
            tech.tablesaw.api.DoubleColumn.create("amount", 10.5, Double.NaN));
        t""")

    table = table_of(data)
    assert table.names == ["region", "amount"]
    assert table.rows[0] == ["north", "10.5"] and table.rows[1][0] == "<south>"
    assert table.classes[0][1] == "fj-num"
    assert "&lt;south&gt;" in data["text/html"]


def png_size(data):
    raw = base64.b64decode(data["image/png"])
    assert raw.startswith(PNG_MAGIC), "PNG bytes"
    return struct.unpack(">II", raw[16:24])  # the IHDR chunk


@pytest.mark.parametrize("chart", [
    'Charts.line(sales, "day", "north", "south")',
    'Charts.scatter(sales, "north", "south")',
    'Charts.bar(sales, "day", "north")',
    'Charts.hist(sales, "north", 5)',
    'Charts.pie(sales, "day", "south")',
])
def test_every_chart_kind_from_a_table_is_a_png(kernel, chart):
    kernel.ok("""
        import tech.tablesaw.api.*;
        var sales = tech.tablesaw.api.Table.create("sales",
            IntColumn.create("day", 1, 2, 3, 4, 5),
            DoubleColumn.create("north", 3, 5, 4, 6, 8),
            DoubleColumn.create("south", 2, 2, 5, 7, 6));""")

    data = result(kernel, chart)

    assert set(data) == {"text/plain", "image/png"}
    assert png_size(data) == (640, 400)
    assert re.match(r"(XY|Category|Pie)Chart ", data["text/plain"]), data["text/plain"]


def test_svg_on_request_parses(kernel):
    data = result(kernel, 'Charts.svg(Charts.line("<t>", new double[] {1, 2, 3}, new double[] {2, 4, 3}))')

    assert "image/svg+xml" in data
    root = ElementTree.fromstring(data["image/svg+xml"])
    assert root.tag.endswith("svg")


def test_html_markdown_and_image_helpers(kernel):
    html = result(kernel, 'new Html("<b>bold</b>")')
    assert html["text/html"] == "<b>bold</b>"
    markdown = result(kernel, 'new Markdown("# Title")')
    assert markdown["text/markdown"] == "# Title"
    image = result(kernel, "Charts.png(Charts.bar(\"b\", List.of(\"x\", \"y\"), List.of(1, 2)))")
    assert png_size(image) == (640, 400)
