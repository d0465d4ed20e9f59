#!/usr/bin/env bash
# Builds the flink-jupyter kernel and registers it with Jupyter as the kernelspec `flink-java`.
set -euo pipefail

usage() {
  cat <<'USAGE'
Usage: install/install.sh [--user | --sys-prefix | --prefix DIR] [--name NAME]
                          [--display-name TEXT] [--java PATH] [--jvm-arg ARG]... [--no-build]

Builds the kernel (mvn -B -q -DskipTests package) and installs its kernelspec.

  --user               install for the current user (the default; honours JUPYTER_DATA_DIR)
  --sys-prefix         install into Jupyter's Python sys.prefix (/usr for Debian's Jupyter)
  --prefix DIR         install into DIR/share/jupyter/kernels/NAME
  --name NAME          kernelspec name (default: flink-java)
  --display-name TEXT  name shown in Jupyter (default: "Java (Flink)")
  --java PATH          the java that runs the kernel, 17 or newer
                       (default: $JAVA_HOME/bin/java, else java on PATH)
  --jvm-arg ARG        an extra JVM option for the kernel, e.g. --jvm-arg -Xmx4g (repeatable)
  --no-build           use the existing build in kernel/target instead of building
  -h, --help           show this help

Installs Debian's Jupyter packages first when `jupyter` is missing (as root, or through sudo).
Running it again replaces the kernelspec.
USAGE
}

die() { echo "install.sh: error: $*" >&2; exit 1; }

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# shellcheck source=install/jupyter-packages.sh
source "$root/install/jupyter-packages.sh"

where=(--user)
name=flink-java
display_name="Java (Flink)"
java=""
build=1
jvm_args=()

need_value() { [[ $# -ge 2 && -n $2 ]] || die "$1 needs a value (see --help)"; }
while [[ $# -gt 0 ]]; do
  case $1 in
    --user) where=(--user) ;;
    --sys-prefix) where=(--sys-prefix) ;;
    --prefix) need_value "$@"; where=(--prefix "$(mkdir -p "$2" && cd "$2" && pwd)"); shift ;;
    --prefix=*) where=(--prefix "$(mkdir -p "${1#*=}" && cd "${1#*=}" && pwd)") ;;
    --name) need_value "$@"; name=$2; shift ;;
    --name=*) name=${1#*=} ;;
    --display-name) need_value "$@"; display_name=$2; shift ;;
    --display-name=*) display_name=${1#*=} ;;
    --java) need_value "$@"; java=$2; shift ;;
    --java=*) java=${1#*=} ;;
    --jvm-arg) need_value "$@"; jvm_args+=("$2"); shift ;;
    --jvm-arg=*) jvm_args+=("${1#*=}") ;;
    --no-build) build=0 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown option: $1" ;;
  esac
  shift
done

[[ $name =~ ^[a-z0-9._-]+$ ]] || die "kernel name '$name' may hold only a-z, 0-9, '.', '_' and '-'"

# --- Java ------------------------------------------------------------------------------------
if [[ -z $java ]]; then
  if [[ -n ${JAVA_HOME:-} && -x $JAVA_HOME/bin/java ]]; then
    java=$JAVA_HOME/bin/java
  else
    java=$(command -v java || true)
    [[ -n $java ]] || die "no java found: install a JDK 17 or newer, set JAVA_HOME, or pass --java PATH"
  fi
fi
[[ -x $java && ! -d $java ]] || die "'$java' is not an executable java"
java=$(readlink -f "$java")
version_line=$("$java" -version 2>&1 | grep -m1 -E 'version "' || true)
version=$(sed -E 's/.*version "([^"]*)".*/\1/' <<<"$version_line")
[[ -n $version_line && -n $version ]] || die "could not read the version of $java ('$java -version' said: $("$java" -version 2>&1 | head -1))"
major=${version%%[.+-]*}
if [[ $major == 1 ]]; then  # 1.8.0_412 and older
  major=$(cut -d. -f2 <<<"$version")
fi
[[ $major =~ ^[0-9]+$ ]] || die "could not read the version of $java: '$version_line'"
if (( major < 17 )); then
  die "the kernel needs Java 17 or newer, but $java is Java $version. Install a JDK 17+ and set JAVA_HOME or pass --java PATH."
fi
echo "Java: $java (version $version)"

# Inspection shows the JDK's Javadoc only when the JDK has its sources (lib/src.zip); Debian ships
# them apart, in openjdk-N-source. Without them inspection still shows signatures.
java_home=$(dirname "$(dirname "$java")")
if [[ ! -r $java_home/lib/src.zip ]] && command -v dpkg >/dev/null 2>&1 && dpkg -S "$java" >/dev/null 2>&1; then
  debian_install "openjdk-$major-source" \
    || echo "note: without openjdk-$major-source, inspection shows signatures but no JDK Javadoc" >&2
fi

# --- Jupyter ---------------------------------------------------------------------------------
ensure_jupyter_packages || exit 1
jupyter=$(jupyter_command)
python=$(jupyter_python)
echo "Jupyter: $jupyter"

# --- Build -----------------------------------------------------------------------------------
target=$root/kernel/target
jar=$target/flink-jupyter-kernel-0.1.0-SNAPSHOT.jar
if (( build )); then
  command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is not on PATH: install Maven 3.8+, or use --no-build with an existing build"
  echo "Building the kernel: mvn -B -q -DskipTests package (in $root) ..."
  start=$SECONDS
  (cd "$root" && JAVA_HOME=${JAVA_HOME:-$(dirname "$(dirname "$java")")} mvn -B -q -Dstyle.color=never -DskipTests package) \
    || die "the build failed (see Maven's output above)"
  echo "Built in $((SECONDS - start)) s."
fi
if [[ ! -f $jar ]] || ! compgen -G "$target/lib/*.jar" >/dev/null; then
  die "no kernel build in $target (expected $(basename "$jar") and lib/*.jar): run install/install.sh without --no-build, or 'mvn -B package' at $root"
fi

# --- Kernelspec ------------------------------------------------------------------------------
stage=$(mktemp -d "${TMPDIR:-/tmp}/flink-jupyter-kernelspec.XXXXXX")
trap 'rm -rf "$stage"' EXIT
spec=$stage/$name
mkdir -p "$spec/lib"
cp "$jar" "$target"/lib/*.jar "$spec/lib/"

# The heap starts small and G1 gives memory back while the kernel idles: a notebook kernel spends
# most of its life waiting, and a JVM sizes its heap for the machine (a quarter of its memory).
default_jvm_args=(-Xms64m -XX:G1PeriodicGCInterval=2000 -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=40)
if (( major >= 24 )); then
  # Flink's RPC (Pekko) and lz4 use sun.misc.Unsafe and native access, which JDK 24+ warns about.
  default_jvm_args+=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
fi

"$python" - "$spec/kernel.json" "$java" "$display_name" "$(basename "$jar")" "${default_jvm_args[@]}" "${jvm_args[@]}" <<'PY'
import json, sys
path, java, display_name, kernel_jar, *jvm_args = sys.argv[1:]
spec = {
    # {resource_dir} is the installed kernelspec directory; jupyter_client substitutes it.
    # The kernel's jar is also its Java agent: it adds %maven's and %jars' jars to the running kernel.
    "argv": [java, *jvm_args, "-Djava.awt.headless=true",
             "-javaagent:{resource_dir}/lib/" + kernel_jar, "-cp", "{resource_dir}/lib/*",
             "dev.flinkjupyter.kernel.Main", "{connection_file}"],
    "display_name": display_name,
    "language": "java",
    "interrupt_mode": "message",
    "metadata": {"debugger": False},
}
with open(path, "w") as out:
    json.dump(spec, out, indent=2)
    out.write("\n")
PY
"$python" "$root/install/make-logos.py" "$spec" || echo "warning: could not draw the logos; installing without them" >&2

log=$stage/install.log
if ! "$jupyter" kernelspec install --replace --name "$name" "${where[@]}" "$spec" >"$log" 2>&1; then
  cat "$log" >&2
  die "jupyter kernelspec install failed"
fi
# pass on warnings and errors, except "not in JUPYTER_PATH" for --prefix (said below, with the fix)
grep -E 'WARNING|ERROR' "$log" | grep -v 'which is not in' >&2 || true
dest=$(sed -n -E 's/.*Installed kernelspec .* in (.*)$/\1/p' "$log" | tail -1)

echo
echo "Installed the Jupyter kernel '$display_name' ($name) in ${dest:-${where[*]}}"
echo "  runs: $java ${jvm_args[*]:+${jvm_args[*]} }-cp .../lib/* dev.flinkjupyter.kernel.Main"
if [[ ${where[0]} == --prefix ]]; then
  echo "  Jupyter finds it when JUPYTER_PATH includes ${where[1]}/share/jupyter"
fi

# The classic notebook server refuses to start as root unless told: make `jupyter notebook` work
# for root, as the README's first command runs it.
if [[ $(id -u) -eq 0 ]]; then
  config_dir=$("$jupyter" --config-dir)
  "$python" - "$config_dir/jupyter_notebook_config.json" <<'PY'
import json, os, sys
path = sys.argv[1]
config = json.load(open(path)) if os.path.exists(path) else {}
if config.get("NotebookApp", {}).get("allow_root") is not True:
    config.setdefault("NotebookApp", {})["allow_root"] = True
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as out:
        json.dump(config, out, indent=2)
    print("Running as root: set NotebookApp.allow_root in " + path)
PY
fi
echo "Start it with:  jupyter notebook $root/notebooks/   and pick \"$display_name\""
