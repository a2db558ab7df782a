"""The action-plan CSV never passes a formula from an (adviser-supplied) action through."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from ddcheck.domain.dossier import Action
from ddcheck.ui.pages.actions import write_csv


def test_action_plan_csv_is_formula_safe(qtbot: Any, tmp_path: Path) -> None:
    out = tmp_path / "plan.csv"
    action = Action(
        id="a1",
        action='=HYPERLINK("http://evil","click")',
        gap="+cmd|' /C calc'!A0",
        owner="@SUM(1)",
        deliverable="-1+2",
        budget="\t=1",
        item_keys=["mini/policy"],
    )
    write_csv([action], out, lambda key: "=" + key)
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    cells = [cell for cell in rows[1] if cell]
    assert cells and all(cell[:1] not in "=+-@\t\r" for cell in cells), cells
    assert rows[1][0] == '\'=HYPERLINK("http://evil","click")'
