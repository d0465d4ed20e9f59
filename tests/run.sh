#!/usr/bin/env bash
# The whole test suite: Debian's Jupyter packages, the Maven build with every unit test, the
# kernelspecs in a throw-away Jupyter home, and the end-to-end tests through real Jupyter clients.
#
#   tests/run.sh [--no-build] [PYTEST ARGS...]
#
#   --no-build   skip `mvn -B -ntp package` and test the existing build in kernel/target
#   PYTEST ARGS  passed to pytest, e.g. -k interrupt, or tests/e2e/test_conformance.py;
#                with any of them the browser test (tests/browser/run.sh) is left out
#
# Writes tests/target/e2e-junit.xml and tests/target/browser/ (a screenshot of the notebook in
# Chromium, the notebook server's log). Exits non-zero when anything fails.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
# shellcheck source=install/jupyter-packages.sh
source "$root/install/jupyter-packages.sh"

build=1
if [[ ${1:-} == --no-build ]]; then
  build=0
  shift
fi

suite_start=$SECONDS
stage_start=$SECONDS
stage() {  # stage NAME: ends the previous stage (printing its time) and starts the next
  if [[ -n ${stage_name:-} ]]; then
    printf '\n=== %s: done in %d s\n' "$stage_name" $((SECONDS - stage_start))  # Maven may end mid-line
  fi
  stage_name=$1
  stage_start=$SECONDS
  [[ -n $stage_name ]] && printf '\n=== %s\n' "$stage_name"
  return 0
}

T=""
cleanup() {
  local status=$?
  if [[ -n $T ]]; then
    # kernels this run started: their command line holds the kernelspec directory under $T
    local pids=() pid
    for pid in $(ls /proc | grep -E '^[0-9]+$'); do
      [[ $pid == "$$" || $pid == "$BASHPID" ]] && continue
      if tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" | grep -qF -- "$T/"; then
        pids+=("$pid")
      fi
    done
    if ((${#pids[@]})); then
      echo "Stopping leftover kernel processes: ${pids[*]}"
      kill "${pids[@]}" 2>/dev/null || true
      sleep 2
      kill -9 "${pids[@]}" 2>/dev/null || true
    fi
    rm -rf "$T"
  fi
  if [[ $status != 0 && -n ${stage_name:-} ]]; then
    printf '\n=== %s: FAILED after %d s\n' "$stage_name" $((SECONDS - stage_start))
  fi
  printf '\n=== total: %d s, %s\n' $((SECONDS - suite_start)) "$([[ $status == 0 ]] && echo PASSED || echo "FAILED (exit $status)")"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

stage "Jupyter (Debian packages)"
ensure_jupyter_packages --for-tests
python=$(jupyter_python)
jupyter=$(jupyter_command)
"$jupyter" --version | sed 's/^/  /'

if ((build)); then
  stage "Build and unit tests (mvn -B -ntp package)"
  mvn -B -ntp -Dstyle.color=never package
fi

stage "Kernelspecs in a temporary Jupyter home"
T=$(mktemp -d "${TMPDIR:-/tmp}/flink-jupyter-tests.XXXXXX")
export JUPYTER_PATH=$T/share/jupyter
export JUPYTER_DATA_DIR=$T/data
export JUPYTER_RUNTIME_DIR=$T/runtime
export JUPYTER_CONFIG_DIR=$T/config
export IPYTHONDIR=$T/ipython
export PYDEVD_DISABLE_FILE_VALIDATION=1  # quiets Debian's debugpy in every jupyter command
# The kernels' temp base: each kernel makes its own directory in it and must remove it on
# shutdown, so it is empty again after the tests (checked below).
kernel_tmp=$T/kernel-tmp
mkdir -p "$JUPYTER_PATH" "$JUPYTER_DATA_DIR" "$JUPYTER_RUNTIME_DIR" "$JUPYTER_CONFIG_DIR" "$IPYTHONDIR" "$kernel_tmp"
install/install.sh --no-build --prefix "$T" --name flink-java --display-name "Java (Flink)" \
  --jvm-arg "-Djava.io.tmpdir=$kernel_tmp"
jdk25=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [[ -x $jdk25 ]]; then
  install/install.sh --no-build --prefix "$T" --name flink-java-25 --display-name "Java (Flink, JDK 25)" \
    --java "$jdk25" --jvm-arg "-Djava.io.tmpdir=$kernel_tmp"
else
  echo "No JDK 25 at $jdk25: the JDK 25 tests will be skipped."
fi
"$jupyter" kernelspec list

stage "End-to-end tests (pytest tests/e2e)"
mkdir -p tests/target
junit=$root/tests/target/e2e-junit.xml
args=("$@")
browser=$(( $# == 0 ))  # a focused run (pytest arguments given) leaves the browser test out
if ! printf '%s\n' "${args[@]}" | grep -qE '^tests/|\.py$|::'; then
  args+=(tests/e2e)  # no test path among the arguments: run them all
fi
set +e
"$python" -m pytest -v -rfEs --durations=10 --junitxml="$junit" -o junit_family=xunit1 \
  -c tests/pytest.ini --rootdir tests --basetemp "$T/pytest" "${args[@]}"
pytest_status=$?
set -e
"$python" - "$junit" <<'PY' || true
import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
suites = [root] if root.tag == "testsuite" else list(root)
print("\n%-8s %8s  %s" % ("result", "seconds", "test"))
for suite in suites:
    for case in suite.iter("testcase"):
        kinds = [child.tag for child in case]
        result = ("FAIL" if "failure" in kinds else "ERROR" if "error" in kinds
                  else "SKIP" if "skipped" in kinds else "PASS")
        name = case.get("classname", "").split(".")[-1] + "::" + case.get("name", "")
        props = " ".join("%s=%s" % (p.get("name"), p.get("value")) for p in case.iter("property"))
        print("%-8s %8.1f  %s%s" % (result, float(case.get("time", 0)), name, "  " + props if props else ""))
totals = {k: sum(int(s.get(k, 0)) for s in suites) for k in ("tests", "failures", "errors", "skipped")}
print("\n%(tests)d tests: %(failures)d failed, %(errors)d errors, %(skipped)d skipped" % totals)
PY
kernels_left_files() {  # kernels_left_files WHO: true (and says so) when kernels left files in their temp base
  if [[ -n $(ls -A "$kernel_tmp") ]]; then
    echo
    echo "FAILED: kernels ($1) left files in their temp base $kernel_tmp after shutting down:"
    find "$kernel_tmp" -maxdepth 2 | head -20
    return 0
  fi
  return 1
}
failed=()
leftovers=0
if kernels_left_files "pytest"; then
  leftovers=1
fi
if ((pytest_status != 0 || leftovers)); then
  failed+=("End-to-end tests")
fi

if ((browser)); then
  # A notebook opened in Chromium through the classic notebook server, on the flink-java kernel
  # installed above (the exported JUPYTER_* variables point the server at it).
  stage "Browser test (Chromium)"
  set +e
  BROWSER_TEST_TMP=$T/browser tests/browser/run.sh
  browser_status=$?
  set -e
  if ((browser_status != 0)) || { ((!leftovers)) && kernels_left_files "the notebook server's"; }; then
    failed+=("Browser test (Chromium)")
  fi
else
  echo
  echo "Browser test left out: pytest arguments were given (run tests/browser/run.sh for it alone)."
fi
stage ""
if ((${#failed[@]})); then
  printf 'FAILED: %s\n' "${failed[@]}"
  exit 1
fi
