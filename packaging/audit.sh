#!/usr/bin/env bash
# Check every package in packaging/requirements-bundle.lock against known vulnerabilities
# (pip-audit, PyPI's advisory data). Exits 1 on a known vulnerability; see packaging/audit.py for
# packages the service could not answer for (fatal only with DDCHECK_AUDIT_REQUIRED=1).
#
#   bash packaging/audit.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash packaging/tools-venv.sh
report=$(mktemp /tmp/ddcheck-audit.XXXXXX.json)
trap 'rm -f "$report"' EXIT
# pip-audit exits 1 when it finds something; audit.py reads the report and gives the verdict.
build/venv-tools/bin/pip-audit --requirement packaging/requirements-bundle.lock --require-hashes \
    --disable-pip --no-deps --progress-spinner off --format json --output "$report" 2>/dev/null || true
[[ -s $report ]] || { echo "pip-audit produced no report"; exit 1; }
build/venv-tools/bin/python packaging/audit.py "$report"
