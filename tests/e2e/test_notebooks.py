"""Every notebook in notebooks/ executed headless by `jupyter nbconvert --execute` against the
installed flink-java kernel; the outputs of the getting-started, live-results and tables-and-charts
notebooks are checked by cell tag."""
import ast
import base64
import re
import shutil
import struct
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import nbformat
import pytest

from conftest import KERNEL, require_kernel, strip_ansi

NOTEBOOKS = Path(__file__).resolve().parents[2] / "notebooks"
CELL_TIMEOUT = 120  # seconds per cell
JUPYTER = "/usr/bin/jupyter" if Path("/usr/bin/jupyter").exists() else shutil.which("jupyter")


def execute_notebook(path, out_dir):
    require_kernel(KERNEL)
    command = [
        JUPYTER, "nbconvert", "--to", "notebook", "--execute",
        f"--ExecutePreprocessor.kernel_name={KERNEL}",
        f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}",
        "--ExecutePreprocessor.startup_timeout=90",
        "--output-dir", str(out_dir),
        str(path),
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=30 * 60)
    assert done.returncode == 0, (
        f"nbconvert failed on {path.name} (exit {done.returncode}):\n{done.stdout}\n{strip_ansi(done.stderr)}"
    )
    return nbformat.read(out_dir / path.name, as_version=4)


def errors(nb):
    return [
        (cell.get("id"), out.get("ename"), out.get("evalue"))
        for cell in nb.cells
        if cell.cell_type == "code"
        for out in cell.get("outputs", [])
        if out.output_type == "error"
    ]


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Executes a notebook once per test run; later calls get the same executed copy."""
    done = {}

    def run(path):
        if path not in done:
            done[path] = execute_notebook(path, tmp_path_factory.mktemp(path.stem))
        return done[path]

    return run


@pytest.mark.parametrize("path", sorted(NOTEBOOKS.glob("*.ipynb")), ids=lambda p: p.name)
def test_notebook_runs_without_errors(path, executed):
    nb = executed(path)
    assert not errors(nb), f"{path.name}: cells with errors: {errors(nb)}"


def test_notebooks_are_committed_without_outputs():
    for path in sorted(NOTEBOOKS.glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        nbformat.validate(nb)
        for cell in nb.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name}: cell {cell.id} has outputs"


@pytest.fixture(scope="module")
def getting_started(executed):
    nb = executed(NOTEBOOKS / "01-getting-started.ipynb")
    return {tag: cell for cell in nb.cells for tag in cell.metadata.get("tags", [])}


def text_of(cell, output_type, mime="text/plain"):
    parts = []
    for out in cell.outputs:
        if out.output_type != output_type:
            continue
        if output_type == "stream":
            parts.append(out.text)
        else:
            parts.append(out.data.get(mime, ""))
    return "".join(parts)


def test_last_expression_is_the_result(getting_started):
    assert text_of(getting_started["check-last-expression"], "execute_result") == "42"


def test_method_from_an_earlier_cell(getting_started):
    assert text_of(getting_started["check-method"], "stream").strip() == "Hello, Flink!"


def test_lambda_over_a_cell_variable(getting_started):
    result = text_of(getting_started["check-lambda"], "execute_result")
    match = re.search(r"\[[-0-9, ]*\]", result)
    assert match and sorted(ast.literal_eval(match.group(0))) == [10, 20, 30], result


def test_cell_class_as_job_type(getting_started):
    out = text_of(getting_started["check-pojo"], "stream").strip()
    assert out == "[ATTIC: 27 C, KITCHEN: 21 C]", out


def test_sql_with_a_cell_udf(getting_started):
    out = text_of(getting_started["check-sql-udf"], "stream")
    rows = [[field.strip() for field in line.strip("|").split("|")] for line in out.splitlines() if line.startswith("|")]
    assert rows[0] == ["room", "celsius", "fahrenheit"], out
    assert rows[1:] == [["attic", "27", "80.6"], ["kitchen", "21", "69.8"]], out


def test_display_of_html_and_text(getting_started):
    cell = getting_started["check-display"]
    displays = [out.data for out in cell.outputs if out.output_type == "display_data"]
    assert any("<b>Flink</b> is <i>ready</i>" in d.get("text/html", "") for d in displays), cell.outputs
    assert any(d.get("text/plain", "").strip() == "and so is plain text" for d in displays), cell.outputs


@pytest.fixture(scope="module")
def live_results(executed):
    nb = executed(NOTEBOOKS / "02-live-results.ipynb")
    return {tag: cell for cell in nb.cells for tag in cell.metadata.get("tags", [])}


def displays(cell, progress):
    """The display_data outputs of a cell: its progress lines (`Job '...'`), or the others."""
    return [
        out for out in cell.outputs
        if out.output_type == "display_data" and out.data.get("text/plain", "").startswith("Job '") == progress
    ]


def test_a_live_count_is_saved_with_its_final_counts(live_results):
    cell = live_results["check-live-count"]
    assert not text_of(cell, "execute_result"), "the live table is the result"
    (table,) = displays(cell, progress=False)
    text = table.data["text/plain"]
    assert dict(re.findall(r"^\s*(\d) \|\s+(\d+)$", text, re.M)) == {k: "600" for k in "01234"}, text
    assert text.endswith("\n5 rows"), text


def test_a_progress_line_is_saved_in_its_final_state(live_results):
    (line,) = displays(live_results["check-progress"], progress=True)
    text = line.data["text/plain"]
    assert text.startswith("Job 'slow squares' FINISHED · ") and " · 40 in · 40 out · " in text, text
    assert "/#/job/completed/" in line.data["text/html"]


def test_a_handle_update_is_saved(live_results):
    (shown,) = displays(live_results["check-handle"], progress=False)
    assert shown.data["text/html"] == "<b>step 3 of 3</b>"


@pytest.fixture(scope="module")
def tables_and_charts(executed):
    nb = executed(NOTEBOOKS / "03-tables-and-charts.ipynb")
    return {tag: cell for cell in nb.cells for tag in cell.metadata.get("tags", [])}


def result_of(cell):
    (data,) = [out.data for out in cell.outputs if out.output_type == "execute_result"]
    return data


def squeezed_lines(text):
    return [re.sub(r" +", " ", line).strip() for line in text.splitlines()]


def png_size(data):
    raw = base64.b64decode(data["image/png"])
    assert raw.startswith(b"\x89PNG\r\n\x1a\n"), "PNG bytes"
    return struct.unpack(">II", raw[16:24])


def test_a_flink_result_is_a_typed_table_with_escaped_values(tables_and_charts):
    data = result_of(tables_and_charts["check-summary"])
    lines = squeezed_lines(data["text/plain"])
    assert lines[:2] == ["region | days | avg_amount", "STRING NOT NULL | BIGINT NOT NULL | DOUBLE"], lines
    assert [line.split(" | ")[:2] for line in lines[3:6]] == [["<east>", "30"], ["north", "30"], ["south", "30"]]
    assert lines[-1] == "3 rows"
    html = data["text/html"]
    assert "&lt;east&gt;" in html and "<east>" not in html
    assert '<td class="fj-num">30</td>' in html, "numbers right-aligned"


def test_null_is_shown_as_null(tables_and_charts):
    data = result_of(tables_and_charts["check-nulls"])
    assert "10 | south | 125.19 | NULL" in squeezed_lines(data["text/plain"])
    assert '<span class="fj-null">NULL</span>' in data["text/html"]


def test_the_row_limit_option_cuts_a_table(tables_and_charts):
    data = result_of(tables_and_charts["check-row-limit"])
    assert data["text/plain"].endswith("showing 5 of at least 6 rows")
    assert data["text/html"].count("<tr>") == 1 + 5


def test_collected_rows_and_iterators_are_tables(tables_and_charts):
    rows = squeezed_lines(result_of(tables_and_charts["check-list-rows"])["text/plain"])
    assert rows[:2] == ["day | region | amount", "Integer | String | Double"] and rows[-1] == "3 rows", rows
    iterator = squeezed_lines(result_of(tables_and_charts["check-iterator"])["text/plain"])
    assert iterator[:2] == ["day | amount", "Integer | Double"] and iterator[-1] == "30 rows", iterator


def test_a_datastream_value_shows_its_elements(tables_and_charts):
    lines = squeezed_lines(result_of(tables_and_charts["check-datastream"])["text/plain"])
    assert lines[:2] == ["f0 | f1", "Long | Long"] and "6 | 36" in lines and lines[-1] == "6 rows", lines


def test_tablesaw_records_pojos_and_maps(tables_and_charts):
    tablesaw = result_of(tables_and_charts["check-tablesaw"])
    assert 'class="fj-table"' in tablesaw["text/html"] and "&lt;east&gt;" in tablesaw["text/html"]
    assert squeezed_lines(tablesaw["text/plain"])[1] == "region | Sum [amount]"
    records = squeezed_lines(result_of(tables_and_charts["check-records"])["text/plain"])
    assert records[:2] == ["name | population | area", "String | int | double"] and "<Tromsø> | 77000 | 2521.0" in records
    pojos = squeezed_lines(result_of(tables_and_charts["check-pojos"])["text/plain"])
    assert pojos[:2] == ["room | celsius", "String | double"], pojos
    assert result_of(tables_and_charts["check-map"])["text/plain"] == "{<east>=30, north=30, south=30}"
    assert result_of(tables_and_charts["check-long-list"])["text/plain"].endswith("(showing 1000 of 2500 elements)")


@pytest.mark.parametrize("kind", ["line", "scatter", "bar", "hist", "pie"])
def test_every_chart_kind_is_a_png(tables_and_charts, kind):
    data = result_of(tables_and_charts[f"check-chart-{kind}"])
    assert set(data) == {"text/plain", "image/png"} and png_size(data) == (640, 400)


def test_svg_on_request(tables_and_charts):
    svg = result_of(tables_and_charts["check-svg"])["image/svg+xml"]
    assert ElementTree.fromstring(svg).tag.endswith("svg")


def test_helpers_and_a_handle_update(tables_and_charts):
    shown = [out.data for out in tables_and_charts["check-helpers"].outputs if out.output_type == "display_data"]
    assert [sorted(d) for d in shown] == [["text/markdown", "text/plain"], ["text/html", "text/plain"],
                                          ["image/png", "text/plain"]]
    assert png_size(shown[2]) == (640, 400)
    (handle,) = displays(tables_and_charts["check-handle"], progress=False)
    assert handle.data["text/html"] == "<b>step 3 of 3</b>", "the saved output is the last update"


def test_live_results_are_saved_in_their_final_state(tables_and_charts):
    table = tables_and_charts["check-live-table"]
    assert not text_of(table, "execute_result"), "the live table is the result"
    (counts,) = displays(table, progress=False)
    text = counts.data["text/plain"]
    assert dict(re.findall(r"^\s*(\d) \|\s+(\d+)$", text, re.M)) == {"0": "500", "1": "500", "2": "500"}, text
    (appended,) = displays(tables_and_charts["check-live-append"], progress=False)
    lines = squeezed_lines(appended.data["text/plain"])
    assert lines[3:8] == ["1100", "1200", "1300", "1400", "1500"] and lines[-1] == "showing the last 5 of 15 rows", lines
    (changes,) = displays(tables_and_charts["check-live-changelog"], progress=False)
    lines = squeezed_lines(changes.data["text/plain"])
    assert lines[0] == "op | k | c" and lines[-1] == "showing the last 6 of 2998 changes", lines


def test_the_progress_line_is_saved_finished_with_its_link(tables_and_charts):
    (line,) = displays(tables_and_charts["check-progress"], progress=True)
    assert line.data["text/plain"].startswith("Job 'slow squares' FINISHED · 1/1 tasks · 30 in · 30 out · ")
    assert re.search(r'href="http://127\.0\.0\.1:\d+/#/job/completed/[0-9a-f]{32}/overview"', line.data["text/html"])


@pytest.fixture(scope="module")
def magics(executed):
    nb = executed(NOTEBOOKS / "04-magics.ipynb")
    return {tag: cell for cell in nb.cells for tag in cell.metadata.get("tags", [])}


def test_load_registers_the_generated_csv(magics):
    out = text_of(magics["load"], "stream")
    assert re.search(r"sales: 1,460 rows, 5 columns from .*sales\.csv \(csv, header, schema inferred\)", out), out


def test_sql_result_bound_as_a_tablesaw_table(magics):
    assert text_of(magics["bound"], "execute_result") == "4 stores, best: Rome"


def test_a_histogram_is_drawn_from_flinks_bin_counts(magics):
    assert text_of(magics["hist"], "execute_result", "image/png"), magics["hist"].outputs


def test_a_background_job_is_cancelled_by_its_id(magics):
    assert re.search(r"Job [0-9a-f]{32}: CANCELED", text_of(magics["cancel"], "execute_result"))


def test_maven_adds_a_library_used_inside_a_flink_job(magics):
    assert "commons-collections4" in text_of(magics["maven"], "execute_result")
    assert sorted(ast.literal_eval(text_of(magics["maven-use"], "execute_result"))) == [5, 6, 6]


def test_jars_adds_a_local_jar(magics):
    assert "1 jar added" in text_of(magics["jars"], "execute_result")
    assert text_of(magics["jar-resource"], "execute_result") == "Hello from a jar added with %jars"


def test_time_prints_wall_and_cpu_time(magics):
    assert re.search(r"Wall time: [0-9.]+ m?s, CPU time: ", text_of(magics["time"], "stream"))
    assert text_of(magics["time"], "execute_result") == "+I[1460]"


@pytest.fixture(scope="module")
def machine_learning(executed):
    nb = executed(NOTEBOOKS / "05-machine-learning.ipynb")
    return {tag: cell for cell in nb.cells for tag in cell.metadata.get("tags", [])}


def shown_text(cell):
    return "\n".join(out.data.get("text/plain", "") for out in cell.outputs if out.output_type in ("display_data", "execute_result"))


def test_train_shows_metrics_roc_and_loss_curve(machine_learning):
    cell = machine_learning["train"]
    assert "logistic-regression trained on customers" in text_of(cell, "stream")
    shown = shown_text(cell)
    for part in ("x0 = tenure", "scored on held-out 20% of customers", "areaUnderROC", "confusion matrix", "per iteration"):
        assert part in shown, shown
    assert any("image/png" in out.data for out in cell.outputs if out.output_type == "display_data")


def test_a_saved_pipeline_loads_back_with_the_same_auc(machine_learning):
    result = text_of(machine_learning["reload"], "execute_result")
    before, after = re.findall(r"(0\.\d{4})", result)
    assert before == after, result


def test_kmeans_and_online_learning(machine_learning):
    assert "3 centres" in shown_text(machine_learning["kmeans"])
    assert "learned from 20,000 records in 10 versions" in text_of(machine_learning["online"], "stream")
