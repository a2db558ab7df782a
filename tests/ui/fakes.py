"""Scripted prompts: tests say in advance what the 'user' answers to each dialog."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ddcheck.ui.prompts import Prompts


class FakePrompts(Prompts):
    """Answer dialogs from queues; record every question asked."""

    def __init__(self) -> None:
        self.asked: list[tuple[str, str]] = []
        self.files: list[list[Path]] = []
        self.save_paths: list[Path | None] = []
        self.confirms: list[bool] = []
        self.texts: list[str | None] = []
        self.choices: list[int | None] = []
        self.open_result = False
        self.wizard: Callable[[Any], Any] | None = None
        self.mission_dialog: Callable[[Any], Any] | None = None
        self.action_editor: Callable[[Any], Any] | None = None
        self.settings_choice: str | None = None
        self.damage_choice = "restore"
        self.export_handler: Callable[[Any], None] | None = None
        self.dialog_handlers: list[Callable[[Any], None]] = []

    def open_files(self, parent: Any, title: str, name_filter: str = "") -> list[Path]:
        self.asked.append(("open_files", title))
        return self.files.pop(0) if self.files else []

    def save_file(
        self, parent: Any, title: str, suggested: Path, name_filter: str = ""
    ) -> Path | None:
        self.asked.append(("save_file", title))
        return self.save_paths.pop(0) if self.save_paths else None

    def confirm(self, parent: Any, title: str, text: str, ok_label: str) -> bool:
        self.asked.append(("confirm", text))
        return self.confirms.pop(0) if self.confirms else False

    def inform(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("inform", text))

    def error(self, parent: Any, title: str, text: str) -> None:
        self.asked.append(("error", text))

    def ask_text(self, parent: Any, title: str, label: str, text: str) -> str | None:
        self.asked.append(("ask_text", text))
        return self.texts.pop(0) if self.texts else None

    def choose(self, parent: Any, title: str, label: str, options: list[str]) -> int | None:
        self.asked.append(("choose", "\n".join(options)))
        return self.choices.pop(0) if self.choices else None

    def ask_open_result(self, parent: Any, path: Path) -> bool:
        self.asked.append(("ask_open_result", str(path)))
        return self.open_result

    def edit_action(self, parent: Any, action: Any, title: str) -> Any:
        """Build the real editor; let the test fill it; return its result."""
        from ddcheck.ui.dialogs.action_editor import ActionEditor

        self.asked.append(("edit_action", title))
        dialog = ActionEditor(action, title, [], parent)
        if self.action_editor is None:
            return dialog.result_value()
        return self.action_editor(dialog)

    def new_dossier(self, parent: Any, templates: Any, lang: Any, mission: Any = None) -> Any:
        """Build the real wizard; let the test drive it; return its result."""
        from ddcheck.ui.dialogs.wizard import NewDossierWizard

        self.asked.append(("new_dossier", mission.id if mission is not None else ""))
        wizard = NewDossierWizard(templates, lang, parent, mission=mission)
        if self.wizard is None:
            return None
        return self.wizard(wizard)

    def new_mission(self, parent: Any, ctx: Any) -> Any:
        """Build the real dialog; let the test fill it; return the mission it created."""
        from ddcheck.ui.dialogs.new_mission import NewMissionDialog

        self.asked.append(("new_mission", ""))
        dialog = NewMissionDialog(ctx, parent)
        return None if self.mission_dialog is None else self.mission_dialog(dialog)

    def choose_settings(
        self, parent: Any, current: Any, name: str = "", mission_folder: str = ""
    ) -> Any:
        from ddcheck.ui.dialogs.settings_dialog import SettingsChoice

        self.asked.append(("settings", str(current)))
        choice = self.settings_choice
        return SettingsChoice(choice) if isinstance(choice, str) else choice

    def damaged_workspace(self, parent: Any, message: str, backup: Path | None) -> str:
        self.asked.append(("damaged", message))
        return self.damage_choice

    def run_dialog(self, dialog: Any) -> bool:
        """Show the real dialog and let the next handler work it like a person."""
        self.asked.append(("dialog", dialog.windowTitle()))
        dialog.show()
        self.dialog_handlers.pop(0)(dialog)
        return dialog.result() == 1

    def export(self, dialog: Any) -> None:
        self.asked.append(("export", ""))
        dialog.show()
        if self.export_handler is not None:
            self.export_handler(dialog)


class OpenedFiles(list[Path]):
    """Stands in for AppContext.open_path: records the files the app asked the system to open."""

    def __call__(self, path: Path) -> None:
        self.append(path)
