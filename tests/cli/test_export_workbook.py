"""`ddcheck export -o FILE.xlsx|FILE.ods`: answers as `show --json`, no confidential text for the
adviser, every text cell text (never a formula)."""

from __future__ import annotations

import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ddcheck.cli.main import main


def _json(capsys: pytest.CaptureFixture, *args: str) -> object:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def demo(tmp_path: Path, capsys: pytest.CaptureFixture) -> tuple[str, str]:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "demo", "--lang", "en"]) == 0
    dossier_id = _json(capsys, "--data-dir", data, "list", "--json")[0]["id"]
    return data, dossier_id


def _xml(path: Path) -> str:
    with zipfile.ZipFile(path) as archive:
        return "".join(archive.read(n).decode("utf-8", "replace") for n in archive.namelist())


def _answers(path: Path) -> dict[str, object]:
    """Return item id -> answer cell of every checklist sheet (column B: id, E: answer)."""
    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    found = {}
    for ws in book.worksheets[1:-2]:
        rows = list(ws.iter_rows(values_only=True))
        for row in rows[1:]:
            found[f"{ws.title}|{row[1]}"] = row[4]
    return found


@pytest.mark.parametrize("suffix", [".xlsx", ".ods"])
def test_adviser_workbook_withholds_confidential_text_and_matches_show_json(
    demo, tmp_path: Path, capsys: pytest.CaptureFixture, suffix: str
) -> None:
    data, dossier_id = demo
    shown = _json(capsys, "--data-dir", data, "show", dossier_id, "--json")
    secrets = [i["note"][:40] for i in shown["items"] if i["confidential"] and i["note"]]
    assert secrets
    adviser = tmp_path / f"adviser{suffix}"
    args = ["--data-dir", data, "export", dossier_id, "-o", str(adviser), "--force"]
    assert main(args) == 0
    assert "sheets, adviser, en" in capsys.readouterr().out
    xml = _xml(adviser)
    for secret in secrets:
        assert secret not in xml
        assert json.dumps(secret)[1:-1] not in xml
    internal = tmp_path / f"internal{suffix}"
    args = ["--data-dir", data, "export", dossier_id, "-o", str(internal), "--audience", "internal"]
    assert main(args) == 0
    assert any(secret.split()[0] in _xml(internal) for secret in secrets)


def test_xlsx_answers_match_show_json(demo, tmp_path: Path, capsys) -> None:
    data, dossier_id = demo
    shown = _json(capsys, "--data-dir", data, "show", dossier_id, "--json")
    out = tmp_path / "d.xlsx"
    assert (
        main(["--data-dir", data, "export", dossier_id, "-o", str(out), "--audience", "internal"])
        == 0
    )
    book = openpyxl.load_workbook(out, read_only=True, data_only=True)
    cells = {}
    for ws in book.worksheets[1:-2]:
        for row in list(ws.iter_rows(values_only=True))[1:]:
            cells.setdefault(row[1], []).append(row[4])
    assert len(shown["items"]) == sum(len(v) for v in cells.values())
    for item in shown["items"]:
        written = cells[item["item"]]
        expected = item["value_label"] or None
        assert any(str(w) == expected if w is not None else expected is None for w in written), item
    cover = dict(book.worksheets[0].iter_rows(values_only=True))
    progress = shown["progress"]
    assert cover["Answered / applicable"] == f"{progress['answered']} / {progress['total']}"
    assert cover["Red flags"] == len(shown["red_flags"])


def test_text_cells_beginning_like_a_formula_stay_text(demo, tmp_path: Path, capsys) -> None:
    data, dossier_id = demo
    shown = _json(capsys, "--data-dir", data, "show", dossier_id, "--json")
    items = [i for i in shown["items"] if not i["confidential"]][:4]
    hostile = ['=HYPERLINK("http://evil.example","x")', "+1+1", "-2+3", "@SUM(A1)"]
    for item, text in zip(items, hostile, strict=True):
        assert main(["--data-dir", data, "answer", dossier_id, item["key"], f"--note={text}"]) == 0
    out = tmp_path / "f.xlsx"
    assert (
        main(["--data-dir", data, "export", dossier_id, "-o", str(out), "--audience", "internal"])
        == 0
    )
    book = openpyxl.load_workbook(out)  # not read-only: keeps formulas as formulas
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    texts = [c for c in cells if isinstance(c.value, str) and c.value[:1] in "=+-@"]
    assert all(c.data_type == "s" for c in texts)


def test_soffice_opens_the_workbooks(demo, tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice is not installed")
    data, dossier_id = demo
    for suffix in (".xlsx", ".ods"):
        out = tmp_path / f"d{suffix}"
        assert main(["--data-dir", data, "export", dossier_id, "-o", str(out), "--force"]) == 0
        subprocess.run(
            [
                soffice,
                "--headless",
                "--convert-to",
                "csv",
                "--outdir",
                str(tmp_path / suffix[1:]),
                str(out),
            ],
            check=True,
            timeout=180,
            capture_output=True,
            env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"},
        )
        csv = next((tmp_path / suffix[1:]).glob("*.csv")).read_text("utf-8", "replace")
        assert "Company" in csv
