"""`ddcheck overview --xlsx FILE`: the adviser's mission overview as a workbook, typed cells."""

from __future__ import annotations

import json
from pathlib import Path

import openpyxl
import pytest

from ddcheck.cli.main import main


def test_overview_workbook_matches_the_json_overview(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    company, adviser = str(tmp_path / "company"), str(tmp_path / "adviser")
    assert main(["--data-dir", company, "demo", "--lang", "nl"]) == 0
    dossier_id = capsys.readouterr().out.split()[0]
    pdf = tmp_path / "d.pdf"
    assert main(["--data-dir", company, "export", dossier_id, "-o", str(pdf), "--force"]) == 0
    assert main(["--data-dir", adviser, "import", str(pdf)]) == 0
    capsys.readouterr()
    out = tmp_path / "o.xlsx"
    assert main(["--data-dir", adviser, "overview", "--json", "--xlsx", str(out)]) == 0
    rows = json.loads(capsys.readouterr().out)["rows"]
    book = openpyxl.load_workbook(out)
    values = list(book.active.iter_rows(values_only=True))
    assert values[0][:3] == ("company", "mission", "completion_percent")
    assert len(values) == len(rows) + 1
    written = dict(zip(values[0], values[1], strict=True))
    assert written["company"] == rows[0]["company"]
    assert written["red_flags"] == rows[0]["red_flags"]
    assert written["withheld_items"] == rows[0]["withheld_items"] >= 1
    assert all(c.data_type != "f" for row in book.active.iter_rows() for c in row)
