"""The app becomes usable (the last dossier open) without loading what only other commands need.

Start-up is mostly imports (issue 16: usable within a few times a bare window); exchanging files,
YAML checklists, reports, reviews merged in a mission folder and travel archives load on first use.
tests/benchmarks/test_ui_usable.py times the start; this guards the cause.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.ui.app_probe import probe_app

KEPT_FOR_LATER = (
    "yaml",
    "ddcheck.exchange",
    "ddcheck.catalog.validation",
    "ddcheck.catalog.yaml_source",
    "ddcheck.domain.redaction",
    "ddcheck.domain.review_merge",
    "ddcheck.store.travel_archive",
    "ddcheck.report.",  # the tiny ddcheck.report.errors is the one exception, below
    "reportlab",
    "pypdf",
    "pyhanko",
    "openpyxl",
    "babel",
)


def _workspace_with_the_demo_reopened(data: Path, env: dict[str, str]) -> None:
    cli = [sys.executable, "-m", "ddcheck", "--data-dir", str(data)]
    subprocess.run([*cli, "demo"], check=True, capture_output=True, env=env, timeout=300)
    listed = subprocess.run(
        [*cli, "list", "--json"], check=True, capture_output=True, text=True, env=env
    )
    dossier = json.loads(listed.stdout)[0]
    remember = (
        "import sys; from ddcheck.ui.settings import UiSettings; "
        "from ddcheck.paths import data_paths; "
        "UiSettings(data_paths(sys.argv[1]).preferences).set_last_dossier(sys.argv[2])"
    )
    subprocess.run([sys.executable, "-c", remember, str(data), dossier["id"]], check=True, env=env)


def test_the_last_dossier_opens_without_the_modules_other_commands_need(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    data = tmp_path / "ws"
    _workspace_with_the_demo_reopened(data, env)
    for _start in ("first", "every later"):  # the first start writes the checklists' cache
        loaded = probe_app(tmp_path, data, at_usable="sorted(sys.modules)")["usable"]
    assert "ddcheck.ui.pages.checklist" in loaded  # the dossier really is open
    early = [m for m in loaded if m.startswith(KEPT_FOR_LATER) and m != "ddcheck.report.errors"]
    assert early == []
