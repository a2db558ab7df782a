"""Help where the jargon is: tooltips on every chip, Help › Glossary, F1 on a question."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_CHECKLIST


def _select(controller: Any, dossier_id: str, test: Any) -> Any:
    controller.open_dossier(dossier_id)
    page = controller.window.page(PAGE_CHECKLIST)
    controller.window.show_page(PAGE_CHECKLIST)
    key = next(e.key for e in page.session.summary.entries if test(e))
    page.select(key)
    return page.panel


def test_every_chip_and_risk_choice_explains_itself(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    panel = _select(
        controller,
        saudi.id,
        lambda e: e.template.oecd_step_of(e.item) not in (None, "", "0") and e.item.required,
    )
    chips = [panel.badges.itemAt(i).widget() for i in range(panel.badges.count())]
    chips = [c for c in chips if c is not None]
    assert len(chips) >= 2
    assert all(c.toolTip() for c in chips), [c.text() for c in chips if not c.toolTip()]
    step = next(c for c in chips if c.text().startswith("OECD step"))
    assert "six steps" in step.toolTip()
    box = panel.risk.involvement
    tips = [box.itemData(i, Qt.ItemDataRole.ToolTipRole) for i in range(1, box.count())]
    assert all(t and t.startswith("Involvement:") for t in tips)


def test_source_codes_say_which_letter_they_point_to(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    panel = _select(controller, saudi.id, lambda e: any(r.expectation for r in e.item.refs))
    refs = zip(panel.references.buttons, panel.references._refs, strict=True)
    codes = [b for b, r in refs if r.expectation]
    assert codes and all(" is an expectation in “" in b.toolTip() for b in codes)


def test_risk_fields_only_where_a_risk_can_be_rated(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    panel = _select(controller, saudi.id, lambda e: e.template.scale_for(e.item).kind == "text")
    assert panel.risk_block.isHidden()
    page = controller.window.page(PAGE_CHECKLIST)
    key = next(e.key for e in page.session.summary.entries if e.item.red_flags)
    page.select(key)
    assert not page.panel.risk_block.isHidden()


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_help_glossary_is_searchable_and_f1_puts_the_questions_terms_first(
    qtbot: Any, controller: Any, saudi: Any, lang: str
) -> None:
    i18n.set_language(lang)  # type: ignore[arg-type]
    panel = _select(
        controller, saudi.id, lambda e: e.template.oecd_step_of(e.item) not in (None, "", "0")
    )
    window = controller.window
    assert window.glossary_action.shortcut().toString() == "F1"
    window.glossary_action.trigger()
    dialog = controller.glossary_dialog
    qtbot.addWidget(dialog)
    assert "oecd-step" in dialog.first and dialog.shown_terms()[0] == dialog.first[0]
    assert dialog.first == panel.term_keys()
    dialog.search.setText("ESAP")
    assert dialog.shown_terms() == ["esap"]
    assert "Action Plan" in dialog.text.toPlainText()
    dialog.search.setText("zzzz")
    assert dialog.shown_terms() == []
    dialog.close()
