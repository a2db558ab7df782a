"""A note of 10,000 lines exports (and its review exports) with every line readable back."""

from __future__ import annotations

from pathlib import Path

from tests.report.pdf_tools import pdf_text, requires_poppler
from tests.services.exchange_helpers import filled, open_workspace

LINES = 10_000


def long_text(lines: int = LINES) -> str:
    """Return about 100,000 characters: `lines` numbered lines."""
    return "\n".join(f"r{n:05d} ok" for n in range(lines))


@requires_poppler
def test_a_10000_line_note_exports_and_reads_back(tmp_path: Path) -> None:
    note = long_text()
    assert len(note) <= 100_000
    with open_workspace(tmp_path / "ws") as ws:
        dossier = filled(ws)
        ws.answer(dossier.id, "mini", "policy", value="yes", note=note)
        out = ws.export_pdf(dossier.id, tmp_path / "d.pdf", lang="en").path
    lines = set(pdf_text(out).split())
    missing = [n for n in range(LINES) if f"r{n:05d}" not in lines]
    assert not missing, f"{len(missing)} lines missing, e.g. {missing[:3]}"


@requires_poppler
def test_a_10000_line_received_answer_and_comment_export_in_the_review(tmp_path: Path) -> None:
    text = long_text()
    with (
        open_workspace(tmp_path / "company") as company,
        open_workspace(tmp_path / "adviser", user="adviser") as adviser,
    ):
        dossier = filled(company)
        company.answer(dossier.id, "mini", "remarks", value=text, confidential=False)
        company.export_pdf(dossier.id, tmp_path / "d.pdf", lang="en")
        received = adviser.import_file(tmp_path / "d.pdf").received_id
        adviser.assess_item(received, "mini/remarks", "question", text.replace("ok", "re"))
        out = adviser.export_review_pdf(received, tmp_path / "review.pdf", lang="en").path
    words = pdf_text(out).split()
    assert sum(1 for w in words if w == "ok") == LINES
    assert sum(1 for w in words if w == "re") == LINES
