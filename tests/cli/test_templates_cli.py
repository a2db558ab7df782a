"""`ddcheck templates`: list, show, validate (exit 2 with lines, no traceback) and schema."""

from __future__ import annotations

import json
import os
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


def test_hostile_template_files_end_in_one_line_refusals(tmp_path: Path) -> None:
    """A FIFO, /dev/zero, a self-reference, a 255-character id, an older version: one line."""
    from tests.catalog.test_hostile_templates import template_text

    data = tmp_path / "data"
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    itself = tmp_path / "itself.yaml"
    itself.write_text(template_text("        applies_if: {answer: i1, in: [yes]}\n"))
    long_id = tmp_path / "long.yaml"
    long_id.write_text(template_text(template_id="a" * 255))
    own = tmp_path / "own.yaml"
    own.write_text(template_text(template_id="own-list"))
    cases = {
        str(fifo): "not a regular file",
        "/dev/zero": "not a regular file",
        str(itself): "answer to itself",
        str(long_id): "at most 64 characters",
    }

    def run_cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "ddcheck", "--data-dir", str(data), "templates", *args],
            capture_output=True,
            text=True,
            timeout=60,
        )

    for file, reason in cases.items():
        result = run_cli("import", file)
        assert result.returncode == 2, result.stderr
        assert reason in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert run_cli("import", str(own)).returncode == 0
    again = tmp_path / "again.yaml"
    again.write_text(template_text(template_id="own-list").replace('en: "T"', 'en: "T2"'))
    result = run_cli("import", str(again))
    assert result.returncode == 2 and "is not newer than the version 1 in use" in result.stderr
    result = run_cli("revert", "oecd-selfscan")
    assert result.returncode == 2 and "never replaced" in result.stderr
