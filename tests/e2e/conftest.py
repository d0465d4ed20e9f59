"""Fixtures for the end-to-end tests: real kernels started through jupyter_client.

The kernelspecs come from JUPYTER_PATH / JUPYTER_DATA_DIR: tests/run.sh installs `flink-java`
(Java 17) and, when a JDK 25 is there, `flink-java-25` into a temporary prefix first.
"""
import json
import queue
import re
import time
import urllib.request

import pytest
from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import start_new_kernel

KERNEL = "flink-java"
KERNEL_25 = "flink-java-25"
ALL_KERNELS = [KERNEL, KERNEL_25]
STARTUP_TIMEOUT = 90  # seconds: a cold JVM on a busy 2-core machine
CELL_TIMEOUT = 120  # seconds: a cell that runs a Flink job, the first one starting the cluster

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def installed_kernels():
    return KernelSpecManager().find_kernel_specs()


def require_kernel(name):
    """Skips a test for the optional JDK 25 kernel when it is not installed; fails for the others."""
    if name in installed_kernels():
        return
    if name == KERNEL_25:
        pytest.skip(f"kernelspec {name} is not installed (no JDK 25 here)")
    pytest.fail(
        f"kernelspec {name} is not installed: run tests/run.sh, or install/install.sh first "
        f"(found: {sorted(installed_kernels())})"
    )


def strip_ansi(text):
    return _ANSI.sub("", text)


def _reply_for(kc, msg_id, deadline, what):
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"no shell reply to {what}")
        try:
            msg = kc.get_shell_msg(timeout=min(remaining, 1.0))
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def collect_iopub(kc, msg_id, deadline, what):
    """The iopub messages of one request, until its status idle (execute_input and status left out)."""
    outputs = []
    while True:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"the kernel did not go idle after {what}; outputs so far: {outputs}")
        try:
            msg = kc.get_iopub_msg(timeout=min(remaining, 1.0))
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msg_type = msg["msg_type"]
        if msg_type == "status":
            if msg["content"]["execution_state"] == "idle":
                return outputs
            continue
        if msg_type == "execute_input":
            continue
        outputs.append({"msg_type": msg_type, "content": msg["content"]})


def execute(kc, code, timeout=CELL_TIMEOUT, **kwargs):
    """Runs one cell; returns (execute_reply message, outputs), outputs being the iopub messages
    of that request until idle, as dicts {"msg_type", "content"}."""
    msg_id = kc.execute(code, **kwargs)
    deadline = time.monotonic() + timeout
    what = f"executing {code!r} ({timeout} s)"
    outputs = collect_iopub(kc, msg_id, deadline, what)
    reply = _reply_for(kc, msg_id, deadline, what)
    return reply, outputs


class Cell:
    """What one executed cell produced, with the usual questions about it."""

    def __init__(self, code, reply, outputs):
        self.code = code
        self.reply = reply
        self.outputs = outputs

    @property
    def status(self):
        return self.reply["content"]["status"]

    def stream(self, name):
        return "".join(
            o["content"]["text"]
            for o in self.outputs
            if o["msg_type"] == "stream" and o["content"]["name"] == name
        )

    @property
    def stdout(self):
        return self.stream("stdout")

    @property
    def stderr(self):
        return self.stream("stderr")

    @property
    def results(self):
        return [o["content"]["data"] for o in self.outputs if o["msg_type"] == "execute_result"]

    @property
    def result(self):
        """text/plain of the cell's execute_result (None when there is none)."""
        results = self.results
        assert len(results) <= 1, f"more than one execute_result: {self.describe()}"
        return results[0].get("text/plain") if results else None

    @property
    def displays(self):
        return [o["content"]["data"] for o in self.outputs if o["msg_type"] == "display_data"]

    @property
    def errors(self):
        return [o["content"] for o in self.outputs if o["msg_type"] == "error"]

    @property
    def traceback(self):
        """The reply's traceback as one text, without terminal colours."""
        return strip_ansi("\n".join(self.reply["content"].get("traceback", [])))

    def describe(self):
        return json.dumps(
            {"code": self.code, "reply": self.reply["content"], "outputs": self.outputs},
            indent=1,
            default=str,
        )

    def ok(self):
        assert self.status == "ok", f"the cell failed: {self.describe()}"
        return self


class Kernel:
    """A kernel started through jupyter_client, as the notebook server starts it."""

    def __init__(self, name):
        require_kernel(name)
        self.name = name
        self.km, self.kc = start_new_kernel(kernel_name=name, startup_timeout=STARTUP_TIMEOUT)

    @property
    def pid(self):
        return self.km.provisioner.pid

    def run(self, code, timeout=CELL_TIMEOUT, **kwargs):
        reply, outputs = execute(self.kc, code, timeout=timeout, **kwargs)
        return Cell(code, reply, outputs)

    def ok(self, code, timeout=CELL_TIMEOUT):
        """Runs a cell that must succeed."""
        return self.run(code, timeout=timeout).ok()

    def value(self, code, timeout=CELL_TIMEOUT):
        """text/plain of the result of a cell that must succeed."""
        cell = self.ok(code, timeout=timeout)
        assert cell.result is not None, f"no execute_result: {cell.describe()}"
        return cell.result

    def restart(self):
        self.kc.stop_channels()
        self.km.restart_kernel(now=True)
        self.kc = self.km.client()
        self.kc.start_channels()
        self.kc.wait_for_ready(timeout=STARTUP_TIMEOUT)

    def shutdown(self):
        try:
            self.kc.stop_channels()
        finally:
            if self.km.has_kernel:
                self.km.shutdown_kernel(now=False)

    def start_cluster(self):
        """Runs a trivial job, which starts the kernel's Flink cluster if it is not up yet."""
        self.ok("env.fromData(1).executeAndCollect(1);")

    def web_ui(self):
        """The Flink web UI / REST base URL of the kernel's cluster, as cells see it."""
        self.start_cluster()
        url = self.ok('System.out.println(Notebook.engine().webUi().orElseThrow());').stdout.strip()
        assert url.startswith("http://127.0.0.1:"), f"the web UI is not on loopback: {url!r}"
        return url.rstrip("/")


def rest(base, path, timeout=10):
    with urllib.request.urlopen(base + path, timeout=timeout) as response:
        return json.load(response)


def jobs(base):
    """The cluster's jobs: [{'jid', 'name', 'state', ...}]."""
    return rest(base, "/jobs/overview")["jobs"]


@pytest.fixture(scope="module")
def kernel():
    """One flink-java kernel for a whole test module, with `int survivor = 41;` defined."""
    k = Kernel(KERNEL)
    k.ok("int survivor = 41;")
    yield k
    k.shutdown()


@pytest.fixture
def fresh_kernel():
    """A new kernel of its own, for tests that shut it down or attack it."""
    started = []

    def start(name=KERNEL):
        k = Kernel(name)
        started.append(k)
        return k

    yield start
    for k in started:
        k.shutdown()
