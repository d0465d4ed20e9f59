#!/usr/bin/python3
"""Benchmark of the flink-java kernel against ipykernel and against Flink's default local environment.

Talks to each kernel through jupyter_client, the way a notebook does, and prints one table:

    metric | flink-java | reference | ratio | target

The reference for the Jupyter figures (start, 1+1, memory) is ipykernel (`python3`); the reference for
the Flink jobs is the same job in a plain Java main on Flink's default local environment, which starts a
new MiniCluster for every job (bench/baseline). Every figure is a median of many runs; the machine is shared
and noisy, so compare the ratios more than the absolute figures.

Writes the table as markdown to bench/results.md and every sample as JSON to bench/out/.
Run it with /usr/bin/python3 (Debian's Jupyter); `bench/run.sh` does everything.
"""

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import traceback

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
FLINK_KERNEL = "flink-java"

# The cells. The trivial job drains executeAndCollect()'s iterator: on its own, executeAndCollect() returns
# as soon as the job is submitted, and the figure would not include running it. The baseline runs the same.
ONE_PLUS_ONE = "1+1"
IDLE_SECONDS = 5  # how long a kernel idles before its memory is read
TRIVIAL_JOB = ("org.apache.flink.util.CollectionUtil.iteratorToList("
               "env.fromData(1, 2, 3).map(x -> x * 2).executeAndCollect())")
SELECT_1 = 'org.apache.flink.util.CollectionUtil.iteratorToList(tEnv.executeSql("SELECT 1").collect())'
# What each cell must print. The job runs in parallel, so its elements come in any order.
EXPECTED = {
    ONE_PLUS_ONE: lambda text: text == "2",
    TRIVIAL_JOB: lambda text: sorted(re.findall(r"-?\d+", text)) == ["2", "4", "6"],
    SELECT_1: lambda text: "[+I[1]]" in text,
}

MIB = 1024 * 1024


class CellFailed(Exception):
    pass


# --------------------------------------------------------------------------------------------------
# Jupyter set-up: keep everything off the home directory
# --------------------------------------------------------------------------------------------------

def isolate_jupyter(scratch, log):
    """Points Jupyter at directories under `scratch`, and installs the kernelspecs the run needs there.

    Leaves the environment alone when JUPYTER_PATH is already set (the caller chose the kernelspecs).
    """
    if os.environ.get("JUPYTER_PATH"):
        log(f"JUPYTER_PATH is set ({os.environ['JUPYTER_PATH']}): using the kernelspecs found there")
        return
    prefix = os.path.join(scratch, "prefix")
    share = os.path.join(prefix, "share", "jupyter")
    for var, sub in (("JUPYTER_DATA_DIR", "data"), ("JUPYTER_RUNTIME_DIR", "runtime"),
                     ("JUPYTER_CONFIG_DIR", "config"), ("IPYTHONDIR", "ipython")):
        os.environ[var] = os.path.join(scratch, sub)
        os.makedirs(os.environ[var], exist_ok=True)
    os.makedirs(os.path.join(share, "kernels"), exist_ok=True)
    os.environ["JUPYTER_PATH"] = share

    install = os.path.join(ROOT, "install", "install.sh")
    installed = False
    if kernel_built() and os.access(install, os.X_OK):
        result = subprocess.run(["bash", install, "--no-build", "--prefix", prefix],
                                stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        installed = result.returncode == 0
        if not installed:
            log("install/install.sh --no-build failed; writing the kernelspec directly. Its output:\n"
                + result.stdout)
    if not installed and kernel_built():
        write_flink_kernelspec(os.path.join(share, "kernels", FLINK_KERNEL))
        log(f"wrote a kernelspec for {FLINK_KERNEL} that runs kernel/target directly")

    from jupyter_client.kernelspec import KernelSpecManager
    if "python3" not in KernelSpecManager().find_kernel_specs():
        write_json(os.path.join(share, "kernels", "python3", "kernel.json"), {
            "argv": ["/usr/bin/python3", "-m", "ipykernel_launcher", "-f", "{connection_file}"],
            "display_name": "Python 3 (ipykernel)", "language": "python"})
        log("no python3 kernelspec installed: wrote one for /usr/bin/python3 -m ipykernel_launcher")


def kernel_jar():
    target = os.path.join(ROOT, "kernel", "target")
    if not os.path.isdir(target):
        return None
    jars = sorted(f for f in os.listdir(target)
                  if f.startswith("flink-jupyter-kernel") and f.endswith(".jar")
                  and not f.endswith(("-sources.jar", "-tests.jar", "-javadoc.jar")))
    return os.path.join(target, jars[0]) if jars else None


def kernel_built():
    lib = os.path.join(ROOT, "kernel", "target", "lib")
    return kernel_jar() is not None and os.path.isdir(lib) and any(f.endswith(".jar") for f in os.listdir(lib))


def write_flink_kernelspec(directory):
    """The fallback when install/install.sh cannot: the same kernelspec, run straight from kernel/target."""
    lib = os.path.join(ROOT, "kernel", "target", "lib")
    write_json(os.path.join(directory, "kernel.json"), {
        "argv": [java(), "-Djava.awt.headless=true", "-cp", f"{kernel_jar()}:{lib}/*",
                 "dev.flinkjupyter.kernel.Main", "{connection_file}"],
        "display_name": "Java (Flink)", "language": "java", "interrupt_mode": "message"})


def java():
    home = os.environ.get("JAVA_HOME")
    if home and os.access(os.path.join(home, "bin", "java"), os.X_OK):
        return os.path.join(home, "bin", "java")
    return shutil.which("java") or "java"


def write_json(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        json.dump(data, out, indent=2)
        out.write("\n")


# --------------------------------------------------------------------------------------------------
# Talking to a kernel
# --------------------------------------------------------------------------------------------------

class Kernel:
    """One kernel process and a blocking client on it; timed from start_kernel() on."""

    def __init__(self, name, log_path, timeout):
        from jupyter_client.manager import KernelManager
        self.name = name
        self.timeout = timeout
        self.log_file = open(log_path, "ab")
        self.manager = KernelManager(kernel_name=name)
        self.client = None

    def start(self):
        """Starts the kernel and returns the seconds from start_kernel() to its kernel_info_reply."""
        t0 = time.perf_counter()
        self.manager.start_kernel(stdout=self.log_file, stderr=self.log_file)
        self.client = self.manager.client()
        self.client.start_channels()
        msg_id = self.client.kernel_info()
        self._shell_reply(msg_id, self.timeout)
        elapsed = time.perf_counter() - t0
        self._wait_for_iopub()
        return elapsed

    def _wait_for_iopub(self):
        """Waits until the iopub subscription is live (not timed).

        A SUB socket drops what is published before it has joined, so the first cell's busy/idle could be
        lost; like jupyter_client's wait_for_ready, ask for kernel_info until its iopub status arrives.
        """
        from queue import Empty
        deadline = time.perf_counter() + self.timeout
        while time.perf_counter() < deadline:
            self._shell_reply(self.client.kernel_info(), self.timeout)
            try:
                self.client.get_iopub_msg(timeout=0.2)
            except Empty:
                continue
            while True:  # drain the status messages of the kernel_info requests
                try:
                    self.client.get_iopub_msg(timeout=0.2)
                except Empty:
                    return
        raise TimeoutError(f"{self.name}: iopub stayed silent for {self.timeout:.0f} s")

    def run(self, code, timeout=None):
        """Executes a cell; returns (seconds from execute_request to execute_reply and iopub idle, text)."""
        from queue import Empty
        timeout = timeout or self.timeout
        t0 = time.perf_counter()
        msg_id = self.client.execute(code)
        reply = self._shell_reply(msg_id, timeout)
        text, errors = [], []
        while True:
            try:
                msg = self.client.get_iopub_msg(timeout=max(0.1, timeout - (time.perf_counter() - t0)))
            except Empty:
                raise TimeoutError(f"{self.name}: no idle status on iopub within {timeout:.0f} s "
                                   f"after the reply to {code!r}") from None
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            kind, content = msg["msg_type"], msg["content"]
            if kind == "status" and content["execution_state"] == "idle":
                break
            if kind in ("execute_result", "display_data"):
                text.append(content["data"].get("text/plain", ""))
            elif kind == "stream":
                text.append(content["text"])
            elif kind == "error":
                errors.append(f"{content['ename']}: {content['evalue']}")
        elapsed = time.perf_counter() - t0
        if reply["content"]["status"] != "ok" or errors:
            raise CellFailed(f"{self.name}: cell {code!r} failed: {reply['content'].get('ename', '')} "
                             f"{reply['content'].get('evalue', '')} {' | '.join(errors)}".strip())
        return elapsed, "".join(text).strip()

    def run_checked(self, code, timeout=None):
        elapsed, text = self.run(code, timeout)
        if not EXPECTED[code](text):
            raise CellFailed(f"{self.name}: cell {code!r} printed {text!r}, which is not its result")
        return elapsed

    def rss_mib(self):
        """VmRSS of the kernel process (of its only child when the kernelspec starts a shell)."""
        pid = self.manager.provisioner.process.pid
        with open(f"/proc/{pid}/comm") as comm:
            if comm.read().strip() in ("sh", "bash", "dash"):
                with open(f"/proc/{pid}/task/{pid}/children") as children:
                    pid = int(children.read().split()[0])
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024 / MIB
        raise RuntimeError(f"no VmRSS for pid {pid}")

    def _shell_reply(self, msg_id, timeout):
        from queue import Empty
        deadline = time.perf_counter() + timeout
        while True:
            left = deadline - time.perf_counter()
            if left <= 0:
                raise TimeoutError(f"{self.name}: no reply within {timeout:.0f} s")
            try:
                msg = self.client.get_shell_msg(timeout=left)
            except Empty:
                raise TimeoutError(f"{self.name}: no reply within {timeout:.0f} s") from None
            if msg["parent_header"].get("msg_id") == msg_id:
                return msg

    def stop(self):
        try:
            if self.client is not None:
                self.client.stop_channels()
            if self.manager.has_kernel:
                self.manager.shutdown_kernel(now=False)  # a polite shutdown: the kernel cleans its temp dir
        finally:
            self.log_file.close()


# --------------------------------------------------------------------------------------------------
# The measurements
# --------------------------------------------------------------------------------------------------

def bench_kernel(name, args, logs, log):
    """Every figure for one kernel: a dict metric -> list of samples (seconds, or MiB for memory)."""
    samples = {}
    is_flink = name == FLINK_KERNEL

    # Fresh kernels: start to kernel_info, and (flink-java) the first Flink job right after.
    for i in range(args.starts):
        kernel = Kernel(name, os.path.join(logs, f"{name}-start-{i + 1}.log"), args.timeout)
        try:
            samples.setdefault("start_to_kernel_info", []).append(kernel.start())
            if is_flink:
                samples.setdefault("first_flink_job", []).append(kernel.run_checked(TRIVIAL_JOB))
        finally:
            kernel.stop()
        log(f"  {name} start {i + 1}/{args.starts}: "
            + ", ".join(f"{k} {v[-1] * 1000:.0f} ms" for k, v in samples.items()))

    # One kernel for the warm figures.
    kernel = Kernel(name, os.path.join(logs, f"{name}-warm.log"), args.timeout)
    try:
        kernel.start()
        for _ in range(args.warmups):
            kernel.run_checked(ONE_PLUS_ONE)
        samples["warm_1plus1"] = [kernel.run_checked(ONE_PLUS_ONE) for _ in range(args.round_trips)]
        # Right after the cells, and after 5 s of idling, as a kernel sits while its user reads
        # and types: the JVM hands unused heap back only after a periodic collection.
        samples["rss_before_flink_busy_mib"] = [kernel.rss_mib()]
        time.sleep(IDLE_SECONDS)
        samples["rss_before_flink_mib"] = [kernel.rss_mib()]
        log(f"  {name} warm 1+1: median {statistics.median(samples['warm_1plus1']) * 1000:.1f} ms, "
            f"RSS {samples['rss_before_flink_busy_mib'][0]:.0f} MiB right after, "
            f"{samples['rss_before_flink_mib'][0]:.0f} MiB idle {IDLE_SECONDS} s")
        if is_flink:
            for metric, cell in (("warm_trivial_job", TRIVIAL_JOB), ("warm_select1", SELECT_1)):
                for _ in range(args.warmups):
                    kernel.run_checked(cell)
                samples[metric] = [kernel.run_checked(cell) for _ in range(args.jobs)]
                log(f"  {name} {metric}: median {statistics.median(samples[metric]) * 1000:.0f} ms")
            samples["rss_after_flink_mib"] = [kernel.rss_mib()]
    finally:
        kernel.stop()
    return samples


def bench_baseline(args, log):
    """Builds and runs bench/baseline: the same jobs on Flink's default local environment."""
    pom = os.path.join(BENCH, "baseline", "pom.xml")
    build = subprocess.run(["mvn", "-q", "-B", "-o", "-f", pom, "package"],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if build.returncode != 0:
        raise RuntimeError("building bench/baseline failed:\n" + build.stdout)
    target = os.path.join(BENCH, "baseline", "target")
    tmp = tempfile.mkdtemp(prefix="flink-bench-baseline.")  # Flink leaves minicluster_* and more behind
    try:
        run = subprocess.run([java(), f"-Djava.io.tmpdir={tmp}", "-cp",
                              f"{target}/bench-baseline.jar:{target}/lib/*",
                              "dev.flinkjupyter.bench.PlainFlinkBaseline",
                              "--runs", str(args.baseline_runs), "--warmups", str(args.warmups)],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             timeout=args.timeout * (args.baseline_runs + args.warmups) * 2)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    lines = run.stdout.strip().splitlines()
    if run.returncode != 0 or not lines:
        raise RuntimeError(f"the baseline failed (exit {run.returncode}):\n{run.stderr[-4000:]}")
    return json.loads(lines[-1])


# --------------------------------------------------------------------------------------------------
# The table
# --------------------------------------------------------------------------------------------------

def median(samples, metric):
    values = samples.get(metric) if samples else None
    return statistics.median(values) if values else None


def ms(seconds):
    return "n/a" if seconds is None else f"{seconds * 1000:.0f} ms" if seconds >= 0.1 else f"{seconds * 1000:.1f} ms"


def mib(value):
    return "n/a" if value is None else f"{value:.0f} MiB"


def ratio(a, b):
    return None if a is None or not b else a / b


def build_rows(results):
    """The table as rows of strings: metric, flink-java, reference, ratio, target, met."""
    flink = results["kernels"].get(FLINK_KERNEL, {}).get("samples")
    ipy = results["kernels"].get("python3", {}).get("samples")
    base = results.get("baseline") or {}
    to_s = lambda key: base[key] / 1000 if key in base else None

    rows = []

    def row(metric, value, fmt, reference, ref_label, target_text, met, ratio_text=None):
        r = ratio(value, reference)
        rows.append([metric, fmt(value), f"{fmt(reference)} ({ref_label})" if reference is not None else "n/a",
                     ratio_text(r) if ratio_text and r else ("n/a" if r is None else f"{r:.2f}"),
                     target_text, "n/a" if value is None or met is None else ("yes" if met else "NO")])

    faster = lambda r: f"{r:.2f} ({1 / r:.1f}x faster)" if r < 1 else f"{r:.2f} ({r:.1f}x slower)"

    v = median(flink, "start_to_kernel_info")
    row("start to kernel_info", v, ms, median(ipy, "start_to_kernel_info"), "ipykernel", "< 1.0 s",
        None if v is None else v < 1.0)
    v = median(flink, "warm_1plus1")
    row("warm `1+1` round trip", v, ms, median(ipy, "warm_1plus1"), "ipykernel", "< 20 ms",
        None if v is None else v < 0.020)
    v = median(flink, "rss_before_flink_busy_mib")
    row("kernel RSS before Flink, right after the cells", v, mib, median(ipy, "rss_before_flink_busy_mib"),
        "ipykernel", "-", None)
    v = median(flink, "rss_before_flink_mib")
    row(f"kernel RSS before Flink, idle {IDLE_SECONDS} s", v, mib, median(ipy, "rss_before_flink_mib"), "ipykernel",
        "< 300 MiB", None if v is None else v < 300)
    v = median(flink, "first_flink_job")
    row("first Flink job after start", v, ms, to_s("first_job_ms"), "plain local env, first job in its JVM",
        "-", None, faster)
    v, ref = median(flink, "warm_trivial_job"), to_s("trivial_job_ms")
    r = ratio(v, ref)
    row("warm trivial Flink job", v, ms, ref, "plain local env", "<= 150 ms and >= 5x faster",
        None if v is None or r is None else (v <= 0.150 and r <= 0.2), faster)
    v = median(flink, "warm_select1")
    row("warm `SELECT 1`", v, ms, to_s("select1_ms"), "plain local env", "-", None, faster)
    v = median(flink, "rss_after_flink_mib")
    row("kernel RSS after Flink jobs", v, mib, base.get("rss_mib"), "plain local env JVM at its end",
        "-", None)
    return rows


def table_text(rows, header):
    widths = [max(len(str(r[i])) for r in [header] + rows) for i in range(len(header))]
    line = lambda r: " | ".join(str(c).ljust(w) for c, w in zip(r, widths))
    return "\n".join([line(header), "-+-".join("-" * w for w in widths)] + [line(r) for r in rows])


def table_markdown(rows, header):
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    return "\n".join(out + ["| " + " | ".join(str(c) for c in r) + " |" for r in rows])


HEADER = ["metric", "flink-java", "reference", "ratio (flink-java / reference)", "target", "met"]


def spread_lines(results):
    """One line per series: n, min, quartiles, max; to judge the noise behind each median."""
    series = []
    for name, kernel in results["kernels"].items():
        for metric, values in kernel["samples"].items():
            series.append((f"{name} {metric}", values, metric.endswith("_mib")))
    base = results.get("baseline") or {}
    for key, metric in (("trivial_job_runs_ms", "trivial_job"), ("select1_runs_ms", "select1")):
        if base.get(key):
            series.append((f"plain local env {metric}", [v / 1000 for v in base[key]], False))
    lines = []
    for label, values, is_mib in series:
        fmt = mib if is_mib else ms
        if len(values) == 1:
            lines.append(f"- {label}: {fmt(values[0])} (one reading)")
            continue
        q = statistics.quantiles(values, n=4, method="inclusive")
        lines.append(f"- {label}: n={len(values)}, min {fmt(min(values))}, p25 {fmt(q[0])}, "
                     f"median {fmt(q[1])}, p75 {fmt(q[2])}, max {fmt(max(values))}")
    return lines


def write_markdown(path, rows, results):
    env = results["environment"]
    counts = results["counts"]
    errors = results.get("errors") or {}
    lines = [
        "# Benchmark results",
        "",
        "Latest figures of `bench/run.sh` (see bench/README.md for what each figure means).",
        "Medians; compare the ratios more than the absolute figures: the machine is shared and noisy.",
        "",
        table_markdown(rows, HEADER),
        "",
        f"- When: {results['started']} (took {results['seconds']:.0f} s); commit `{env['commit']}`",
        f"- Machine: {env['cpus']} CPUs, load average (1, 5, 15 min) {env['loadavg']} before the run and "
        f"{results.get('loadavg_after', '?')} after; {env['java']}; "
        f"Python {env['python']}, jupyter_client {env['jupyter_client']}, ipykernel {env['ipykernel']}",
        f"- Runs: {counts['starts']} fresh kernels per kernel (start, first Flink job), "
        f"{counts['round_trips']} warm `1+1` round trips, {counts['jobs']} warm jobs of each kind in the kernel "
        f"and {counts['baseline_runs']} in the plain local environment, each after {counts['warmups']} warm-ups",
        f"- Cells: trivial job `{TRIVIAL_JOB}`; `SELECT 1` `{SELECT_1}`",
    ]
    for what, error in errors.items():
        lines.append(f"- Not measured: {what}: {error.splitlines()[0] if error else ''}")
    lines += ["", "## Spread of each series", ""] + spread_lines(results)
    with open(path, "w") as out:
        out.write("\n".join(lines) + "\n")


def environment():
    import jupyter_client
    try:
        import ipykernel
        ipykernel_version = ipykernel.__version__
    except ImportError:
        ipykernel_version = "missing"
    java_version = subprocess.run([java(), "-version"], stderr=subprocess.PIPE, text=True).stderr.splitlines()
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--", "kernel", "engine", "display"],
                           stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True).stdout.strip()
    return {
        "commit": commit + (" + uncommitted changes" if dirty else ""),
        "cpus": os.cpu_count(),
        "loadavg": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "java": java_version[0] if java_version else "java: unknown",
        "python": platform.python_version(),
        "jupyter_client": jupyter_client.__version__,
        "ipykernel": ipykernel_version,
    }


# --------------------------------------------------------------------------------------------------

def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("kernels", nargs="*", default=[FLINK_KERNEL, "python3"],
                        help="kernelspec names (default: flink-java python3)")
    parser.add_argument("--starts", type=int, default=10, help="fresh kernels per kernel (default 10)")
    parser.add_argument("--round-trips", type=int, default=30, help="warm 1+1 round trips (default 30)")
    parser.add_argument("--jobs", type=int, default=15, help="warm jobs of each kind in the kernel (default 15)")
    parser.add_argument("--warmups", type=int, default=2, help="warm-up runs before each series (default 2)")
    parser.add_argument("--baseline-runs", type=int, default=15,
                        help="runs of each job in the plain local environment (default 15)")
    parser.add_argument("--no-baseline", action="store_true", help="skip the plain Flink baseline")
    parser.add_argument("--timeout", type=float, default=120, help="seconds to wait for a reply (default 120)")
    parser.add_argument("--results", default=os.path.join(BENCH, "results.md"),
                        help="markdown output (default bench/results.md)")
    parser.add_argument("--out", default=os.path.join(BENCH, "out"), help="JSON and kernel logs (default bench/out)")
    args = parser.parse_args()

    log = lambda text: print(text, file=sys.stderr, flush=True)
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")  # ipykernel's debugger warns on every start
    started = datetime.datetime.now().astimezone()
    stamp = started.strftime("%Y%m%d-%H%M%S")
    logs = os.path.join(args.out, f"logs-{stamp}")
    os.makedirs(logs, exist_ok=True)
    scratch = tempfile.mkdtemp(prefix="flink-jupyter-bench.")
    results = {"started": started.isoformat(timespec="seconds"), "kernels": {}, "errors": {},
               "counts": {k: getattr(args, k) for k in ("starts", "round_trips", "jobs", "warmups", "baseline_runs")}}
    try:
        results["environment"] = environment()
        isolate_jupyter(scratch, log)
        from jupyter_client.kernelspec import KernelSpecManager
        available = KernelSpecManager().find_kernel_specs()
        for name in args.kernels:
            if name not in available:
                why = ("the kernel is not built (no kernel/target/lib): run mvn -B -DskipTests package"
                       if name == FLINK_KERNEL and not kernel_built() else f"no kernelspec named {name}")
                results["errors"][name] = why
                log(f"skipping {name}: {why}")
                continue
            log(f"benchmarking kernel {name} ({available[name]}) ...")
            try:
                results["kernels"][name] = {"spec": available[name], "samples": bench_kernel(name, args, logs, log)}
            except Exception as e:  # one kernel's failure should not hide the other figures
                results["errors"][name] = f"{type(e).__name__}: {e}"
                log(f"{name} failed (kernel logs in {logs}):\n{traceback.format_exc()}")
        if not args.no_baseline:
            log("running the plain Flink baseline (bench/baseline) ...")
            try:
                results["baseline"] = bench_baseline(args, log)
            except Exception as e:
                results["errors"]["baseline"] = f"{type(e).__name__}: {e}"
                log(f"the baseline failed: {e}")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    results["loadavg_after"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results["seconds"] = (datetime.datetime.now().astimezone() - started).total_seconds()

    rows = build_rows(results)
    print(table_text(rows, HEADER))
    for what, error in results["errors"].items():
        print(f"not measured: {what}: {error.splitlines()[0] if error else ''}")
    write_json(os.path.join(args.out, f"bench-{stamp}.json"), results)
    write_json(os.path.join(args.out, "latest.json"), results)
    write_markdown(args.results, rows, results)
    log(f"wrote {os.path.relpath(args.results)} and {os.path.relpath(os.path.join(args.out, f'bench-{stamp}.json'))}")
    return 1 if results["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
