#!/usr/bin/env bash
# One entry point for a fresh machine: creates .venv, installs migkg, then
#   scripts/run.sh build [ARGS…]   builds the graph (default: the shipped corpus into out/)
#   scripts/run.sh test  [ARGS…]   installs the test tools (Chromium, rapper) and runs pytest
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-python3}
VENV=.venv

need_venv() {
  if [ ! -x "$VENV/bin/python" ]; then
    "$PY" -m venv "$VENV"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip
  fi
}

system_packages() {
  # Browser tests drive Debian's Chromium; rapper (raptor2-utils) is an independent RDF parser.
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  command -v rapper >/dev/null 2>&1 || missing+=(raptor2-utils)
  if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
      echo "installing system packages: ${missing[*]}"
      apt-get update -qq >/dev/null
      DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    else
      echo "note: ${missing[*]} not installed; the tests that need them will be skipped" >&2
    fi
  fi
}

cmd=${1:-build}
shift || true
case "$cmd" in
  build)
    need_venv
    "$VENV/bin/python" -m pip install --quiet .
    exec "$VENV/bin/migkg" build "$@"
    ;;
  test)
    need_venv
    system_packages
    "$VENV/bin/python" -m pip install --quiet -e ".[test]"
    exec "$VENV/bin/python" -m pytest "$@"
    ;;
  *)
    echo "usage: scripts/run.sh build|test [ARGS…]" >&2
    exit 2
    ;;
esac
