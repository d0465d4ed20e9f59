"""The magics framework through jupyter_client: line and cell magics, usage errors, ${var},
%time, %lsmagic, %help, and completion, inspection and is_complete on magic lines."""
import re
import time

from conftest import _reply_for


def shell(kernel, send, *args):
    msg_id = send(*args)
    return _reply_for(kernel.kc, msg_id, time.monotonic() + 30, send.__name__)["content"]


def test_lsmagic_lists_line_and_cell_magics(kernel):
    cell = kernel.ok("%lsmagic")
    html = cell.results[0]["text/html"]
    for magic in ("%lsmagic", "%help", "%time", "%%time"):
        assert magic in cell.result
        assert magic in html


def test_help_and_dash_dash_help_print_the_usage(kernel):
    assert "Usage: %time" in kernel.ok("%help time").stdout
    assert "Usage: %%time" in kernel.ok("%help %%time").stdout
    assert "Usage: %lsmagic [-h]" in kernel.ok("%lsmagic --help").stdout


def test_time_runs_java_and_magics_and_keeps_the_value(kernel):
    cell = kernel.ok("int base = 40;\n%time base + 2")
    assert cell.result == "42"
    assert re.search(r"Wall time: [0-9.]+ m?s, CPU time: [0-9.]+ m?s", cell.stdout), cell.describe()
    cell = kernel.ok("%%time\nint doubled = base * 2;\ndoubled")
    assert cell.result == "80"
    assert "Wall time:" in cell.stdout
    assert kernel.value("doubled + survivor") == "121"


def test_java_between_line_magics_keeps_its_line_numbers(kernel):
    cell = kernel.run("int a = 1;\n%lsmagic\nint b = undefinedThing;")
    assert cell.status == "error"
    assert "cell line 3, column 9" in cell.traceback, cell.traceback
    assert kernel.value("a + survivor") == "42"


def test_a_wrong_option_is_a_usage_error_and_the_session_survives(kernel):
    cell = kernel.run("%lsmagic --bogus")
    assert cell.status == "error"
    assert cell.reply["content"]["ename"] == "UsageError"
    assert "Unknown option: '--bogus'" in cell.traceback
    assert "Usage: %lsmagic" in cell.traceback
    assert kernel.value("survivor + 1") == "42"


def test_an_unknown_magic_lists_the_known_ones(kernel):
    cell = kernel.run("int kept = 7;\n%lsmagc")
    assert cell.status == "error"
    assert "unknown magic %lsmagc" in cell.traceback
    assert "%lsmagic" in cell.traceback
    assert "(cell line 2)" in cell.traceback
    assert kernel.value("kept + survivor") == "48"


def test_variable_substitution_in_arguments(kernel):
    kernel.ok('String which = "time";')
    assert "Usage: %time" in kernel.ok("%help ${which}").stdout
    cell = kernel.run("%help ${nothingHere}")
    assert cell.status == "error"
    assert "${nothingHere}: there is no variable nothingHere" in cell.traceback
    assert "which" in cell.traceback


def test_completion_offers_magic_names_and_options(kernel):
    reply = shell(kernel, kernel.kc.complete, "%lsm", 4)
    assert reply["matches"] == ["%lsmagic"]
    assert (reply["cursor_start"], reply["cursor_end"]) == (0, 4)
    code = "int q = 1;\n%%ti"
    assert "%%time" not in shell(kernel, kernel.kc.complete, code, len(code))["matches"]
    reply = shell(kernel, kernel.kc.complete, "%%ti", 4)
    assert reply["matches"] == ["%%time"]
    code = "int q = 1;\n%help --he"
    reply = shell(kernel, kernel.kc.complete, code, len(code))
    assert reply["matches"] == ["--help"]
    assert reply["cursor_start"] == len(code) - 4


def test_inspection_of_a_magic_line_shows_its_usage(kernel):
    reply = shell(kernel, kernel.kc.inspect, "int z = 1;\n%time z", 13)
    assert reply["found"]
    assert "Usage: %time" in reply["data"]["text/plain"]


def test_is_complete_looks_at_the_java_between_magics(kernel):
    assert shell(kernel, kernel.kc.is_complete, "%lsmagic")["status"] == "complete"
    assert shell(kernel, kernel.kc.is_complete, "%%time\nint x = (1")["status"] == "complete"
    assert shell(kernel, kernel.kc.is_complete, "%lsmagic\nint x = (1")["status"] == "incomplete"
    assert shell(kernel, kernel.kc.is_complete, "int x = (1\n%lsmagic")["status"] != "complete"
