# shellcheck shell=bash
# Debian's Jupyter packages, shared by install/install.sh and tests/run.sh. Source this file, then
# call `ensure_jupyter_packages` (what the kernel needs: `jupyter kernelspec`, the notebook server)
# or `ensure_jupyter_packages --for-tests` (also pytest, jupyter_kernel_test, nbclient, nbconvert).
#
# When something is missing it installs it with debian_install (below).

JUPYTER_DEBIAN_PACKAGES=(
  jupyter-notebook jupyter-nbconvert jupyter-console jupyter-client jupyter-core
  python3-nbclient python3-jupyter-client python3-ipykernel python3-pytest
  python3-jupyter-kernel-test
)

# The python that Debian's Jupyter runs on: another python3 may come first on PATH (pyenv, venvs).
jupyter_python() {
  if [[ -x /usr/bin/python3 ]]; then echo /usr/bin/python3; else command -v python3 || true; fi
}

# The jupyter command: Debian's when present, else whatever is on PATH.
jupyter_command() {
  if [[ -x /usr/bin/jupyter ]]; then echo /usr/bin/jupyter; else command -v jupyter || true; fi
}

# Succeeds when what the caller needs is there already.
_jupyter_packages_present() {
  local jupyter python
  jupyter=$(jupyter_command)
  [[ -n $jupyter ]] || return 1
  "$jupyter" kernelspec --version >/dev/null 2>&1 || return 1
  if [[ ${1:-} == --for-tests ]]; then
    python=$(jupyter_python)
    [[ -n $python ]] || return 1
    "$jupyter" nbconvert --version >/dev/null 2>&1 || return 1
    "$python" -c 'import jupyter_client, jupyter_kernel_test, nbclient, nbconvert, nbformat, pytest, zmq' \
      >/dev/null 2>&1 || return 1
  fi
  return 0
}

# debian_install PACKAGE...: apt-get install as root, or through sudo (without a prompt when sudo
# allows it, with one when a terminal is attached); otherwise prints the command and returns 1.
debian_install() {
  local how=()
  local commands="apt-get update && apt-get install -y --no-install-recommends $*"
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: $* cannot be installed: this is not a Debian-like system (no apt-get)." >&2
    return 1
  fi
  if [[ $(id -u) -eq 0 ]]; then
    how=()
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    how=(sudo -n)
  elif command -v sudo >/dev/null 2>&1 && [[ -t 0 && -z ${CI:-} ]]; then
    echo "Installing Debian's $* needs root; sudo will ask for your password."
    how=(sudo)
  else
    echo "error: installing Debian's $* needs root. Run:" >&2
    echo "  sudo sh -c '$commands'" >&2
    echo "then run this again." >&2
    return 1
  fi
  echo "Installing Debian's packages: $*"
  "${how[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
  "${how[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" || return 1
}

ensure_jupyter_packages() {
  local mode=${1:-}
  if _jupyter_packages_present "$mode"; then
    return 0
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "error: Jupyter is missing and this is not a Debian-like system (no apt-get)." >&2
    echo "Install Jupyter (jupyter_client 7+, notebook, nbconvert; for the tests also pytest," >&2
    echo "nbclient and jupyter_kernel_test) and run this again." >&2
    return 1
  fi
  echo "Jupyter is missing."
  debian_install "${JUPYTER_DEBIAN_PACKAGES[@]}" || return 1
  if ! _jupyter_packages_present "$mode"; then
    echo "error: Debian's Jupyter packages are installed, but Jupyter still does not work:" >&2
    echo "  $(jupyter_command) kernelspec --version" >&2
    return 1
  fi
}
