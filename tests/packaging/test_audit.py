"""packaging/audit.py turns pip-audit's report into CI's verdict."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
AUDIT = ROOT / "packaging" / "audit.py"


def _run(tmp_path: Path, dependencies: list[dict], **env: str) -> subprocess.CompletedProcess:
    report = tmp_path / "report.json"
    report.write_text(json.dumps({"dependencies": dependencies, "fixes": []}), encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(AUDIT), str(report)],
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", **env},
        check=False,
    )


def test_a_known_vulnerability_fails(tmp_path: Path) -> None:
    vuln = {"id": "GHSA-xxxx", "fix_versions": ["6.16.1"], "aliases": [], "description": ""}
    result = _run(
        tmp_path,
        [
            {"name": "pypdf", "version": "6.0.0", "vulns": [vuln]},
            {"name": "babel", "version": "2.19.0", "vulns": []},
        ],
    )
    assert result.returncode == 1
    assert "VULNERABLE pypdf==6.0.0: GHSA-xxxx (fixed in: 6.16.1)" in result.stdout
    assert "2 of 2 locked packages checked, 1 with a known vulnerability" in result.stdout


def test_clean_report_passes(tmp_path: Path) -> None:
    result = _run(tmp_path, [{"name": "babel", "version": "2.19.0", "vulns": []}])
    assert result.returncode == 0
    assert "1 of 1 locked packages checked, 0 with a known vulnerability" in result.stdout


def test_unchecked_packages_are_named_and_fail_only_when_required(tmp_path: Path) -> None:
    deps = [{"name": "pypdf", "skip_reason": "Dependency not found on PyPI"}]
    lenient = _run(tmp_path, deps)
    assert lenient.returncode == 0
    assert "NOT CHECKED (1)" in lenient.stdout and "pypdf" in lenient.stdout
    strict = _run(tmp_path, deps, DDCHECK_AUDIT_REQUIRED="1")
    assert strict.returncode == 1
