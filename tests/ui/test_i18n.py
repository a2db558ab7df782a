"""Dutch and English: every UI string has a Dutch translation, and switching rebuilds the window."""

from __future__ import annotations

import ast
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QApplication, QDialogButtonBox

from ddcheck import paths
from ddcheck.domain.language import pick_language
from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_ACTIONS
from ddcheck.ui.translators import Translators

UI_DIR = Path(i18n.__file__).parent


def ui_strings() -> set[str]:
    found: set[str] = set()
    for path in UI_DIR.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name)
                and node.func.id in ("tr", "tr_n")
            ):
                # a plural is one catalog entry, found by its singular
                found.update(a.value for a in node.args[:1] if isinstance(a, ast.Constant))
    return found


def test_every_ui_string_has_a_dutch_translation_with_the_same_fields() -> None:
    from ddcheck.domain.vocabulary import vocabulary

    dutch = vocabulary("nl", paths.resources_dir() / "i18n")
    strings = ui_strings()
    assert len(strings) > 200
    missing = sorted(s for s in strings if not dutch.knows(s))
    assert missing == []
    import string

    def fields(text: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(text) if f}

    assert [s for s in strings if fields(s) != fields(dutch(s))] == []


def test_tr_translates_and_fills_fields() -> None:
    i18n.set_language("nl")
    assert i18n.tr("{a} of {n} answered", a=3, n=10) == "3 van 10 beantwoord"
    assert i18n.tr("A sentence nobody translated") == "A sentence nobody translated"
    i18n.set_language("en")
    assert i18n.tr("{a} of {n} answered", a=3, n=10) == "3 of 10 answered"


def test_system_language_picks_dutch_only_for_dutch() -> None:
    assert pick_language(["nl-NL", "en-US"]) == "nl"
    assert pick_language(["nl_BE"]) == "nl"
    assert pick_language(["de-DE", "nl-NL"]) == "nl"
    assert pick_language(["en-GB", "nl-NL"]) == "en"
    assert pick_language(["C"]) == "en"


def test_qt_dialog_buttons_are_dutch_with_qtbase_nl(qtbot: Any) -> None:
    translators = Translators(QApplication.instance())  # type: ignore[arg-type]
    try:
        translators.apply("nl")
        box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Cancel | QDialogButtonBox.StandardButton.Ok
        )
        qtbot.addWidget(box)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Annuleren"
    finally:
        translators.apply("en")
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_switching_language_in_settings_rebuilds_the_window_and_keeps_the_dossier(
    qtbot: Any, controller: Any, saudi: Any, prompts: Any
) -> None:
    controller.open_dossier(saudi.id)
    controller.window.show_page(PAGE_ACTIONS)
    old = controller.window
    prompts.settings_choice = "nl"
    controller.window.settings_action.trigger()
    window = controller.window
    qtbot.addWidget(window)
    assert window is not old
    assert controller.languages[-1] == "nl"
    assert [window.nav.item(i).text() for i in range(5)] == [
        "Dossiers",
        "Checklist",
        "Overzicht",
        "Actieplan",
        "Geschiedenis",
    ]
    assert window.current_page() == PAGE_ACTIONS
    assert window.session is not None and window.session.dossier_id == saudi.id
    assert window.export_button.text() == "PDF exporteren…"
    assert controller.ctx.settings.language() == "nl"
    prompts.settings_choice = "en"
    window.settings_action.trigger()
    qtbot.addWidget(controller.window)
    assert controller.window.nav.item(3).text() == "Action plan"
