"""Workbooks ddcheck writes open in LibreOffice (headless), and a hand-out LibreOffice saved
imports back. Skipped where LibreOffice (soffice) is not installed; .ci/run installs it."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
from pathlib import Path

import openpyxl
import pytest

from ddcheck.cli.main import main

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
pytestmark = pytest.mark.skipif(
    SOFFICE is None,
    reason="LibreOffice (soffice) is not installed here: apt-get install "
    "libreoffice-calc-nogui (.ci/run installs it; about 85 MB, under a minute)",
)
# every sheet (-1), comma-separated, UTF-8 (76), text quoted
ALL_SHEETS_CSV = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1"


def _soffice(tmp_path: Path, target: str, source: Path, out: Path) -> None:
    """Convert `source` with LibreOffice into `out`, with a profile inside tmp_path."""
    assert SOFFICE is not None
    profile = (tmp_path / "lo-profile").as_uri()
    command = [SOFFICE, "--headless", "--norestore", f"-env:UserInstallation={profile}"]
    command += ["--convert-to", target, "--outdir", str(out), str(source)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=180, check=False)
    assert done.returncode == 0, done.stderr


def _sheets(tmp_path: Path, source: Path) -> dict[str, list[list[str]]]:
    """Return every sheet of `source` as LibreOffice reads it, by sheet name."""
    out = tmp_path / f"csv-{source.name}"
    _soffice(tmp_path, ALL_SHEETS_CSV, source, out)
    sheets = {}
    for path in sorted(out.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            sheets[path.stem.removeprefix(source.stem + "-")] = list(csv.reader(handle))
    assert sheets, f"LibreOffice wrote no CSV for {source.name}"
    return sheets


def _run(capsys: pytest.CaptureFixture, *args: str) -> str:
    capsys.readouterr()
    assert main(list(args)) == 0, capsys.readouterr().err
    return capsys.readouterr().out


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture) -> tuple[str, str]:
    data = str(tmp_path / "ws")
    _run(capsys, "--data-dir", data, "demo", "--lang", "en")
    dossier_id = json.loads(_run(capsys, "--data-dir", data, "list", "--json"))[0]["id"]
    return data, dossier_id


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_exported_workbook_reads_in_libreoffice_with_text_staying_text(
    demo: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture, suffix: str
) -> None:
    data, dossier_id = demo
    shown = json.loads(_run(capsys, "--data-dir", data, "show", dossier_id, "--json"))
    item = next(i for i in shown["items"] if not i["confidential"])
    _run(capsys, "--data-dir", data, "answer", dossier_id, item["key"], "--note==1+1")
    book = tmp_path / f"d{suffix}"
    _run(
        capsys, "--data-dir", data, "export", dossier_id, "-o", str(book), "--audience", "internal"
    )
    sheets = _sheets(tmp_path, book)
    assert len(sheets) >= 3
    cover = {row[0]: row[1] for row in sheets[next(iter(sorted(sheets)))] if len(row) > 1}
    assert shown["company"]["name"] in cover.values() or any(
        shown["company"]["name"] in row for rows in sheets.values() for row in rows
    )
    cells = [cell for rows in sheets.values() for row in rows for cell in row]
    assert "=1+1" in cells  # text, not a formula that LibreOffice would compute to 2
    assert any(item["question"][:30] in cell for cell in cells)


def test_overview_workbook_reads_in_libreoffice(
    demo: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data, _ = demo
    book = tmp_path / "o.xlsx"
    _run(capsys, "--data-dir", data, "overview", "--xlsx", str(book))
    sheets = _sheets(tmp_path, book)
    header = next(iter(sheets.values()))[0]
    assert "company" in header and "dossier_id" in header


def test_handout_saved_by_libreoffice_imports_back(
    demo: tuple[str, str], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    data, dossier_id = demo
    handout = tmp_path / "h.xlsx"
    args = ("handout", dossier_id, "--section", "step-2", "--to", "Fatima Haddad")
    _run(capsys, "--data-dir", data, *args, "-o", str(handout))
    sheets = _sheets(tmp_path, handout)
    assert {"Questions", "ddcheck", "lists"} <= set(sheets)
    book = openpyxl.load_workbook(handout)
    ws = book["Questions"]
    key = ws["A2"].value
    ws["F2"] = "Filled in with LibreOffice"
    filled = tmp_path / "filled" / "h.xlsx"
    filled.parent.mkdir()
    book.save(filled)
    resaved = tmp_path / "resaved"
    _soffice(tmp_path, "xlsx", filled, resaved)  # as if the colleague saved it in LibreOffice
    out = _run(capsys, "--data-dir", data, "import", str(resaved / "h.xlsx"))
    assert "Fatima Haddad" in out and key in out
    shown = json.loads(_run(capsys, "--data-dir", data, "show", dossier_id, "--json"))
    assert {i["key"]: i["note"] for i in shown["items"]}[key] == "Filled in with LibreOffice"
