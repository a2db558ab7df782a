"""A number typed the way the reader writes it is stored as that number and never lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_CHECKLIST
from tests.ui.test_with_workspace import create_saudi


def _number_item(controller: Any) -> str:
    return next(
        e.key
        for e in controller.session.summary.entries
        if e.template.scale_for(e.item).kind == "number"
    )


def _stored(workspace: Any, dossier_id: str, key: str) -> Any:
    answer = workspace.get_dossier(dossier_id).answer(*key.split("/"))
    return answer.value if answer else None


def test_typing_12_500_000_in_dutch_stores_twelve_and_a_half_million(
    qtbot: Any, real_controller: Any, real_ws: Any
) -> None:
    i18n.set_language("nl")
    dossier = create_saudi(real_ws)
    real_controller.open_dossier(dossier.id)
    real_controller.session.lang = "nl"
    page = real_controller.window.page(PAGE_CHECKLIST)
    key = _number_item(real_controller)
    page.select(key)
    field = page.panel.editor.findChild(QLineEdit)
    field.setFocus()
    qtbot.keyClicks(field, "12.500.000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: _stored(real_ws, dossier.id, key) == 12_500_000)
    page.select(key)
    assert page.panel.editor.findChild(QLineEdit).text() == "12.500.000"

    field = page.panel.editor.findChild(QLineEdit)
    field.selectAll()
    qtbot.keyClicks(field, "twaalf miljoen")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.wait(700)
    assert field.property("problem") is True  # marked next to the field, not saved
    assert _stored(real_ws, dossier.id, key) == 12_500_000  # the saved value stays
