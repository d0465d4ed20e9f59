"""%load through jupyter_client: a CSV becomes a table that the next cells query; a missing file,
a malformed line, skipped rows and a wrong option each say what was wrong, and the session keeps
every variable and table."""
import pytest


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    d = tmp_path_factory.mktemp("load-data")
    (d / "trips.csv").write_text("id,km,paid\n1,2.5,true\n2,,false\n3,7,true\n")
    # The bad value lies beyond the 10,000 records the schema is inferred from, on line 10,042.
    (d / "broken.csv").write_text("n,label\n" + "".join(f"{i},x{i}\n" for i in range(1, 10_041)) + "four,d\n5,e\n")
    (d / "noisy.csv").write_text("v\n1\nx\n3\n4,4\n5\n")
    return d


@pytest.fixture(scope="module")
def trips(kernel, data):
    """The kernel, with trips.csv loaded as the table `trips`: every later cell must still see it."""
    return kernel.ok(f"%load {data / 'trips.csv'}")


def assert_session_kept(kernel):
    assert kernel.value("survivor + 1") == "42"
    total = kernel.value('tEnv.executeSql("SELECT SUM(km) FROM trips").collect().next().getField(0)')
    assert total == "9.5"


def test_load_shows_the_summary_schema_and_first_rows_and_the_table_is_queryable(kernel, data, trips):
    cell = trips
    assert f"trips: 3 rows, 3 columns from {data / 'trips.csv'} (csv, header, schema inferred)" in cell.stdout
    schema = "\n".join(d.get("text/plain", "") for d in cell.displays)
    for column in ("id", "km", "paid", "BIGINT", "DOUBLE", "BOOLEAN"):
        assert column in schema, cell.describe()
    assert "2.5" in cell.result and "true" in cell.result, cell.describe()
    # A permanent table of the notebook's catalog: SQL cells see it too.
    sql = kernel.ok("%%sql\nSELECT SUM(km) AS total FROM trips")
    assert "9.5" in (sql.result or "") + "".join(d.get("text/plain", "") for d in sql.displays), sql.describe()
    assert_session_kept(kernel)


def test_a_missing_file_names_the_absolute_path_tried(kernel, data, trips):
    cell = kernel.run("%load no/such/file.csv")
    assert cell.status == "error"
    assert "No such file: /" in cell.traceback and "no/such/file.csv" in cell.traceback, cell.traceback
    assert_session_kept(kernel)


def test_a_malformed_line_fails_with_its_file_and_line(kernel, data, trips):
    cell = kernel.run(f"%load {data / 'broken.csv'}")
    assert cell.status == "error"
    assert f"Malformed row at {data / 'broken.csv'}, line 10042" in cell.traceback, cell.traceback
    assert "four" in cell.traceback
    assert "at org.apache.flink" not in cell.traceback, "a user error shows no stack trace"
    assert "broken" not in kernel.value("java.util.Arrays.toString(tEnv.listTables())")
    assert_session_kept(kernel)


def test_skip_counts_and_reports_the_malformed_rows(kernel, data, trips):
    cell = kernel.ok(f"%load {data / 'noisy.csv'} --schema 'v BIGINT' --on-error skip --as noisy")
    assert "noisy: 3 rows" in cell.stdout and "2 malformed rows skipped" in cell.stdout, cell.describe()
    assert kernel.value('tEnv.executeSql("SELECT SUM(v) FROM noisy").collect().next().getField(0)') == "9"
    assert_session_kept(kernel)


def test_an_unknown_option_is_a_usage_error(kernel, data, trips):
    cell = kernel.run(f"%load {data / 'trips.csv'} --sheet 2")
    assert cell.status == "error"
    assert cell.reply["content"]["ename"] == "UsageError"
    assert "Unknown options: '--sheet'" in cell.traceback
    assert "Usage: %load" in cell.traceback
    assert_session_kept(kernel)


def test_help_describes_every_option(kernel):
    out = kernel.ok("%load --help").stdout
    for option in ("--as", "--format", "--[no-]header", "--delimiter", "--schema", "--on-error", "--preview"):
        assert option in out, out


def test_parquet_written_by_flink_loads_with_its_footer_schema(kernel, data, trips):
    folder = data / "parquet-out"
    kernel.ok(
        'tEnv.executeSql("CREATE TEMPORARY TABLE pq_out (id BIGINT, item STRING) WITH ('
        f"'connector' = 'filesystem', 'path' = '{folder}', 'format' = 'parquet')\");\n"
        "tEnv.executeSql(\"INSERT INTO pq_out VALUES (1, 'tea'), (2, 'cake')\").await();"
    )
    cell = kernel.ok(f"%load {folder} --format parquet --as pq")
    assert "pq: 2 rows, 2 columns" in cell.stdout and "(parquet, schema inferred)" in cell.stdout, cell.describe()
    assert kernel.value('tEnv.executeSql("SELECT MAX(item) FROM pq").collect().next().getField(0)') == "tea"
    assert_session_kept(kernel)
