"""The item panel: confidential, review, risk, real drag and drop, references, greyed items."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

from ddcheck.domain.dossier import Risk
from ddcheck.ui.main_window import PAGE_CHECKLIST, PAGE_HISTORY
from ddcheck.ui.pages.history import COL_NEW


def open_item(controller: Any, dossier_id: str, scale: str = "status") -> Any:
    controller.open_dossier(dossier_id)
    page = controller.window.page(PAGE_CHECKLIST)
    key = next(
        e.key for e in page.session.summary.entries if e.template.scale_for(e.item).id == scale
    )
    page.select(key)
    return page


def test_confidential_review_and_risk_are_saved(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    page = open_item(controller, saudi.id)
    panel = page.panel
    template_id, item_id = panel.key.split("/")
    qtbot.mouseClick(panel.confidential, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(panel.review, Qt.MouseButton.LeftButton)
    panel.risk.severity.setCurrentIndex(4)
    panel.risk.severity.activated.emit(4)
    panel.risk.likelihood.setCurrentIndex(2)
    panel.risk.likelihood.activated.emit(2)
    panel.risk.involvement.setCurrentIndex(panel.risk.involvement.findData("contribute"))
    panel.risk.involvement.activated.emit(panel.risk.involvement.currentIndex())
    answer = fake_ws.dossiers[saudi.id].answer(template_id, item_id)
    assert answer.confidential and answer.review
    assert answer.risk == Risk(severity=4, likelihood=2, involvement="contribute")
    controller.window.undo_action.trigger()
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).risk.involvement is None


def test_a_real_drop_of_a_file_attaches_it(
    qtbot: Any, controller: Any, saudi: Any, tmp_path: Path
) -> None:
    page = open_item(controller, saudi.id)
    doc = tmp_path / "Supplier code of conduct.pdf"
    doc.write_bytes(b"%PDF-1.4 code")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(doc))])
    target = page.panel.evidence
    enter = QDragEnterEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    assert QApplication.sendEvent(target, enter) and enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, drop)
    assert [e.name for e in page.session.evidence_for(page.panel.key)] == [
        "Supplier code of conduct.pdf"
    ]


def test_justification_is_asked_for_when_the_answer_needs_it(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    page = open_item(controller, saudi.id, scale="ifc_result")
    panel = page.panel
    assert panel.justification.isHidden()
    panel.editor.option_button("partly").click()
    assert not page.panel.justification.isHidden()
    assert page.panel.note.property("invalid") is True
    qtbot.keyClicks(page.panel.note, "Waiting for the contractor's worker welfare plan")
    page.panel.flush()
    assert page.panel.justification.isHidden()


def test_reference_shows_the_expectation_with_its_citation(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    page = open_item(controller, saudi.id)
    entry = page.session.entry(page.panel.key)
    refs = page.panel.references
    index = next((i for i, r in enumerate(entry.item.refs) if r.expectation), 0)
    refs.buttons[index].click()
    assert refs.detail.isVisibleTo(refs)
    ref = entry.item.refs[index]
    if ref.expectation:
        expectation = page.session.registry.expectation(ref.expectation)
        assert expectation.citation.en in refs.detail.text()
    refs.buttons[index].click()
    assert not refs.detail.isVisibleTo(refs)


def test_items_that_do_not_apply_are_greyed_with_the_reason(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    controller.open_dossier(saudi.id)
    page = controller.window.page(PAGE_CHECKLIST)
    hidden = next((e for e in page.session.entries if not e.applies), None)
    assert hidden is not None, "the Saudi dossier has conditional items"
    page.select(hidden.key)
    assert page.panel.not_applicable.isVisibleTo(page.panel)
    assert hidden.reason in page.panel.not_applicable.text()
    assert not page.panel.editor.isEnabled()
    assert not page.panel.choose_number(1)


def test_history_lists_changes_in_words_and_leads_to_the_item(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    page = open_item(controller, saudi.id)
    key = page.panel.key
    page.panel.choose_number(2)
    controller.window.show_page(PAGE_HISTORY)
    history = controller.window.page(PAGE_HISTORY)
    assert history.model.rowCount() >= 1
    texts = [history.model.index(r, COL_NEW).data() for r in range(history.model.rowCount())]
    assert "Partly" in texts
    row = texts.index("Partly")
    history.table.doubleClicked.emit(history.model.index(row, 1))
    assert controller.window.current_page() == PAGE_CHECKLIST
    assert controller.window.page(PAGE_CHECKLIST).current_key() == key


def test_the_first_item_of_a_section_shows_the_section_intro(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    controller.open_dossier(saudi.id)
    page = controller.window.page(PAGE_CHECKLIST)
    entry = next(e for e in page.session.entries if e.section.intro is not None)
    page.select(entry.section.items[0] and f"{entry.template.id}/{entry.section.items[0].id}")
    assert entry.section.intro.en in page.panel.intro.text()
    second = entry.section.items[1] if len(entry.section.items) > 1 else None
    if second is not None:
        page.select(f"{entry.template.id}/{second.id}")
        assert page.panel.intro.isHidden()


def test_the_advisers_comment_on_an_item_is_shown(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    from ddcheck.domain.dossier import ItemReview, Review

    controller.open_dossier(saudi.id)
    key = controller.session.summary.entries[0].key
    template_id, item_id = key.split("/")
    fake_ws.dossiers[saudi.id].reviews.append(
        Review(
            id="r1",
            items=[
                ItemReview(
                    template_id=template_id,
                    item_id=item_id,
                    assessment="question",
                    comment="Which agency recruits the drivers?",
                )
            ],
        )
    )
    controller.open_dossier(saudi.id)
    page = controller.window.page(PAGE_CHECKLIST)
    page.select(key)
    assert (
        page.panel.adviser.text() == "Adviser: has a question. Which agency recruits the drivers?"
    )
    assert not page.panel.adviser.isHidden()
