"""Java cells on the embedded Flink engine, through jupyter_client.

Most tests share one flink-java kernel (in file order, as a notebook would run); the ones that
shut a kernel down or attack it start their own.
"""
import ast
import ipaddress
import os
import re
import tempfile
import time
from pathlib import Path

import pytest
import zmq
from jupyter_client.session import Session

from conftest import jobs


def int_list(text):
    """[10, 20, 30] from a cell result's text/plain, in whatever order the job emitted them."""
    match = re.search(r"\[[-0-9, ]*\]", text or "")
    assert match, f"no list of numbers in {text!r}"
    return sorted(ast.literal_eval(match.group(0)))


def assert_survives(kernel):
    """The kernel still answers and the variables of earlier cells are still there."""
    assert kernel.value("survivor + 1") == "42"


def test_first_cells(kernel):
    assert kernel.value("1 + 1") == "2"
    assert kernel.value("survivor + 1") == "42"


def test_multi_statement_cell(kernel):
    cell = kernel.ok("int a = 2;\nint b = 3;\nSystem.out.println(a + b);\na * b")
    assert cell.stdout.strip() == "5"
    assert cell.result == "6"


def test_imports_methods_interfaces_and_records_in_one_cell(kernel):
    code = (
        "import java.util.function.IntUnaryOperator;\n"
        "interface Shape { double area(); }\n"
        "record Square(double side) implements Shape { public double area() { return side * side; } }\n"
        "int square(int x) { return x * x; }\n"
        "IntUnaryOperator op = x -> square(x) + 1;\n"
        "System.out.println(new Square(3).area());\n"
        "op.applyAsInt(4)"
    )
    cell = kernel.ok(code)
    assert cell.stdout.strip() == "9.0"
    assert cell.result == "17"


def test_class_defined_in_one_cell_used_in_the_next(kernel):
    kernel.ok('class Greeter { String greet(String name) { return "hello " + name; } }')
    assert kernel.ok('System.out.println(new Greeter().greet("flink"));').stdout.strip() == "hello flink"


def test_redefining_a_method_and_a_class(kernel):
    kernel.ok("int scale(int x) { return 2 * x; }")
    assert kernel.value("scale(5)") == "10"
    kernel.ok("int scale(int x) { return 3 * x; }")
    assert kernel.value("scale(5)") == "15"
    # Flink tasks run the new definition too
    assert int_list(kernel.value("env.fromData(1, 2, 3).map(x -> scale(x)).executeAndCollect(10)")) == [3, 6, 9]

    kernel.ok("class Box { int v() { return 1; } }")
    assert kernel.value("new Box().v()") == "1"
    kernel.ok("class Box { int v() { return 2; } }")
    assert kernel.value("new Box().v()") == "2"


def test_lambda_reads_cell_variables_inside_a_flink_job(kernel):
    kernel.ok("int factor = 10;")
    # executeAndCollect(limit) returns a List
    result = kernel.value("env.fromData(1, 2, 3).map(x -> x * factor).executeAndCollect(10)")
    assert int_list(result) == [10, 20, 30], f"wrong values (never [0, 0, 0]): {result}"


def test_collected_iterator_shows_the_elements(kernel):
    # executeAndCollect() returns a CloseableIterator: the cell result must show its elements
    result = kernel.value("env.fromData(1, 2, 3).map(x -> x * factor).executeAndCollect()")
    assert int_list(result) == [10, 20, 30], f"wrong display (never [0, 0, 0]): {result}"


def test_lambda_sees_the_current_value_of_a_cell_variable(kernel):
    kernel.ok("factor = 100;")
    result = kernel.value("env.fromData(1, 2, 3).map(x -> x * factor).executeAndCollect(10)")
    assert int_list(result) == [100, 200, 300], result


def test_anonymous_map_function(kernel):
    code = (
        "import org.apache.flink.api.common.functions.MapFunction;\n"
        "env.fromData(1, 2, 3).map(new MapFunction<Integer, Integer>() {\n"
        "    public Integer map(Integer x) { return x + factor; }\n"
        "}).executeAndCollect(10)"
    )
    assert int_list(kernel.value(code)) == [101, 102, 103]


def test_cell_pojo_as_job_input_and_output(kernel):
    kernel.ok(
        "class Reading {\n"
        "    public String room;\n"
        "    public int celsius;\n"
        "    public Reading() {}\n"
        "    public Reading(String room, int celsius) { this.room = room; this.celsius = celsius; }\n"
        '    public String toString() { return room + "=" + celsius; }\n'
        "}"
    )
    cell = kernel.ok(
        'List<Reading> out = env.fromData(new Reading("kitchen", 21), new Reading("attic", 27))\n'
        "    .map(r -> new Reading(r.room.toUpperCase(), r.celsius + 1))\n"
        "    .executeAndCollect(100);\n"
        "out.sort(Comparator.comparing(r -> r.room));\n"
        "System.out.println(out);"
    )
    assert cell.stdout.strip() == "[ATTIC=28, KITCHEN=22]"


def test_sql_with_a_cell_udf(kernel):
    kernel.ok(
        "import org.apache.flink.table.functions.ScalarFunction;\n"
        "class Times2 extends ScalarFunction {\n"
        "    public int eval(int x) { return 2 * x; }\n"
        "}"
    )
    cell = kernel.ok(
        'tEnv.createTemporarySystemFunction("times2", Times2.class);\n'
        'try (var rows = tEnv.executeSql("SELECT times2(21)").collect()) {\n'
        "    System.out.println(rows.next().getField(0));\n"
        "}"
    )
    assert cell.stdout.strip() == "42"


def test_compile_error_shows_line_column_and_source(kernel):
    cell = kernel.run("int before = 1;\nString s = 42;")
    assert cell.status == "error", cell.describe()
    content = cell.reply["content"]
    assert content["ename"] and content["evalue"] is not None, cell.describe()
    assert len(cell.errors) == 1, cell.describe()
    text = cell.traceback + "\n" + content["evalue"]
    assert "String s = 42;" in text, f"the offending source is not shown: {cell.describe()}"
    assert re.search(r"incompatible types", text), cell.describe()
    # line 2 of the cell, column 12 (where `42` starts, counting from 1)
    assert re.search(r"(?i)(line\s*2\D{1,12}col(umn)?\s*12\b)|(\b2:12\b)", text), (
        f"no 'line 2, column 12' (or 2:12) in the error: {cell.describe()}"
    )
    assert_survives(kernel)


def test_runtime_exception_shows_user_frames_first(kernel):
    kernel.ok(
        "void explode(int n) {\n"
        '    if (n == 0) throw new IllegalArgumentException("no zero");\n'
        "    explode(n - 1);\n"
        "}"
    )
    cell = kernel.run("explode(3);")
    assert cell.status == "error", cell.describe()
    content = cell.reply["content"]
    assert "IllegalArgumentException" in content["ename"] + content["evalue"], cell.describe()
    assert "no zero" in content["evalue"] + cell.traceback, cell.describe()
    frames = [line.strip() for line in cell.traceback.splitlines() if line.strip().startswith("at ")]
    assert frames, f"no stack frames in the traceback: {cell.describe()}"
    assert "explode" in frames[0], f"the first frame is not the user's: {frames[:5]}"
    assert not any(f.startswith(("at jdk.jshell", "at jdk.internal")) for f in frames[:4]), frames[:8]
    assert len(cell.traceback.splitlines()) < 60, f"traceback too long: {cell.traceback}"
    assert_survives(kernel)


def test_failed_flink_job_shows_root_cause(kernel):
    cell = kernel.run(
        "env.fromData(1, 2, 3).map(x -> {\n"
        '    if (x == 2) throw new IllegalStateException("bad record " + x);\n'
        "    return x;\n"
        "}).executeAndCollect(10)"
    )
    assert cell.status == "error", cell.describe()
    content = cell.reply["content"]
    head = "\n".join([content["ename"], content["evalue"]] + cell.traceback.splitlines()[:10])
    assert "IllegalStateException" in head and "bad record 2" in head, (
        f"the root cause is not at the top of the error: {cell.describe()}"
    )
    assert_survives(kernel)
    # and the engine still runs jobs
    assert int_list(kernel.value("env.fromData(4, 5).map(x -> x * 2).executeAndCollect(10)")) == [8, 10]


def test_flink_logging_stays_quiet(kernel):
    cell = kernel.ok("env.fromData(1, 2, 3).map(x -> x + 1).executeAndCollect(10)")
    assert int_list(cell.result) == [2, 3, 4]
    assert cell.stderr == "" and cell.stdout == "", f"a successful job printed: {cell.describe()}"
    cell = kernel.ok('tEnv.executeSql("SELECT 1").collect().close();')
    assert cell.stderr == "" and cell.stdout == "", f"a successful query printed: {cell.describe()}"


def test_stdout_and_stderr_from_a_cell(kernel):
    cell = kernel.ok('System.out.println("to out"); System.err.println("to err");')
    assert "to out" in cell.stdout and "to err" in cell.stderr


def test_completion_of_cell_members(kernel):
    kernel.ok('String greeting = "hi";')
    code = "greeting.toUpp"
    reply = kernel.kc.complete(code, cursor_pos=len(code), reply=True, timeout=30)["content"]
    assert reply["status"] == "ok", reply
    assert any(m.startswith("toUpperCase") for m in reply["matches"]), reply
    assert reply["cursor_end"] == len(code), reply
    assert code[reply["cursor_start"]:reply["cursor_end"]] == "toUpp", reply


def test_inspection_with_cursor_inside_the_name(kernel):
    code = "Math.max(1, 2)"
    reply = kernel.kc.inspect(code, cursor_pos=6, reply=True, timeout=30)["content"]  # Math.m|ax
    assert reply["status"] == "ok" and reply["found"], reply
    assert "max" in reply["data"]["text/plain"], reply


def test_own_execution_environment_uses_the_same_cluster(kernel):
    cell = kernel.ok(
        "var ownEnv = org.apache.flink.streaming.api.environment.StreamExecutionEnvironment"
        ".getExecutionEnvironment();\n"
        'System.out.println(ownEnv.fromData(1, 2, 3).map(x -> x + 1).executeAndCollect("own-env-job", 10));'
    )
    assert int_list(cell.stdout) == [2, 3, 4]
    cell = kernel.ok(
        "var ownTEnv = org.apache.flink.table.api.TableEnvironment.create("
        "org.apache.flink.table.api.EnvironmentSettings.inBatchMode());\n"
        'ownTEnv.getConfig().set("pipeline.name", "own-tenv-job");\n'
        'try (var rows = ownTEnv.executeSql("SELECT 7").collect()) {\n'
        "    System.out.println(rows.next().getField(0));\n"
        "}"
    )
    assert cell.stdout.strip() == "7"
    # both jobs ran on the kernel's cluster: its REST API lists them
    names = [j["name"] for j in jobs(kernel.web_ui())]
    assert "own-env-job" in names, f"the DataStream job did not run on the kernel's cluster: {names}"
    assert "own-tenv-job" in names, f"the table job did not run on the kernel's cluster: {names}"


def _process_alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}").exists() and "Z" not in Path(f"/proc/{pid}/stat").read_text().split(")")[-1][:3]


def test_temp_dir_is_removed_on_shutdown(fresh_kernel):
    k = fresh_kernel()
    pid = k.pid
    k.ok("env.fromData(1, 2, 3).executeAndCollect(10);")  # Flink puts its files there
    tmp = k.ok('System.out.println(System.getProperty("java.io.tmpdir"));').stdout.strip()
    assert tmp and os.path.isdir(tmp), f"java.io.tmpdir {tmp!r} does not exist"
    assert os.path.realpath(tmp) != os.path.realpath(tempfile.gettempdir()), (
        f"the kernel uses the shared temp dir {tmp}, not its own"
    )
    # A cell's File.createTempFile lands there too, and goes with it.
    made = k.ok('System.out.println(java.io.File.createTempFile("cell", ".txt"));').stdout.strip()
    assert os.path.dirname(made) == tmp, (made, tmp)
    k.shutdown()
    deadline = time.monotonic() + 10
    while _process_alive(pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _process_alive(pid), f"kernel process {pid} still runs after shutdown"
    assert not os.path.exists(tmp), f"the kernel's temp dir is still there: {tmp}: {os.listdir(tmp)}"


def _raw_execute(session, sock, code):
    session.send(
        sock,
        "execute_request",
        content={
            "code": code,
            "silent": False,
            "store_history": True,
            "user_expressions": {},
            "allow_stdin": False,
            "stop_on_error": True,
        },
    )


def test_messages_with_a_wrong_signature_are_dropped(fresh_kernel, tmp_path):
    k = fresh_kernel()
    info = k.km.get_connection_info()
    ctx = zmq.Context.instance()
    sock = ctx.socket(zmq.DEALER)
    sock.linger = 0
    sock.connect(f"{info['transport']}://{info['ip']}:{info['shell_port']}")
    try:
        for label, key in (("wrong key", b"wrong"), ("no signature", b"")):
            marker = tmp_path / f"executed-{label.replace(' ', '-')}"
            code = f'new java.io.File("{marker}").createNewFile();'
            _raw_execute(Session(key=key, username="intruder"), sock, code)
            answered = sock.poll(3000)
            assert not answered, f"the kernel answered a message with {label}"
            assert not marker.exists(), f"the kernel executed a message with {label}"
        # a properly signed request on the same socket is answered, and the kernel still works
        good = Session(key=info["key"], signature_scheme=info["signature_scheme"], username="friend")
        _raw_execute(good, sock, "1 + 1")
        assert sock.poll(30000), "no reply to a properly signed request"
        _, reply = good.recv(sock)
        assert reply["content"]["status"] == "ok", reply
        assert k.value("20 + 22") == "42"
        assert not list(tmp_path.iterdir()), list(tmp_path.iterdir())
    finally:
        sock.close()


def _listening_sockets(pid):
    """(address, port) of every listening TCP socket of a process, from /proc."""
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[len("socket:["):-1])
    found = []
    for table, width in (("tcp", 8), ("tcp6", 32)):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            local, state, inode = fields[1], fields[3], fields[9]
            if state != "0A" or inode not in inodes:  # 0A: LISTEN
                continue
            hex_ip, hex_port = local.split(":")
            raw = bytes.fromhex(hex_ip)
            # /proc prints each 32-bit word in host (little-endian) order
            raw = b"".join(raw[i:i + 4][::-1] for i in range(0, len(raw), 4))
            address = ipaddress.ip_address(raw)
            found.append((address, int(hex_port, 16)))
    return found


def test_sockets_bind_only_to_the_connection_address(fresh_kernel):
    k = fresh_kernel()
    ip = ipaddress.ip_address(k.km.get_connection_info()["ip"])
    assert ip.is_loopback
    k.start_cluster()  # the Flink cluster, its REST endpoint and web UI are up now
    sockets = _listening_sockets(k.pid)
    assert sockets, "found no listening sockets of the kernel process"
    exposed = []
    for address, port in sockets:
        if getattr(address, "ipv4_mapped", None):
            address = address.ipv4_mapped
        if address != ip and not address.is_loopback:
            exposed.append(f"{address}:{port}")
    assert not exposed, f"the kernel listens beyond {ip}: {exposed} (all: {sockets})"


def test_restart_gives_a_fresh_session(fresh_kernel):
    k = fresh_kernel()
    old_pid = k.pid
    k.ok("int before = 1;")
    k.start_cluster()
    k.km.restart_kernel(now=False)
    k.kc.wait_for_ready(timeout=90)
    deadline = time.monotonic() + 10
    while _process_alive(old_pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _process_alive(old_pid), f"the old kernel process {old_pid} still runs after the restart"
    assert k.value("1 + 1") == "2"
    cell = k.run("before")
    assert cell.status == "error", f"a variable survived the restart: {cell.describe()}"
    assert int_list(k.value("env.fromData(1, 2).map(x -> x * 3).executeAndCollect(10)")) == [3, 6]


def test_variables_survive_a_later_import(fresh_kernel):
    # JShell re-declares a variable when a later on-demand import might change what its type's
    # name means, which resets it to null; the kernel gives it its value back.
    kernel = fresh_kernel()
    kernel.ok('import java.nio.file.*;\nPath home = Path.of("/tmp");\nList<String> names = new ArrayList<>(List.of("a"));')
    cell = kernel.ok('import dev.flinkjupyter.ml.*;\nimport dev.flinkjupyter.ml.feature.*;\nString s = "" + tEnv;\ns')
    assert "StreamTableEnvironmentImpl" in cell.result, cell.describe()
    kernel.ok("import dev.flinkjupyter.ml.classification.*;")
    assert "StreamTableEnvironmentImpl" in kernel.value("tEnv")
    assert kernel.value('home + " " + names') == "/tmp [a]"
