"""Benchmark: a 100,000-character note with 10,000 or 50,000 line breaks, against bare reportlab
laying out the same characters as one paragraph (line breaks as spaces).

Layout used to be quadratic in the number of lines: one paragraph of thousands of lines is
wrapped again for every page it is split over. ddcheck now sets long user text as paragraphs of
40 lines (`UserParagraphs.blocks`), so its time grows with the text like the bare paragraph's.
Run with `pytest tests/benchmarks/test_long_notes.py -s`.
"""

from __future__ import annotations

import io
import time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate

from ddcheck.report.review_pdf import Writer
from ddcheck.report.styles import FONT
from tests.services.exchange_helpers import filled, open_workspace

CHARACTERS = 100_000


def note_of(lines: int) -> str:
    """Return about 100,000 characters in `lines` lines of words."""
    width = CHARACTERS // lines - 1
    words = ("due diligence supplier audit " * (width // 29 + 1))[:width]
    return "\n".join(words for _ in range(lines))


def _bare(text: str) -> tuple[float, int]:
    style = ParagraphStyle("plain", fontName=FONT, fontSize=9.5, leading=13)
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    start = time.process_time()
    doc.build([Paragraph(text.replace("\n", " "), style)])
    return time.process_time() - start, doc.page


def _ours(text: str) -> tuple[float, int]:
    writer = Writer()
    doc = SimpleDocTemplate(io.BytesIO(), pagesize=A4)
    start = time.process_time()
    doc.build(writer.paras(text, "body"))
    return time.process_time() - start, doc.page


@pytest.mark.parametrize("lines", [10_000, 50_000])
def test_layout_of_a_long_note_against_one_bare_paragraph(lines: int, tmp_path: Path) -> None:
    text = note_of(lines)
    Writer()  # registers the report's fonts for the bare run too
    bare, bare_pages = min(_bare(text) for _ in range(3))
    ours, our_pages = min(_ours(text) for _ in range(3))
    with open_workspace(tmp_path / "ws") as ws:
        dossier = filled(ws)
        ws.answer(dossier.id, "mini", "policy", value="yes", note=text)
        started = time.perf_counter()
        pages = ws.export_pdf(dossier.id, tmp_path / "d.pdf", lang="en").pages
        export = time.perf_counter() - started
    print(
        f"\n{lines} lines, {len(text)} characters (CPU time, best of 3): ddcheck's paragraphs "
        f"{ours:.2f} s for {our_pages} pages; bare reportlab, one paragraph {bare:.2f} s for "
        f"{bare_pages} pages; ratio {ours / bare:.2f} (per page "
        f"{(ours / our_pages) / (bare / bare_pages):.2f}); whole export {export:.1f} s wall, "
        f"{pages} pages"
    )
    assert export < 60
