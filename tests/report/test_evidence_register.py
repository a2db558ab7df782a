"""The evidence register's table: a page breaks between rows, unless a row could outgrow a page."""

from __future__ import annotations

from pathlib import Path

from ddcheck.domain.redaction import redact
from ddcheck.report.builder import make_context
from ddcheck.report.evidence_register import register_story
from ddcheck.report.paged_table import PageTopTable
from tests.factories import filled_dossier, make_snapshot, synthetic_template
from tests.report.pdf_tools import export, flat, pdf_text, requires_poppler
from tests.report.story_tools import FAKE_FINGERPRINT


def _snapshot(note: str = ""):
    template = synthetic_template(sections=3, items_per_section=40)
    templates = {template.id: template}
    dossier = filled_dossier(templates)
    first = dossier.evidence[0].model_copy(update={"note": note})
    dossier = dossier.model_copy(update={"evidence": [first, *dossier.evidence[1:]]})
    return make_snapshot(dossier, templates)


def _chunks(snapshot) -> list[PageTopTable]:
    ctx = make_context(redact(snapshot, "adviser"), "en", FAKE_FINGERPRINT)
    return [f for f in register_story(ctx) if isinstance(f, PageTopTable)]


def test_short_rows_stay_whole_so_a_hash_is_never_cut_by_a_page() -> None:
    chunks = _chunks(_snapshot("Signed by the director."))
    assert chunks and not any(c._split_in_row for c in chunks)


@requires_poppler
def test_a_note_longer_than_a_page_may_split_and_the_export_still_works(tmp_path: Path) -> None:
    note = " ".join(f"Paragraph {n} of the auditor's remarks on this document." for n in range(900))
    snapshot = _snapshot(note)
    assert all(c._split_in_row for c in _chunks(snapshot))
    path, _result = export(snapshot, tmp_path)
    text = flat(pdf_text(path))
    assert "Paragraph 0 of the auditor" in text and "Paragraph 899 of the auditor" in text
