"""%flink, %tables, %describe, %jobs and %cancel through jupyter_client, with their bad inputs, after
which every variable and table is still there."""
import pytest


@pytest.fixture(scope="module")
def sales(kernel):
    kernel.ok(
        "%%sql\n"
        "CREATE TABLE sales (id INT, amount DOUBLE) WITH ('connector' = 'datagen', 'number-of-rows' = '10')"
    )


def test_status_shows_mode_parallelism_slots_web_ui_and_jobs(kernel, sales):
    kernel.start_cluster()
    status = kernel.ok("%flink status").result
    assert "mode **auto**" in status and "task slots **" in status, status
    assert "http://127.0.0.1:" in status, status
    assert "Running jobs: none" in status, status


def test_parallelism_and_set_apply_to_env_and_reset_restores(kernel, sales):
    before = kernel.value("env.getParallelism()")
    kernel.ok("%flink parallelism 3")
    assert kernel.value("env.getParallelism()") == "3"
    kernel.ok("%flink set display.max-rows=2")
    cell = kernel.ok("%%sql\nSELECT id FROM sales")
    assert "more" in str(cell.results).lower() or "2 of" in str(cell.results), cell.describe()
    kernel.ok("%flink reset")
    assert kernel.value("env.getParallelism()") == before
    assert "Settings: defaults" in kernel.ok("%flink status").result


def test_bad_flink_arguments_say_what_was_wrong(kernel, sales):
    cell = kernel.run("%flink mode fast")
    assert cell.status == "error"
    assert "expected auto, batch or streaming" in cell.traceback, cell.traceback
    cell = kernel.run("%flink parallelism 999")
    assert "task slots" in cell.traceback, cell.traceback
    cell = kernel.run("%flink --bogus")
    assert "Unknown option: '--bogus'" in cell.traceback, cell.traceback
    assert kernel.value("survivor + 1") == "42"
    assert "sales" in kernel.ok("%tables").result


def test_tables_and_describe_show_the_catalog(kernel, sales):
    tables = kernel.ok("%tables").result
    assert "| sales | table | datagen | id INT, amount DOUBLE |" in tables, tables
    described = kernel.ok("%describe sales").result
    assert "| amount | DOUBLE |" in described and "| number-of-rows | 10 |" in described, described


def test_describe_of_an_unknown_table_lists_the_tables(kernel, sales):
    cell = kernel.run("%describe sails")
    assert cell.status == "error"
    assert "unknown table 'sails'" in cell.traceback and "sales" in cell.traceback, cell.traceback
    assert kernel.value("survivor") == "41"


def test_jobs_lists_them_and_cancel_refuses_an_unknown_id(kernel, sales):
    kernel.ok("%%sql\nSELECT COUNT(*) FROM sales")
    jobs = kernel.ok("%jobs").result
    assert "| id | name | state | start | duration |" in jobs and "FINISHED" in jobs, jobs
    cell = kernel.run("%cancel 0123456789abcdef0123456789abcdef")
    assert cell.status == "error"
    assert "No job with id 0123456789abcdef0123456789abcdef" in cell.traceback, cell.traceback
    cell = kernel.run("%cancel")
    assert cell.status == "error"
    assert "Usage: %cancel" in cell.traceback, cell.traceback
    assert kernel.value("survivor + 1") == "42"
    assert kernel.value('tEnv.executeSql("SELECT COUNT(*) FROM sales").collect().next()') == "+I[10]"
