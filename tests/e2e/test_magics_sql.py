"""%%sql through jupyter_client: several statements, one catalog shared with tEnv, the mode a query
ran in, -o, --limit, ${var} in the SQL, and errors that name the cell line and column, after which
every variable and table is still there."""
import pytest


@pytest.fixture(scope="module")
def words(kernel, tmp_path_factory):
    """A CSV table `words` (w, n) of 3 rows, its path in the Java variable `wordsPath`."""
    path = tmp_path_factory.mktemp("sql-data") / "words.csv"
    path.write_text("a,1\nb,2\na,3\n")
    kernel.ok(f'String wordsPath = "{path}";')
    kernel.ok(
        "%%sql\n"
        "CREATE TABLE words (w STRING, n INT) WITH (\n"
        "  'connector' = 'filesystem', 'path' = '${wordsPath}', 'format' = 'csv')"
    )
    return path


def test_a_sql_cell_runs_its_statements_and_shows_the_last_query(kernel, words):
    cell = kernel.ok(
        "%%sql\n"
        "CREATE TEMPORARY VIEW totals AS SELECT w, SUM(n) AS total FROM words GROUP BY w; -- a ; in a comment\n"
        "SELECT w, total, 'x;y' AS s FROM totals ORDER BY w"
    )
    assert "batch mode (all sources are bounded)" in cell.stdout, cell.describe()
    html = cell.results[0]["text/html"]
    assert "x;y" in html and ">4<" in html and ">2<" in html, html


def test_tEnv_and_sql_cells_share_one_catalog(kernel, words):
    assert kernel.value('tEnv.executeSql("SELECT COUNT(*) FROM words").collect().next()') == "+I[3]"
    kernel.ok('tEnv.executeSql("CREATE VIEW big AS SELECT w FROM words WHERE n > 1");')
    cell = kernel.ok("%%sql -o big_words\nSELECT w FROM big ORDER BY w")
    assert kernel.value("big_words.rowCount()") == "2"
    assert kernel.value('big_words.stringColumn("w").asList()') == "[a, b]", cell.describe()


def test_a_streaming_query_shows_the_mode_and_its_final_rows(kernel, words):
    kernel.ok("%flink mode streaming")
    try:
        cell = kernel.ok("%%sql --limit 5\nSELECT w, SUM(n) AS total FROM words GROUP BY w")
    finally:
        kernel.ok("%flink mode auto")
    assert "streaming mode" in cell.stdout, cell.describe()
    shown = str(cell.results) + str(cell.displays)
    assert "4" in shown, cell.describe()


def test_bad_sql_names_the_cell_line_and_column_and_the_session_survives(kernel, words):
    cell = kernel.run("%%sql\nSELECT 1;\nSELECT w,\nFROM words")
    assert cell.status == "error"
    assert "at line 4, column 1" in cell.traceback, cell.traceback
    assert "4 | FROM words" in cell.traceback, cell.traceback
    assert kernel.value("survivor + 1") == "42"
    assert kernel.value('tEnv.executeSql("SELECT COUNT(*) FROM words").collect().next()') == "+I[3]"


def test_an_unknown_table_keeps_flinks_message_and_the_session_survives(kernel, words):
    cell = kernel.run("%%sql\nSELECT * FROM nowhere")
    assert cell.status == "error"
    assert "Object 'nowhere' not found" in cell.traceback, cell.traceback
    assert "line 2, column 15" in cell.traceback, cell.traceback
    cell = kernel.run("%%sql\nSELECT wrd FROM words")
    assert "Column 'wrd' not found" in cell.traceback, cell.traceback
    assert kernel.value("survivor + wordsPath.length() * 0") == "41"
    assert "words" in kernel.ok("%tables").result


def test_an_unknown_option_is_a_usage_error(kernel, words):
    cell = kernel.run("%%sql --bogus\nSELECT 1")
    assert cell.status == "error"
    assert "Unknown option: '--bogus'" in cell.traceback, cell.traceback
    assert "Usage: %%sql" in cell.traceback
    assert kernel.value("survivor") == "41"
