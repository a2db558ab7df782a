"""A test run with HOME pointed at an empty folder leaves it empty (no test writes outside tmp)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
# A part of the suite that exercises the CLI (and its log), exports, the app and its settings.
PART = [
    "tests/cli/test_export_cli.py",
    "tests/services/test_export.py",
    "tests/ui/test_start.py",
    "tests/ui/test_infrastructure.py",
    "tests/test_preferences.py",
    "tests/test_logfile.py",
]


@pytest.mark.slow
def test_part_of_the_suite_with_an_empty_home_leaves_it_empty(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    outside = ("HOME", "DDCHECK_DATA_DIR", "XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME")
    env = {k: v for k, v in os.environ.items() if k not in outside and not k.startswith("PYTEST")}
    env.update(HOME=str(home), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-x",
            f"--basetemp={tmp_path / 'pytest'}",
            *PART,
        ],
        capture_output=True,
        text=True,
        timeout=900,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    left = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert left == [], f"the tests wrote into HOME: {left}"
