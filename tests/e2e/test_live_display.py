"""Outputs that change in place, through jupyter_client: display handles, streaming results shown
live, and the progress line of a running Flink job.

What is checked is what a front end receives: display_data with a display_id in `transient`, then
update_display_data messages for that id, all children of the cell that made them.
"""
import datetime
import queue
import re
import time

import pytest

from conftest import ALL_KERNELS, CELL_TIMEOUT, Kernel, _reply_for, collect_iopub, jobs

INTERRUPT_BOUND = 2.0  # seconds, as for every interrupt
ENDED_STATES = {"FINISHED", "CANCELED", "FAILED"}

STREAMING_SETUP = """
StreamExecutionEnvironment senv = StreamExecutionEnvironment.getExecutionEnvironment();
senv.setRuntimeMode(RuntimeExecutionMode.STREAMING);
StreamTableEnvironment stEnv = StreamTableEnvironment.create(senv);
stEnv.executeSql("CREATE TEMPORARY TABLE numbers (id INT) WITH ('connector' = 'datagen', "
    + "'fields.id.kind' = 'sequence', 'fields.id.start' = '1', 'fields.id.end' = '3000', 'rows-per-second' = '1000')");
stEnv.executeSql("CREATE TEMPORARY TABLE endless (id INT) WITH ('connector' = 'datagen', "
    + "'fields.id.min' = '1', 'fields.id.max' = '3', 'rows-per-second' = '20')");
"""

SLOW_JOB = """
env.fromSequence(1, 60).map(x -> { Thread.sleep(50); return x; }).returns(Types.LONG).setParallelism(1)
   .sinkTo(new org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink<>()).setParallelism(1);
"""


def display_id(output):
    return output["content"].get("transient", {}).get("display_id")


def text(output):
    return output["content"]["data"].get("text/plain", "")


def squeezed(s):
    return re.sub(r" +", " ", s)


def outputs_by_display(cell):
    """display_id -> the display_data and update_display_data outputs for it, in order."""
    found = {}
    for o in cell.outputs:
        if o["msg_type"] in ("display_data", "update_display_data"):
            found.setdefault(display_id(o), []).append(o)
    return found


def progress_lines(cell, job_name=None):
    """The outputs of progress lines (`Job '...' STATE ...`), by display_id."""
    return {
        i: outs
        for i, outs in outputs_by_display(cell).items()
        if text(outs[0]).startswith("Job '" + (job_name or ""))
    }


def tables(cell):
    """The outputs of everything else that was displayed (live tables), by display_id."""
    progress = progress_lines(cell)
    return {i: outs for i, outs in outputs_by_display(cell).items() if i not in progress}


@pytest.fixture(scope="module", params=ALL_KERNELS)
def kernel(request):
    """One kernel per JDK for this module, with `int survivor = 41;` defined."""
    k = Kernel(request.param)
    k.ok("int survivor = 41;")
    yield k
    k.shutdown()


@pytest.fixture(scope="module")
def streaming(kernel):
    """The shared kernel, with a streaming table environment `stEnv` and two datagen tables."""
    kernel.ok(STREAMING_SETUP)
    kernel.start_cluster()
    return kernel


# --- display(x) handles ------------------------------------------------------------------------


def test_display_then_update_in_the_same_cell(kernel):
    cell = kernel.ok('DisplayHandle h = display("one");\nh.update(new Html("<b>two</b>"));')

    kinds = [o["msg_type"] for o in cell.outputs]
    assert kinds == ["display_data", "update_display_data"], cell.describe()
    shown, updated = cell.outputs
    assert display_id(shown) and display_id(shown) == display_id(updated)
    assert text(shown) == "one"
    assert updated["content"]["data"]["text/html"] == "<b>two</b>"
    assert cell.results == [], "a statement that displays has no execute_result"


def test_a_handle_updates_its_output_from_a_later_cell(kernel):
    first = kernel.ok('DisplayHandle counter = display("count: 0");')
    second = kernel.ok('for (int i = 1; i <= 3; i++) { counter.update("count: " + i); }')

    shown_id = display_id(first.outputs[0])
    updates = [o for o in second.outputs if o["msg_type"] == "update_display_data"]
    assert [text(o) for o in updates] == ["count: 1", "count: 2", "count: 3"]
    assert {display_id(o) for o in updates} == {shown_id}
    assert not [o for o in second.outputs if o["msg_type"] == "display_data"]


def test_a_handle_as_the_cell_value_shows_nothing_more(kernel):
    cell = kernel.ok('display("shown once")')

    assert [o["msg_type"] for o in cell.outputs] == ["display_data"]


# --- streaming results ---------------------------------------------------------------------------


def test_a_streaming_grouped_count_updates_one_output_to_the_right_counts(streaming):
    cell = streaming.ok('stEnv.executeSql("SELECT id % 3 AS k, COUNT(*) AS n FROM numbers GROUP BY id % 3")')

    assert cell.results == [], "the live table is the result: no execute_result"
    live = tables(cell)
    assert len(live) == 1, cell.describe()
    (outputs,) = live.values()
    assert outputs[0]["msg_type"] == "display_data"
    assert {o["msg_type"] for o in outputs[1:]} == {"update_display_data"}
    for o in outputs:
        assert set(o["content"]["data"]) == {"text/plain", "text/html"}
    assert "waiting for the first rows" in text(outputs[0])

    # every view is a table of current counts that only grow, and the last one is complete
    counts = []
    for o in outputs[1:]:
        rows = dict(re.findall(r"^\s*(\d) \|\s+(\d+)$", text(o), re.M))
        counts.append({k: int(n) for k, n in rows.items()})
    for before, after in zip(counts, counts[1:]):
        assert all(after.get(k, 0) >= n for k, n in before.items()), counts
    assert counts[-1] == {"0": 1000, "1": 1000, "2": 1000}, text(outputs[-1])
    assert squeezed(text(outputs[-1])).endswith("\n3 rows")
    assert "<td class=\"fj-num\">1000</td>" in outputs[-1]["content"]["data"]["text/html"]
    print(f"grouped count: {len(outputs) - 1} updates, counts seen {counts}")


def test_the_changelog_look_shows_ops(streaming):
    cell = streaming.ok(
        'display(Live.changelog(stEnv.executeSql("SELECT id % 2 AS k, COUNT(*) AS n FROM numbers GROUP BY id % 2"))'
        ".maxRows(4));"
    )

    (outputs,) = tables(cell).values()
    last = squeezed(text(outputs[-1]))
    assert last.startswith("op | k | n")
    assert "+U | " in last and "-U | " in last
    assert last.endswith("showing the last 4 of 5998 changes")  # 2 inserts, 1499 updates of 2 changes per key


def sent(msg):
    """When the kernel sent a message (jupyter_client parses the header date, or leaves the text)."""
    date = msg["header"]["date"]
    return date if isinstance(date, datetime.datetime) else datetime.datetime.fromisoformat(date.replace("Z", "+00:00"))


def timed_outputs(kernel, code):
    """The display outputs of one cell with the kernel's send time of each (header date), until idle."""
    kc = kernel.kc
    msg_id = kc.execute(code)
    deadline = time.monotonic() + CELL_TIMEOUT
    found = []
    while True:
        assert time.monotonic() < deadline, f"no idle after {code!r}"
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            break
        if msg["msg_type"] in ("display_data", "update_display_data"):
            found.append((sent(msg), {"msg_type": msg["msg_type"], "content": msg["content"]}))
    reply = _reply_for(kc, msg_id, deadline, code)
    assert reply["content"]["status"] == "ok", reply["content"]
    return found


def test_updates_are_throttled_to_a_few_per_second(streaming):
    # 3,000 rows at 1,000 a second: about 3 s of arrivals, each of which changes the counts
    timed = timed_outputs(streaming, 'stEnv.executeSql("SELECT id % 5 AS k, COUNT(*) AS n FROM numbers GROUP BY id % 5")')

    live_id = next(display_id(o) for _, o in timed if not text(o).startswith("Job '"))
    times = [date for date, o in timed if display_id(o) == live_id]
    assert text([o for _, o in timed if display_id(o) == live_id][-1]).endswith("5 rows")
    # at most 4 redraws a second, plus the last one, drawn at once when the data ends
    for i, start in enumerate(times):
        in_one_second = [t for t in times[i:] if (t - start).total_seconds() < 1.0]
        assert len(in_one_second) <= 5, f"{len(in_one_second)} outputs within 1 s: {times}"
    print(f"throttle: {len(times)} outputs over {(times[-1] - times[0]).total_seconds():.1f} s")


def test_the_append_look_keeps_the_latest_rows_within_the_cap(streaming):
    cell = streaming.ok('display(Live.append(stEnv.executeSql("SELECT id FROM numbers")).maxRows(3));')

    (outputs,) = tables(cell).values()
    for o in outputs[1:]:
        rows = re.findall(r"^\s*\d+$", text(o), re.M)
        assert len(rows) <= 3, text(o)
    last = text(outputs[-1])
    assert re.findall(r"^\s*(\d+)$", last, re.M) == ["2998", "2999", "3000"], last
    assert last.endswith("showing the last 3 of 3000 rows")


def test_the_table_look_caps_its_rows_and_says_how_many_there_are(streaming):
    cell = streaming.ok(
        'display(Live.table(stEnv.executeSql("SELECT id % 4 AS k, COUNT(*) AS n FROM numbers GROUP BY id % 4"))'
        ".maxRows(2));"
    )

    (outputs,) = tables(cell).values()
    last = squeezed(text(outputs[-1]))
    assert len(re.findall(r"^\s*\d \| 750$", last, re.M)) == 2, last
    assert last.endswith("showing 2 of 4 rows"), last


def test_a_batch_result_is_still_one_execute_result(kernel):
    cell = kernel.ok('tEnv.executeSql("SELECT * FROM (VALUES (1), (2)) AS t(x)")')

    assert cell.result is not None and cell.result.endswith("2 rows")
    assert not tables(cell)


@pytest.mark.parametrize("cell", [
    'stEnv.executeSql("SELECT id, COUNT(*) AS n FROM endless GROUP BY id")',
    'stEnv.toChangelogStream(stEnv.sqlQuery("SELECT id, COUNT(*) AS n FROM endless GROUP BY id"))',
], ids=["query", "datastream"])
def test_interrupting_a_streaming_display_keeps_the_view_and_cancels_the_job(streaming, cell, record_property):
    base = streaming.web_ui()
    before = {j["jid"] for j in jobs(base)}
    kc = streaming.kc
    msg_id = kc.execute(cell)

    # wait for the live table to show rows and for the job's progress line, then interrupt
    seen = []
    deadline = time.monotonic() + CELL_TIMEOUT
    while not (any(o["msg_type"] == "update_display_data" and "· live" in text(o) for o in seen)
               and any(o["msg_type"] == "display_data" and text(o).startswith("Job '") for o in seen)):
        assert time.monotonic() < deadline, f"no live update: {seen}"
        try:
            msg = kc.get_iopub_msg(timeout=1)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] != "status":
            seen.append({"msg_type": msg["msg_type"], "content": msg["content"]})
    start = time.monotonic()
    streaming.km.interrupt_kernel()
    reply = _reply_for(kc, msg_id, start + INTERRUPT_BOUND, "the interrupted streaming display")
    elapsed = time.monotonic() - start
    record_property("interrupt_to_reply_s", f"{elapsed:.2f}")
    seen += collect_iopub(kc, msg_id, time.monotonic() + 10, "the interrupted streaming display")

    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    table_id = display_id(next(o for o in seen if o["msg_type"] == "display_data" and not text(o).startswith("Job '")))
    last_view = [o for o in seen if display_id(o) == table_id][-1]
    assert squeezed(text(last_view)).endswith("· stopped"), text(last_view)
    assert re.search(r"^\s*[123] \|\s+\d+$", text(last_view), re.M), "the rows seen so far stay"

    deadline = time.monotonic() + 10
    while True:
        new = [j for j in jobs(base) if j["jid"] not in before]
        if new and all(j["state"] in ENDED_STATES for j in new):
            break
        assert time.monotonic() < deadline, f"the job still runs: {new}"
        time.sleep(0.2)
    assert {j["state"] for j in new} == {"CANCELED"}, new
    progress = [o for o in seen if o["msg_type"] in ("display_data", "update_display_data") and text(o).startswith("Job '")]
    assert progress and " CANCELED · " in text(progress[-1]), "the progress line ends in the final state"
    assert streaming.value("survivor + 1") == "42"
    print(f"streaming display interrupted: reply {elapsed:.2f} s after the interrupt")


# --- job progress --------------------------------------------------------------------------------


def test_a_long_job_shows_a_progress_line_that_ends_finished(kernel):
    kernel.start_cluster()
    cell = kernel.ok(SLOW_JOB + 'env.execute("slow job");')

    lines = progress_lines(cell, "slow job")
    assert len(lines) == 1, cell.describe()
    (outputs,) = lines.values()
    assert outputs[0]["msg_type"] == "display_data"
    assert len(outputs) >= 2 and {o["msg_type"] for o in outputs[1:]} == {"update_display_data"}
    last = outputs[-1]  # it came before the cell's idle: a saved notebook keeps FINISHED
    assert " FINISHED · 1/1 tasks · 60 in · 60 out · " in text(last), text(last)
    assert re.search(r" out · [\d.]+ s · http://127\.0\.0\.1:\d+/", text(last)), "the elapsed time, then the link"
    html = last["content"]["data"]["text/html"]
    assert re.search(r'<a href="http://127\.0\.0\.1:\d+/#/job/completed/[0-9a-f]{32}/overview"', html), html
    print("progress line:", [text(o) for o in outputs])


def test_a_quick_job_shows_no_progress_line(kernel):
    kernel.start_cluster()
    for _ in range(3):  # warm
        kernel.ok("env.fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10)")

    cell = kernel.ok("env.fromData(1, 2, 3).map(x -> x * 2).executeAndCollect(10)")

    assert [o["msg_type"] for o in cell.outputs] == ["execute_result"], cell.describe()


def test_the_progress_line_stays_with_the_cell_that_started_the_job(kernel):
    kernel.start_cluster()
    kc = kernel.kc
    first = kc.execute(SLOW_JOB + 'var background = env.executeAsync("background job");')
    messages = []

    def read_until_idle(msg_id):
        deadline = time.monotonic() + CELL_TIMEOUT
        while True:
            assert time.monotonic() < deadline, "no idle"
            try:
                msg = kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            messages.append(msg)
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "idle"):
                return

    read_until_idle(first)
    _reply_for(kc, first, time.monotonic() + CELL_TIMEOUT, "executeAsync")
    # the next cell runs while the job does, and waits for it to end
    second = kc.execute("background.getJobExecutionResult().get(); Thread.sleep(1000);")
    read_until_idle(second)
    _reply_for(kc, second, time.monotonic() + CELL_TIMEOUT, "waiting for the job")

    progress = [m for m in messages if m["msg_type"] in ("display_data", "update_display_data")
                and m["content"]["data"].get("text/plain", "").startswith("Job 'background job'")]
    assert progress, "no progress line for the background job"
    assert {m["parent_header"]["msg_id"] for m in progress} == {first}
    assert len({m["content"]["transient"]["display_id"] for m in progress}) == 1
    assert "FINISHED" in progress[-1]["content"]["data"]["text/plain"]
