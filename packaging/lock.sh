#!/usr/bin/env bash
# Regenerate the hashed lock files the bundle builds install from:
#
#   bash packaging/lock.sh            # after changing dependencies in pyproject.toml
#   bash packaging/lock.sh --upgrade  # move every pin to the newest release the ranges allow
#
# Writes packaging/requirements-bundle.lock (ddcheck's runtime dependencies from pyproject.toml plus
# packaging/bundle-tools.in, i.e. PyInstaller) and packaging/requirements-tools.lock (the release
# checks in packaging/release-tools.in: pip-audit, pip-licenses, cyclonedx-bom). Both are resolved
# once for every platform the bundles are built on (Linux, Windows, macOS) for Python 3.11, with a
# sha256 for every file, so `pip install --require-hashes -r ...` installs the same bytes each time.
# Without --upgrade, pins that still satisfy pyproject.toml are kept (a minimal change).
# Needs python3 and PyPI; uv (pinned below) is installed into build/venv-lock.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
UV_VERSION=0.13.8
VENV=build/venv-lock
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off

upgrade=()
case ${1:-} in
    "") ;;
    --upgrade) upgrade=(--upgrade) ;;
    *) echo "usage: bash packaging/lock.sh [--upgrade]" >&2; exit 2 ;;
esac

if [[ ! -x $VENV/bin/uv ]] || [[ $("$VENV/bin/uv" --version) != "uv $UV_VERSION"* ]]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q "uv==$UV_VERSION" 2>&1 | { grep -v "is ignored: it is neither" || true; }
fi

compile() {
    local output=$1; shift
    local header="bash packaging/lock.sh   (edit pyproject.toml or packaging/*.in, never this file)"
    UV_CUSTOM_COMPILE_COMMAND=$header "$VENV/bin/uv" pip compile --quiet --universal \
        --python-version 3.11 --generate-hashes --no-strip-markers --emit-index-url \
        --index-url https://pypi.org/simple "${upgrade[@]}" --output-file "$output" "$@"
}

compile packaging/requirements-bundle.lock pyproject.toml packaging/bundle-tools.in
compile packaging/requirements-tools.lock packaging/release-tools.in
echo "wrote packaging/requirements-bundle.lock and packaging/requirements-tools.lock"
