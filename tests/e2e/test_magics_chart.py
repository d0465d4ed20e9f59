"""%chart through jupyter_client: charts of a table, a query and variables, as PNG and SVG, and
its bad inputs, each followed by a cell that still sees every variable and table."""
import base64

import pytest

from conftest import KERNEL, Kernel

PNG = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def kernel():
    k = Kernel(KERNEL)
    k.ok("int survivor = 41;")
    k.ok('tEnv.executeSql("CREATE TEMPORARY VIEW sales AS SELECT * FROM (VALUES '
         "('Oslo', 1, 10.0), ('Rome', 2, 25.5), ('Lima', 3, 7.25), ('Oslo', 4, 12.0)) "
         'AS t(city, week, amount)");')
    yield k
    k.shutdown()


def still_alive(kernel):
    assert kernel.value("survivor + 1") == "42"
    assert kernel.value('tEnv.from("sales").execute().collect().next().getField("city")') == "Oslo"


def png_of(cell):
    data = cell.results[0]
    assert "image/png" in data, cell.describe()
    raw = base64.b64decode(data["image/png"])
    assert raw.startswith(PNG)
    return data["text/plain"]


def test_line_bar_scatter_pie_and_hist_draw_pngs(kernel):
    assert 'XYChart "amount by week"' in png_of(kernel.ok("%chart line --table sales --x week --y amount"))
    assert "CategoryChart" in png_of(kernel.ok(
        '%chart bar --sql "SELECT city, SUM(amount) AS total FROM sales GROUP BY city" --x city --y total'))
    assert "1 series: amount" in png_of(kernel.ok("%chart scatter --table sales --x week --y amount"))
    assert "3 series: Lima, Oslo, Rome" in png_of(kernel.ok(
        '%chart pie --sql "SELECT city, SUM(amount) AS total FROM sales GROUP BY city ORDER BY city" '
        '--x city --y total --title Revenue'))
    assert '"amount"' in png_of(kernel.ok("%chart hist --table sales --y amount --bins 4"))


def test_svg_and_the_limit_note(kernel):
    cell = kernel.ok("%chart line --table sales --x week --y amount --svg --limit 2")
    assert "<svg" in cell.results[0]["image/svg+xml"]
    assert "Drawing the first 2 rows of table sales; --limit N draws more." in cell.stdout


def test_variables_flink_table_and_list_of_records(kernel):
    kernel.ok('var big = tEnv.sqlQuery("SELECT week, amount FROM sales WHERE amount > 9");')
    assert "XYChart" in png_of(kernel.ok("%chart line --var big --x week --y amount"))
    kernel.ok("record Point(double x, double y) {}\n"
              "var points = java.util.List.of(new Point(1, 2), new Point(2, 4), new Point(3, 5));")
    assert "XYChart" in png_of(kernel.ok("%chart scatter --var points --x x --y y"))


def test_unknown_table_lists_the_tables(kernel):
    cell = kernel.run("%chart line --table nope --x week --y amount")
    assert cell.status == "error"
    assert "--table nope: no such table; tables: " in cell.traceback and "sales" in cell.traceback
    still_alive(kernel)


def test_unknown_and_wrong_columns(kernel):
    cell = kernel.run("%chart line --table sales --x week --y price")
    assert "no column 'price' in table sales; its columns: city " in cell.traceback
    assert "week INT NOT NULL, amount DECIMAL(4, 2) NOT NULL" in cell.traceback
    cell = kernel.run("%chart hist --table sales --y city")
    assert "a hist chart needs numbers there, and 'city' is " in cell.traceback
    assert "numeric columns: week, amount" in cell.traceback
    cell = kernel.run("%chart line --table sales --y amount")
    assert "--x is missing" in cell.traceback
    still_alive(kernel)


def test_usage_errors(kernel):
    cell = kernel.run("%chart line --table sales --x week --y amount --colour red")
    assert cell.reply["content"]["ename"] == "UsageError"
    assert "Unknown options: '--colour', 'red'" in cell.traceback
    cell = kernel.run("%chart line --x week --y amount")
    assert cell.reply["content"]["ename"] == "UsageError"
    assert "--table" in cell.traceback
    cell = kernel.run("%chart")
    assert cell.reply["content"]["ename"] == "UsageError"
    still_alive(kernel)
