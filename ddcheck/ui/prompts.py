"""Modal questions to the user behind one injectable object, so tests never block on a dialog.

Qt's dialog classes are imported when first asked for: touching them at start-up costs ~3 ms.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QDialog, QWidget

from ddcheck.ui.i18n import Language, tr
from ddcheck.ui.recovery import QUIT

if TYPE_CHECKING:
    from ddcheck.domain.dossier import Action
    from ddcheck.domain.mission import MissionDefinition
    from ddcheck.domain.templates import Template
    from ddcheck.ui.dialogs.settings_dialog import SettingsChoice
    from ddcheck.ui.dialogs.wizard import NewDossier


class Prompts:
    """Ask the user through standard Qt dialogs."""

    def open_files(self, parent: QWidget | None, title: str, name_filter: str = "") -> list[Path]:
        """Return the files the user picked (empty when cancelled)."""
        from PySide6.QtWidgets import QFileDialog

        names, _ = QFileDialog.getOpenFileNames(parent, title, "", name_filter)
        return [Path(n) for n in names]

    def save_file(
        self, parent: QWidget | None, title: str, suggested: Path, name_filter: str = ""
    ) -> Path | None:
        """Return where to save, or None when cancelled."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getSaveFileName(parent, title, str(suggested), name_filter)
        return Path(name) if name else None

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_label: str) -> bool:
        """Return whether the user agreed to `text`, with `ok_label` on the agreeing button."""
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
        ok = box.addButton(ok_label, QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(ok)
        box.exec()
        return box.clickedButton() is ok

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user something."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(parent, title, text)

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Tell the user something went wrong."""
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    def ask_text(self, parent: QWidget | None, title: str, label: str, text: str) -> str | None:
        """Return a line of text the user typed, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        value, ok = QInputDialog.getText(parent, title, label, QLineEdit.EchoMode.Normal, text)
        return value if ok else None

    def choose(
        self, parent: QWidget | None, title: str, label: str, options: list[str]
    ) -> int | None:
        """Return the index of the option the user picked, or None when cancelled."""
        from ddcheck.ui.dialogs.choice import choice_dialog

        dialog = choice_dialog(parent, title, label, options)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        chosen = dialog.textValue()
        return options.index(chosen) if chosen in options else None

    def ask_open_result(self, parent: QWidget | None, path: Path) -> bool:
        """Return whether the user wants to open the file just written."""
        return self.confirm(
            parent, tr("Export finished"), tr("Saved as {name}.", name=path.name), tr("Open PDF")
        )

    def edit_action(self, parent: QWidget | None, action: Action, title: str) -> Action | None:
        """Return the action after the user edited it, or None when cancelled."""
        from ddcheck.ui.dialogs.action_editor import ActionEditor

        dialog = ActionEditor(action, title, [], parent)
        return dialog.result_value() if dialog.exec() == ActionEditor.DialogCode.Accepted else None

    def new_dossier(
        self,
        parent: QWidget | None,
        templates: dict[str, Template],
        lang: Language,
        mission: MissionDefinition | None = None,
    ) -> NewDossier | None:
        """Run the new-dossier wizard (`mission` filled in); return the result, or None."""
        from ddcheck.ui.dialogs.wizard import NewDossierWizard

        wizard = NewDossierWizard(templates, lang, parent, mission=mission)
        return (
            wizard.result_value() if wizard.exec() == NewDossierWizard.DialogCode.Accepted else None
        )

    def new_mission(self, parent: QWidget | None, ctx: Any) -> MissionDefinition | None:
        """Ask for a new mission (the dialog creates it); return it, or None when cancelled."""
        from ddcheck.ui.dialogs.new_mission import NewMissionDialog

        dialog = NewMissionDialog(ctx, parent)
        return dialog.created if dialog.exec() == NewMissionDialog.DialogCode.Accepted else None

    def choose_settings(
        self,
        parent: QWidget | None,
        current: Language | None,
        name: str = "",
        mission_folder: str = "",
    ) -> SettingsChoice | None:
        """Show the settings; return the language and name chosen, or None when cancelled."""
        from ddcheck.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(current, name, parent, mission_folder)
        return (
            dialog.result_value() if dialog.exec() == SettingsDialog.DialogCode.Accepted else None
        )

    def damaged_workspace(self, parent: QWidget | None, message: str, backup: Path | None) -> str:
        """Explain a damaged workspace; return RESTORE (the backup), START_EMPTY or QUIT."""
        from ddcheck.ui.dialogs.damaged import DamagedDialog

        dialog = DamagedDialog(message, backup, parent)
        dialog.exec()
        return dialog.choice

    def export(self, dialog: QDialog) -> None:
        """Show the export dialog (modal; it runs the export itself)."""
        dialog.exec()

    def run_dialog(self, dialog: QDialog) -> bool:
        """Show a modal dialog; return whether the user accepted it."""
        return dialog.exec() == QDialog.DialogCode.Accepted

    def passphrase(self, parent: QWidget | None, text: str, problem: str = "") -> str | None:
        """Return the workspace passphrase (or recovery key) typed, or None when cancelled."""
        from ddcheck.ui.dialogs.passphrase import PassphraseDialog

        dialog = PassphraseDialog(parent, tr("Encrypted workspace"), text)
        if problem:
            dialog.show_problem(problem)
        return dialog.value() if self.run_dialog(dialog) else None

    def new_passphrase(self, parent: QWidget | None, text: str) -> tuple[str, bool] | None:
        """Return (a new passphrase typed twice, remember it in the keychain), or None."""
        from ddcheck.ui.dialogs.passphrase import PassphraseDialog

        dialog = PassphraseDialog(parent, tr("Choose a passphrase"), text, new=True)
        if not self.run_dialog(dialog):
            return None
        return dialog.value(), dialog.remember.isChecked()

    def recovery_key(self, parent: QWidget | None, key: str) -> None:
        """Show the recovery key once."""
        from ddcheck.ui.dialogs.passphrase import RecoveryKeyDialog

        self.run_dialog(RecoveryKeyDialog(parent, key))


class UnattendedPrompts(Prompts):
    """Answer without a person (`--quit-after-ready`): print messages, decline, never block."""

    def __init__(self, write: Callable[[str], object]) -> None:
        self._write = write

    def confirm(self, parent: QWidget | None, title: str, text: str, ok_label: str) -> bool:
        """Decline, after printing the question."""
        self._write(f"{title}: {text}")
        return False

    def inform(self, parent: QWidget | None, title: str, text: str) -> None:
        """Print the message."""
        self._write(f"{title}: {text}")

    def error(self, parent: QWidget | None, title: str, text: str) -> None:
        """Print the error."""
        self._write(f"{title}: {text}")

    def damaged_workspace(self, parent: QWidget | None, message: str, backup: Path | None) -> str:
        """Print the damage and quit: restoring or starting empty is the user's decision."""
        self._write(message)
        return QUIT

    def passphrase(self, parent: QWidget | None, text: str, problem: str = "") -> str | None:
        """Nobody is there to type it: print why and give up."""
        self._write(problem or text)
        return None
