"""Long fuzzing pass over checklist-file and hand-out import (excluded from the default run).

    DDCHECK_FUZZ_CASES=300 QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q -s \
        -p no:cacheprovider tests/benchmarks/test_fuzz_checklists_handouts.py

Checklist files (byte edits, any part of the YAML changed, generated and 400-deep conditions,
alias bombs) through `templates import`, and returned hand-outs (cells, rows, sheets, bytes)
through `import FILE.xlsx`: each case is refused in one line with nothing stored, or taken,
and the read commands work after it. At the end the app starts on each fuzzed workspace and
`check` passes. Prints how many cases ran and how they ended, per kind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.services import checklist_fuzz, handout_fuzz
from tests.services.document_fuzz import cli

CASES = int(os.environ.get("DDCHECK_FUZZ_CASES", "200"))
LONG = settings(
    max_examples=CASES,
    deadline=None,
    database=None,
    phases=[Phase.generate, Phase.shrink],
    suppress_health_check=list(HealthCheck),
)


def _app_starts(data_dir: Path) -> None:
    started = subprocess.run(
        [sys.executable, "-m", "ddcheck", "--data-dir", str(data_dir), "--quit-after-ready"],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert started.returncode == 0, started.stderr
    assert cli(data_dir, "check")[0] == 0


def test_long_fuzz_of_checklist_files(tmp_path: Path) -> None:
    data_dir = tmp_path / "ws"
    dossier_id = checklist_fuzz.setup(data_dir)
    outcomes: Counter[str] = Counter()

    @LONG
    @given(data=st.data())
    def case(data) -> None:
        version = 1000 + outcomes["imported"]
        kind, content = checklist_fuzz.draw_case(data, version)
        outcome = checklist_fuzz.attempt(data_dir, tmp_path, dossier_id, content)
        outcomes[outcome] += 1
        outcomes[f"{kind}:{outcome}"] += 1

    case()
    total = outcomes["imported"] + outcomes["refused"]
    print(f"\nchecklist files: {total} cases: {dict(sorted(outcomes.items()))}")
    assert total >= CASES // 2
    _app_starts(data_dir)


def test_long_fuzz_of_returned_handouts(tmp_path: Path) -> None:
    data_dir, valid = tmp_path / "ws", tmp_path / "h.xlsx"
    dossier_id = handout_fuzz.setup(data_dir, valid)
    original = valid.read_bytes()
    outcomes: Counter[str] = Counter()

    @LONG
    @given(data=st.data())
    def case(data) -> None:
        kind, content = handout_fuzz.draw_case(data, original)
        outcome = handout_fuzz.attempt(data_dir, tmp_path, dossier_id, content)
        outcomes[outcome] += 1
        outcomes[f"{kind}:{outcome}"] += 1

    case()
    total = outcomes["merged"] + outcomes["refused"]
    print(f"\nhand-outs: {total} cases: {dict(sorted(outcomes.items()))}")
    assert total >= CASES // 2
    _app_starts(data_dir)
