"""'Your name' in Settings: kept in the one settings store, written as the author in the history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ddcheck.domain.dossier import Company, Mission
from ddcheck.preferences import load_preferences
from ddcheck.ui.dialogs.settings_dialog import SettingsChoice, SettingsDialog


def test_the_dialog_shows_the_name_and_returns_what_was_typed(qtbot: Any) -> None:
    dialog = SettingsDialog("nl", "Joost")
    qtbot.addWidget(dialog)
    assert dialog.name.text() == "Joost"
    dialog.name.clear()
    qtbot.keyClicks(dialog.name, "  Sanne   de Vries ")
    assert dialog.result_value() == SettingsChoice("nl", "Sanne de Vries", "")


def test_the_name_given_in_settings_is_the_author_in_the_history(
    real_controller: Any, real_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    dossier = real_ws.create_dossier(Company(name="Bakker BV"), Mission(name="Riyadh 2027"))
    prompts.settings_choice = SettingsChoice("system", "Sanne de Vries")
    real_controller.window.settings_action.trigger()
    assert ("settings", "None") in prompts.asked
    real_ws.rename_dossier(dossier.id, "Riyadh 2028")
    assert real_ws.history(dossier.id)[-1].who == "Sanne de Vries"
    stored = load_preferences(real_ws.paths.preferences)
    assert stored.user_name == "Sanne de Vries"
    assert real_ws.user_name() == "Sanne de Vries"


def test_the_app_and_the_services_share_one_settings_file(real_ws: Any) -> None:
    from ddcheck.ui.settings import UiSettings

    app_side = UiSettings(real_ws.paths.preferences)  # as ddcheck.ui.app builds it
    real_ws.set_user_name("Anna")
    app_side.set_last_dossier("abc")  # the app's write keeps the name the services wrote
    app_side.set_language("en")
    stored = load_preferences(real_ws.paths.preferences)
    assert (stored.user_name, stored.last_dossier, stored.language) == ("Anna", "abc", "en")
    assert real_ws.set_user_name("") == real_ws.user != "Anna"  # back to the computer's user
