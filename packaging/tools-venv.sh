#!/usr/bin/env bash
# Make build/venv-tools hold exactly packaging/requirements-tools.lock (pip-audit, pip-licenses,
# cyclonedx-bom), reinstalling only when the lock changed. Used by audit.sh and licences.sh; these
# tools never go into the bundle's own venv, so they never show up in its notices or SBOM.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
PYTHON=${PYTHON:-python3}
VENV=build/venv-tools
LOCK=packaging/requirements-tools.lock
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1 PIP_PROGRESS_BAR=off

stamp=$(sha256sum "$LOCK" | cut -d' ' -f1)
if [[ ! -f $VENV/lock.sha256 || $(cat "$VENV/lock.sha256") != "$stamp" ]]; then
    rm -rf "$VENV"
    "$PYTHON" -m venv "$VENV"
    "$VENV/bin/pip" install -q --require-hashes --no-deps -r "$LOCK" 2>&1 \
        | { grep -v "is ignored: it is neither" || true; }
    echo "$stamp" >"$VENV/lock.sha256"
fi
