"""The adviser's review panel shows the adviser note under a red-flag answer, and only then."""

from __future__ import annotations

from pathlib import Path

from ddcheck.domain.applicability import item_applicability
from ddcheck.services import Workspace
from ddcheck.ui.i18n import set_language
from ddcheck.ui.pages.review_panel import ReviewPanel
from tests.services.conftest import Clock
from tests.services.exchange_helpers import filled
from tests.services.test_adviser_notes import NOTE_EN, _catalog


def test_the_note_shows_under_a_red_flag_only(qtbot, tmp_path: Path) -> None:
    set_language("en")
    catalog = _catalog()
    with (
        Workspace.open(tmp_path / "c", user="c", catalog=catalog, clock=Clock()) as company,
        Workspace.open(tmp_path / "a", user="a", catalog=catalog, clock=Clock()) as adviser,
    ):
        dossier = filled(company)
        company.export_pdf(dossier.id, tmp_path / "d.pdf", lang="en")
        received = adviser.get_received(adviser.import_file(tmp_path / "d.pdf").received_id)
        entries = {e.key: e for e in item_applicability(received.dossier, adviser.templates)}
    panel = ReviewPanel("en")
    qtbot.addWidget(panel)
    panel.show()
    panel.show_item(entries["mini/ekv-esap"], received, None, [])
    assert panel.adviser_note.isVisible()
    assert NOTE_EN in panel.adviser_note.text() and "Red flag" in panel.adviser_note.text()
    panel.show_item(entries["mini/policy"], received, None, [])
    assert not panel.adviser_note.isVisible()
