"""Errors the workspace words in Dutch reach the Dutch UI in Dutch (saving, commands, exports)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_CHECKLIST
from tests.ui.test_with_workspace import create_saudi

TRASHED_NL = "Dit dossier staat in de prullenbak; zet het terug voordat u het wijzigt."


def _dutch_controller(qtbot: Any, make_ctx: Any, real_ws: Any) -> Any:
    from ddcheck.ui.controller import Controller

    i18n.set_language("nl")
    ctrl = Controller(make_ctx(real_ws), i18n.set_language)
    window = ctrl.start()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return ctrl


def test_a_refused_save_says_why_in_dutch(
    qtbot: Any, make_ctx: Any, real_ws: Any, prompts: Any
) -> None:
    dossier = create_saudi(real_ws)
    ctrl = _dutch_controller(qtbot, make_ctx, real_ws)
    ctrl.open_dossier(dossier.id)
    page = ctrl.window.page(PAGE_CHECKLIST)
    key = next(
        e.key for e in page.session.summary.entries if e.template.scale_for(e.item).kind == "single"
    )
    page.select(key)
    real_ws.delete_dossier(dossier.id)  # trashed behind the open window's back
    button = page.panel.editor._buttons[0]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert ("error", TRASHED_NL) in prompts.asked
    assert ctrl.window.saved.text() == f"Niet opgeslagen: {TRASHED_NL}"
    assert page.session.answer(key) is None


def test_a_refused_dossier_command_says_why_in_dutch(
    qtbot: Any, make_ctx: Any, real_ws: Any, prompts: Any
) -> None:
    dossier = create_saudi(real_ws)
    ctrl = _dutch_controller(qtbot, make_ctx, real_ws)
    real_ws.delete_dossier(dossier.id)
    prompts.texts.append("Riyad 2028")
    ctrl.commands.rename(dossier.id)
    assert prompts.asked[-1] == ("error", TRASHED_NL)


def test_a_failed_pdf_export_says_why_in_dutch(
    qtbot: Any, make_ctx: Any, real_ws: Any, prompts: Any, tmp_path: Any
) -> None:
    from PySide6.QtWidgets import QPushButton, QWidget

    from ddcheck.ui.exporting import write_pdf_in_background

    i18n.set_language("nl")
    parent = QWidget()
    qtbot.addWidget(parent)
    button = QPushButton(parent)
    states: list[tuple[str, str]] = []
    write_pdf_in_background(
        make_ctx(real_ws),
        parent,
        button,
        tmp_path / "review.pdf",
        lambda ws, _path: ws.get_received("nope"),
        lambda kind, text: states.append((kind, text)),
    )
    qtbot.waitUntil(button.isEnabled, timeout=10000)
    gone = "Er is geen ontvangen dossier 'nope'."
    assert prompts.asked[-1] == ("error", gone)
    assert states[-1] == ("error", f"De export is mislukt: {gone}")
