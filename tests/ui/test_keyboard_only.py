"""A keyboard-only user answers items, adds an action and exports, never touching the mouse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.test_with_workspace import create_saudi

CTRL = Qt.KeyboardModifier.ControlModifier


def focused() -> QWidget:
    """Return the widget the keyboard is on."""
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def keep_window_active(qtbot: Any, window: QWidget) -> None:
    """Give the window back the activation the offscreen platform drops while the app saves.

    A real desktop keeps the window active; Qt then returns the focus to the widget that had it.
    """
    if QApplication.activeWindow() is None:
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


def press(
    qtbot: Any, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """Press a key where the keyboard focus is, as a person does."""
    qtbot.keyClick(focused(), key, modifier)


def tab_to(qtbot: Any, target: QWidget, limit: int = 60) -> None:
    """Press Tab until `target` has the focus (fails if it is never reached: a trap or a gap)."""
    for _ in range(limit):
        if focused() is target:
            return
        press(qtbot, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {type(target).__name__}")


def test_answer_add_an_action_and_export_with_the_keyboard_alone(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    from ddcheck.ui.main_window import PAGE_ACTIONS, PAGE_CHECKLIST

    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    window = real_controller.window
    dossiers = window.dossiers
    tab_to(qtbot, dossiers.list.table)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: real_controller.session is not None)
    page = window.page(PAGE_CHECKLIST)
    first = page.current_key()
    assert page.panel.isAncestorOf(focused()), "focus goes to the first open question"

    qtbot.keyClicks(focused(), "Pumps and water treatment")  # the first question asks in words
    qtbot.waitUntil(lambda: real_ws.get_dossier(dossier.id).answer(*first.split("/")) is not None)
    keep_window_active(qtbot, window)
    assert page.panel.isAncestorOf(focused()), "saving keeps the keyboard on the answer"
    press(qtbot, Qt.Key.Key_J, CTRL)  # next open question
    second = page.current_key()
    assert second != first
    page.focus_answer()
    press(qtbot, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: real_ws.get_dossier(dossier.id).answer(*second.split("/")) is not None)
    keep_window_active(qtbot, window)

    press(qtbot, Qt.Key.Key_4, CTRL)  # the action plan
    actions = window.page(PAGE_ACTIONS)
    before = len(real_ws.get_dossier(dossier.id).actions)

    def fill_in(dialog: Any) -> Any:
        """The real action editor, filled in with keys alone."""
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget()))
        assert focused() is dialog.what, "the form opens on its first field"
        press(qtbot, Qt.Key.Key_A, CTRL)
        qtbot.keyClicks(focused(), "Train the site managers on recruitment fees")
        tab_to(qtbot, dialog.owner)
        qtbot.keyClicks(focused(), "Anna de Vries")
        press(qtbot, Qt.Key.Key_Return)  # the default button: OK
        assert dialog.result() == dialog.DialogCode.Accepted
        return dialog.result_value()

    prompts.action_editor = fill_in
    tab_to(qtbot, actions.new_button)
    press(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: len(real_ws.get_dossier(dossier.id).actions) == before + 1)
    added = real_ws.get_dossier(dossier.id).actions[-1]
    assert added.action == "Train the site managers on recruitment fees"
    assert added.owner == "Anna de Vries"

    target = tmp_path / "out" / "keyboard.pdf"
    target.parent.mkdir()
    keep_window_active(qtbot, window)
    dialogs: list[Any] = []
    prompts.export_handler = dialogs.append  # the fake shows the dialog; the real one runs exec()
    press(qtbot, Qt.Key.Key_E, CTRL)
    qtbot.waitUntil(lambda: bool(dialogs))
    export = dialogs[0]
    export.activateWindow()
    qtbot.waitUntil(lambda: export.isAncestorOf(QApplication.focusWidget()))
    tab_to(qtbot, export.path)
    press(qtbot, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(focused(), str(target))
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(target.is_file, timeout=60000)
    assert target.read_bytes().startswith(b"%PDF")
