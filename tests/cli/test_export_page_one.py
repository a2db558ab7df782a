"""Page 1 is a verdict aid: figures as `ddcheck show --json` has them; near-empty is a draft."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from ddcheck.cli.main import main
from tests.report.pdf_tools import flat, pdf_text, requires_poppler

pytestmark = requires_poppler


def _json(capsys: pytest.CaptureFixture, *args: str) -> dict:
    capsys.readouterr()
    assert main(list(args)) == 0
    return json.loads(capsys.readouterr().out)


def _page(pdf: Path, number: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-raw", "-enc", "UTF-8", "-f", str(number), "-l", str(number), str(pdf), "-"],
        capture_output=True,
        check=True,
    )
    return flat(done.stdout.decode("utf-8"))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_page_one_shows_the_figures_of_show_json(
    tmp_path: Path, capsys: pytest.CaptureFixture, lang: str
) -> None:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "demo"]) == 0
    dossier_id = _json(capsys, "--data-dir", data, "list", "--json")[0]["id"]
    figures = _json(capsys, "--data-dir", data, "show", dossier_id, "--json")["readiness"]
    r = figures["adviser"]
    assert r["withheld_items"] == 1 and r["red_flags"] > 0 and r["required_unanswered"] > 0
    assert figures["internal"]["answered"] == r["answered"] + 1  # the withheld one is answered
    pdf = tmp_path / "demo.pdf"
    args = ["--data-dir", data, "export", dossier_id, "-o", str(pdf), "--lang", lang, "--force"]
    assert main(args) == 0
    page = _page(pdf, 1)
    if lang == "en":
        expected = [
            f"{r['percent']} % answered: {r['answered']} of {r['applicable']} questions",
            f"{r['required_unanswered']} required questions unanswered",
            f"{r['red_flags']} red flags, {r['red_flags_without_action']} without an action",
            f"{r['open_high_actions']} open high-priority actions",
            f"{r['withheld_items']} question withheld",
            f"{r['evidence_files']} evidence files",
            f"Not ready for review: {r['required_unanswered']} required questions unanswered",
        ]
    else:
        expected = [
            f"{r['percent']} % beantwoord: {r['answered']} van {r['applicable']} vragen",
            f"{r['required_unanswered']} verplichte vragen onbeantwoord",
            f"{r['red_flags']} rode vlaggen, {r['red_flags_without_action']} zonder actie",
            f"{r['open_high_actions']} open acties met hoge prioriteit",
            f"{r['withheld_items']} vraag achtergehouden",
            f"{r['evidence_files']} bewijsstukken",
            "Nog niet klaar voor beoordeling:",
        ]
    squeezed = "".join(page.split())  # pdftotext -raw drops the space after a larger figure
    for phrase in expected:
        assert "".join(phrase.split()) in squeezed, phrase
    assert "(SHA-256)" in page and "CONCEPT" not in page and "DRAFT" not in page


@pytest.mark.parametrize(
    ("lang", "mark"), [("nl", "CONCEPT — ONVOLLEDIG"), ("en", "DRAFT — INCOMPLETE")]
)
def test_a_near_empty_dossier_is_marked_draft_on_every_page(
    tmp_path: Path, capsys: pytest.CaptureFixture, lang: str, mark: str
) -> None:
    data = str(tmp_path / "ws")
    args = ["--data-dir", data, "new", "--company", "Leeg B.V.", "--mission", "Missie"]
    assert main([*args, "--destinations", "SA"]) == 0
    dossier_id = _json(capsys, "--data-dir", data, "list", "--json")[0]["id"]
    r = _json(capsys, "--data-dir", data, "show", dossier_id, "--json")["readiness"]["adviser"]
    assert r["answered"] == 0 and r["draft"] and r["status"] == "draft"
    pdf = tmp_path / "empty.pdf"
    out = ["--data-dir", data, "export", dossier_id, "-o", str(pdf), "--lang", lang, "--force"]
    assert main(out) == 0
    pages = pdf_text(pdf).split("\f")[:-1]
    assert len(pages) > 3
    for page in pages:
        assert mark in flat(page)
    first = flat(pages[0])
    assert (
        f"0 van {r['applicable']} vragen beantwoord (0 %)" in first
        if lang == "nl"
        else f"0 of {r['applicable']} questions answered (0 %)" in first
    )
    assert main(["verify", str(pdf)]) == 0
