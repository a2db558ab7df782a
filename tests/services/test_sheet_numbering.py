"""Workbooks and hand-outs number items as the PDF does (OECD step 6 is 1.6.x, not 1.7.x)."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from ddcheck.domain.redaction import redact
from ddcheck.exchange.workbook import dossier_workbook
from ddcheck.report.builder import make_context
from ddcheck.services.demo import build_demo
from ddcheck.services.workspace import Workspace


def test_workbook_and_handout_numbers_are_the_pdfs(tmp_path: Path) -> None:
    with Workspace.open(tmp_path / "ws") as ws:
        dossier = build_demo(ws, lang="en")
        snapshot = ws.snapshot(dossier.id)
        pdf_numbers = make_context(redact(snapshot, "internal"), "en", "0" * 64).numbers
        oecd = snapshot.templates["oecd-selfscan"]
        step = next(s for s in oecd.sections if s.title.en.startswith("6."))
        out = tmp_path / "h.xlsx"
        ws.write_handout(dossier.id, out, to="Fatima", sections=[step.id], lang="en")
    sheets = dossier_workbook(redact(snapshot, "internal"), "en")
    seen = {}
    for sheet in sheets[1:-2]:
        for row in sheet.rows[1:]:
            key = next(k for k in pdf_numbers if k.endswith(f"/{row[1]}"))
            seen[key] = row[0]
    assert seen and all(pdf_numbers[k] == n for k, n in seen.items())
    past_harm = pdf_numbers["oecd-selfscan/s6-past-harm"]
    assert past_harm.split(".")[1] == "6"
    questions = openpyxl.load_workbook(out)["Questions"]
    rows = {questions[f"A{r}"].value: r for r in range(2, questions.max_row + 1)}
    assert rows
    for key, r in rows.items():
        assert str(questions[f"C{r}"].value).startswith(f"{pdf_numbers[key]} "), key
        assert str(questions[f"B{r}"].value).startswith(past_harm.rsplit(".", 1)[0] + " ")
