"""`ddcheck mission new` and `list`: a mission with a stable id, participants from a CSV."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddcheck.cli.main import main

NEW = [
    "mission",
    "new",
    "--name",
    "Handelsmissie Saoedi-Arabië 2027",
    "--name-en",
    "Trade mission Saudi Arabia 2027",
    "--destinations",
    "SA,AE",
    "--start",
    "2027-02-01",
    "--end",
    "2027-02-05",
    "--deadline",
    "2027-01-15",
    "--checklist",
    "briefing-saudi-gulf",
]


def _run(capsys, data: Path, *args: str) -> tuple[int, str, str]:
    code = main(["--data-dir", str(data), *args])
    out = capsys.readouterr()
    return code, out.out, out.err


def test_new_prints_the_id_and_list_shows_the_mission(tmp_path: Path, capsys) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text("bedrijf;kvk\nAlfa BV;12345678\nBeta BV;8765 4321\n", encoding="utf-8")
    code, out, err = _run(capsys, tmp_path / "ws", *NEW, "--participants", str(csv))
    assert code == 0, err
    ident = out.strip()
    code, out, _ = _run(capsys, tmp_path / "ws", "mission", "list", "--json")
    [mission] = json.loads(out)
    assert mission["id"] == ident
    assert mission["destinations"] == ["SA", "AE"]
    assert mission["checklists"] == [{"id": "briefing-saudi-gulf", "version": 2}]
    assert [p["kvk_number"] for p in mission["participants"]] == ["12345678", "87654321"]


def test_a_bad_participants_file_names_every_bad_line_and_stores_nothing(
    tmp_path: Path, capsys
) -> None:
    csv = tmp_path / "p.csv"
    csv.write_text("Alfa,1234\n,12345678\nA,B,C\nX,11111111\nY,11111111\n", encoding="utf-8")
    code, _, err = _run(capsys, tmp_path / "ws", *NEW, "--participants", str(csv))
    assert code == 2
    for number in (1, 2, 3, 5):
        assert f"line {number}:" in err
    assert _run(capsys, tmp_path / "ws", "mission", "list", "--json")[1].strip() == "[]"


@pytest.mark.parametrize(
    "change",
    [
        ["--destinations", "XX"],
        ["--end", "2027-01-01"],
        ["--checklist", "no-such-checklist"],
    ],
)
def test_a_bad_mission_is_refused_in_one_line(tmp_path: Path, capsys, change) -> None:
    code, _, err = _run(capsys, tmp_path / "ws", *NEW, *change)
    assert code == 2
    assert len(err.strip().splitlines()) == 1


def test_a_participants_file_that_is_not_a_regular_file_is_refused(tmp_path: Path, capsys) -> None:
    code, _, err = _run(capsys, tmp_path / "ws", *NEW, "--participants", "/dev/zero")
    assert code == 2 and "regular file" in err
