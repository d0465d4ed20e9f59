"""%train, %predict and %evaluate through jupyter_client: each algorithm kind end to end, their
bad inputs (after each the session keeps every variable, table and model), and online training on
an unbounded table stopped by an interrupt, which keeps the newest model."""
import re
import time

import pytest

from conftest import _reply_for, collect_iopub, jobs


@pytest.fixture(scope="module")
def points(kernel):
    """A view `points` (x, y, cluster, far) of 90 points in three well separated clusters."""
    kernel.ok(
        "%%sql\n"
        "CREATE TEMPORARY TABLE seq (n BIGINT) WITH ('connector' = 'datagen', 'fields.n.kind' = 'sequence',"
        " 'fields.n.start' = '0', 'fields.n.end' = '89', 'number-of-rows' = '90');\n"
        "CREATE TEMPORARY VIEW points AS SELECT\n"
        "  CAST(MOD(n, 3) AS DOUBLE) * 10 + MOD(n * 7919, 100) / 100.0 AS x,\n"
        "  CAST(MOD(n, 3) = 2 AS INT) * 10 + MOD(n * 104729, 100) / 100.0 AS y,\n"
        "  CAST(MOD(n, 3) AS INT) AS cluster,\n"
        "  CAST(MOD(n, 3) = 1 AS INT) AS far,\n"
        "  'p' || CAST(n AS STRING) AS name\n"
        "FROM seq"
    )
    return kernel


def assert_session_kept(kernel):
    assert kernel.value("survivor + 1") == "42"
    assert kernel.value('tEnv.executeSql("SELECT COUNT(*) FROM points").collect().next()') == "+I[90]"


def shown(cell):
    return "\n".join(d.get("text/plain", "") for d in cell.displays + cell.results)


def test_train_predict_evaluate_a_classifier(points):
    cell = points.ok("%train logistic-regression --table points --label far --features x,y --as far_model")
    assert "logistic-regression trained on points" in cell.stdout, cell.describe()
    text = shown(cell)
    assert "x0 = x, x1 = y" in text and "areaUnderROC" in text and "confusion matrix" in text, text
    assert any("image/png" in d for d in cell.displays), "no loss curve"
    assert "far_model" in points.value('"far_model"')
    assert "logistic-regression predicting far" in points.value("far_model")
    cell = points.ok("%predict far_model --table points --as scored")
    assert "registered as view scored" in cell.stdout
    assert points.value('tEnv.executeSql("SELECT COUNT(*) FROM scored WHERE prediction = far").collect().next()') == "+I[90]"
    cell = points.ok("%evaluate far_model --table points")
    assert "scored on points" in shown(cell), shown(cell)
    assert re.search(r"^accuracy\s+\|\s+1\.0$", shown(cell), re.M), shown(cell)


def test_kmeans_and_regression(points):
    text = shown(points.ok("%train kmeans --table points --features x,y --param k=3 --as groups"))
    assert "3 centres" in text and "silhouette" in text, text
    text = shown(points.ok("%train linear-regression --table points --features x --label y --as line"))
    assert "rmse" in text.lower(), text


@pytest.mark.parametrize("magic, message", [
    ("%train forest --table points --features x", "unknown algorithm 'forest'; known: linear-regression"),
    ("%train kmeans --table points --features x,nope", "unknown feature column 'nope'; the table has x DOUBLE"),
    ("%train kmeans --table points --features x,name", "feature column 'name' is"),
    ("%train logistic-regression --table points --features x,y", "logistic-regression needs --label COL"),
    ("%train kmeans --table nowhere --features x", "unknown table 'nowhere'; tables: "),
    ("%train kmeans --table points --features x,y --param k=500", "500"),
    ("%train kmeans --table points --features x --param kk=2", "--param kk=2 for kmeans"),
    ("%train kmeans --table points", "Missing required option: '--features=C1,C2'"),
    ("%train kmeans --table points --features x --bogus", "Unknown option: '--bogus'"),
    ("%predict ghost --table points", "there is no variable ghost"),
    ("%evaluate survivor --table points", "survivor is a Integer, not a model trained by %train"),
])
def test_bad_input_says_what_and_keeps_the_session(points, magic, message):
    cell = points.run(magic)
    assert cell.status == "error", cell.describe()
    assert message in cell.traceback, cell.traceback
    assert_session_kept(points)


def test_a_one_class_label_is_refused(points):
    points.ok("%%sql\nCREATE TEMPORARY VIEW one_class AS SELECT x, y, 1 AS label FROM points")
    cell = points.run("%train logistic-regression --table one_class --features x,y --label label")
    assert cell.status == "error" and "class" in cell.traceback, cell.traceback
    assert_session_kept(points)


def test_online_training_on_an_unbounded_table_stops_on_interrupt(points):
    points.ok(
        "%%sql\n"
        "CREATE TEMPORARY TABLE endless (n BIGINT) WITH ('connector' = 'datagen', 'rows-per-second' = '4000',"
        " 'fields.n.kind' = 'random', 'fields.n.min' = '0', 'fields.n.max' = '999');\n"
        "CREATE TEMPORARY VIEW stream_points AS SELECT n / 100.0 - 5 AS a, CAST(n > 500 AS INT) AS label FROM endless"
    )
    kc = points.kc
    msg_id = kc.execute("%train online-logistic-regression --table stream_points --label label --features a"
                        " --param updateEvery=500 --as online_model")
    deadline = time.monotonic() + 120
    charts = 0
    while charts == 0 and time.monotonic() < deadline:  # wait for the first chart of the live view
        msg = kc.get_iopub_msg(timeout=120)
        if msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "display_data":
            charts += "image/png" in msg["content"]["data"]
    assert charts, "no live chart within 120 s"
    points.km.interrupt_kernel()
    reply = _reply_for(kc, msg_id, time.monotonic() + 30, "interrupted online training")
    collect_iopub(kc, msg_id, time.monotonic() + 10, "interrupted online training")
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted", reply["content"]
    assert "online-logistic-regression predicting label" in points.value("online_model")
    base = points.web_ui()
    online = [j for j in jobs(base) if j["name"] == "online training"]
    assert online and all(j["state"] == "CANCELED" for j in online), online
    assert_session_kept(points)


def test_batch_training_kept_in_memory_stops_on_interrupt_and_the_next_training_works(points):
    """An iterative fit runs as one job whose tasks hold the rows in memory: an interrupt ends that
    job (no job is left running to hold the cluster's slots) and the session goes on."""
    points.ok(
        "%%sql\n"
        "CREATE TEMPORARY TABLE many (n BIGINT) WITH ('connector' = 'datagen', 'number-of-rows' = '200000',"
        " 'rows-per-second' = '2000', 'fields.n.kind' = 'random', 'fields.n.min' = '0', 'fields.n.max' = '999');\n"
        "CREATE TEMPORARY VIEW many_points AS SELECT n / 100.0 - 5 AS a, MOD(n, 7) AS b,"
        " CAST(MOD(n * 31, 1000) > 500 AS INT) AS label FROM many"
    )
    base = points.web_ui()
    before = {j["jid"] for j in jobs(base)}
    kc = points.kc
    # 2,000 rows a second: loading the rows into the job's memory would take 100 s
    msg_id = kc.execute("%train logistic-regression --table many_points --label label --features a,b"
                        " --as endless_model")
    deadline = time.monotonic() + 120
    kept = []
    while not kept and time.monotonic() < deadline:
        time.sleep(0.5)
        kept = [j for j in jobs(base) if j["jid"] not in before and j["state"] == "RUNNING"
                and "in memory" in j["name"]]
    assert kept, f"no training job kept its data in memory within 120 s: {jobs(base)}"
    time.sleep(2)
    points.km.interrupt_kernel()
    reply = _reply_for(kc, msg_id, time.monotonic() + 30, "interrupted training")
    collect_iopub(kc, msg_id, time.monotonic() + 10, "interrupted training")
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "Interrupted", reply["content"]
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and any(j["state"] == "RUNNING" for j in jobs(base)):
        time.sleep(0.5)
    assert not [j for j in jobs(base) if j["state"] == "RUNNING"], jobs(base)
    assert_session_kept(points)
    cell = points.ok("%train logistic-regression --table points --label far --features x,y --as after_interrupt")
    assert "logistic-regression trained on points" in cell.stdout, cell.describe()
    assert "logistic-regression predicting far" in points.value("after_interrupt")
