"""Fuzz checklist-file import: refused in one line with nothing stored, or imported; never more.

The longer pass is tests/benchmarks/test_fuzz_checklists_handouts.py.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.services.checklist_fuzz import attempt, draw_case, setup


def test_fuzzed_checklist_files_are_refused_or_imported_and_later_commands_work(
    tmp_path: Path,
) -> None:
    data_dir = tmp_path / "ws"
    dossier_id = setup(data_dir)
    outcomes: Counter[str] = Counter()

    @settings(
        max_examples=25,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(data=st.data())
    def case(data) -> None:
        version = 1000 + outcomes["imported"]  # newer than the last taken (4 digits: same draws)
        _, content = draw_case(data, version)
        outcomes[attempt(data_dir, tmp_path, dossier_id, content)] += 1

    case()
    assert sum(outcomes.values()) >= 10
