"""`ddcheck templates`: list, show, validate (exit 2 with lines, no traceback) and schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ddcheck.cli.main import main

BROKEN = Path(__file__).parents[1] / "catalog" / "broken"
SHIPPED = Path(__file__).parents[2] / "resources" / "checklists"


def test_list_shows_the_four_checklists_with_item_counts(capsys: pytest.CaptureFixture) -> None:
    assert main(["templates", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert {"oecd-selfscan", "ifc-screening", "briefing-saudi-gulf", "briefing-china-hk"} <= set(
        rows
    )
    assert all(row["items"] > 0 for row in rows.values())
    assert main(["templates", "list"]) == 0
    table = capsys.readouterr().out
    assert "oecd-selfscan" in table and "ITEMS" in table


def test_show_prints_sections_items_and_references(capsys: pytest.CaptureFixture) -> None:
    assert main(["templates", "show", "oecd-selfscan", "--lang", "nl"]) == 0
    out = capsys.readouterr().out
    assert "==" in out and "scale:" in out and "refs:" in out
    assert main(["templates", "show", "no-such-template"]) == 2
    assert "no template 'no-such-template'" in capsys.readouterr().err


def test_validate_accepts_shipped_files(capsys: pytest.CaptureFixture) -> None:
    shipped = sorted(Path("resources/checklists").glob("*.yaml"))
    assert main(["templates", "validate", *map(str, shipped)]) == 0
    assert capsys.readouterr().out.count(": ok (") == len(shipped)


def test_validate_broken_files_exits_2_with_every_problem_and_no_traceback() -> None:
    files = sorted(str(p) for p in BROKEN.glob("*.yaml"))
    result = subprocess.run(
        [sys.executable, "-m", "ddcheck", "templates", "validate", *files],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    for name in ("yaml_syntax.yaml:5:", "unknown_scale.yaml:13:", "duplicate_item.yaml:18:",
                 "dangling_reference.yaml:15:", "unknown_condition_item.yaml:15:",
                 "wrong_type.yaml:3:"):  # fmt: skip
        assert name in result.stderr, result.stderr
    assert f"{len(files)} of {len(files)} file(s) have problems" in result.stderr


def test_schema_is_json_schema_of_the_format(capsys: pytest.CaptureFixture) -> None:
    assert main(["templates", "schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["type"] == "object"
    assert {"id", "version", "sections"} <= set(schema["properties"])
    assert "Item" in schema["$defs"] and "AnswerScale" in schema["$defs"]


def test_list_shows_the_conflict_briefing_and_the_sector_modules(
    capsys: pytest.CaptureFixture,
) -> None:
    assert main(["templates", "list", "--json"]) == 0
    rows = {row["id"]: row for row in json.loads(capsys.readouterr().out)}
    assert rows["briefing-conflict-areas"]["kind"] == "briefing"
    sectors = {i for i in rows if i.startswith("sector-")}
    assert {"sector-construction-infrastructure", "sector-agri-food"} <= sectors
    assert main(["templates", "validate", *map(str, sorted(SHIPPED.glob("*.yaml")))]) == 0


def test_new_takes_a_sector_from_the_fixed_list_and_marks_high_risk_areas(
    capsys: pytest.CaptureFixture, tmp_path: Path
) -> None:
    data = str(tmp_path / "data")
    argv = ["new", "--company", "X", "--mission", "M", "--data-dir", data, "--json"]
    code = main([*argv, "--sector", "agri-food", "--destinations", "UA,PL", "--high-risk", "UA"])
    assert code == 0
    created = json.loads(capsys.readouterr().out)
    assert {"sector-agri-food", "briefing-conflict-areas"} <= {
        t["id"] for t in created["templates"]
    }
    with pytest.raises(SystemExit) as exited:
        main([*argv, "--sector", "water technology"])
    assert exited.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
    assert main([*argv, "--destinations", "PL", "--high-risk", "UA"]) == 2
    assert "UA" in capsys.readouterr().err
