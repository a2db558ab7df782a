"""Settings: the UI language (follow the system, Dutch or English) and the name in the history."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from ddcheck.domain.text import Language
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, hbox, label, vbox

SYSTEM = "system"


@dataclass(frozen=True)
class SettingsChoice:
    """What the settings dialog was left with: 'nl', 'en' or 'system', and the name (None: kept)."""

    language: str
    name: str | None = None
    mission_folder: str | None = None


class SettingsDialog(QDialog):
    """Choose the UI language and your name; `result_value()` is a SettingsChoice."""

    def __init__(
        self,
        current: Language | None,
        name: str = "",
        parent: QWidget | None = None,
        mission_folder: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.language = QComboBox(self)
        self.language.addItem(tr("Same as the system"), SYSTEM)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current or SYSTEM)))
        form = QFormLayout()
        form.addRow(tr("Language of the program"), self.language)
        self.name = QLineEdit(name, self)
        self.name.setMaxLength(200)
        self.name.setPlaceholderText(tr("Your computer's user name"))
        self.name.setAccessibleName(tr("Your name"))
        form.addRow(tr("Your name"), self.name)
        self.mission_folder = QLineEdit(mission_folder, self)
        self.mission_folder.setPlaceholderText(tr("None (no shared folder)"))
        self.mission_folder.setAccessibleName(tr("Mission folder"))
        browse = QPushButton(tr("Choose…"), self)
        browse.setAccessibleName(tr("Choose the mission folder"))
        browse.clicked.connect(self._browse)
        form.addRow(tr("Mission folder"), hbox(self.mission_folder, browse))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        hint = label(
            tr(
                "The checklists and the PDF have their own language, "
                "chosen per dossier and per export. Your name is recorded with every change "
                "in the history. The mission folder is a network or synced folder you share with "
                "other advisers: ddcheck imports what is new there and adds your review changes, "
                "on start and when you choose File → Sync mission folder."
            ),
            "muted",
            wrap=True,
        )
        self.setLayout(vbox(form, hint, buttons, margin=MARGIN))
        self.resize(480, 240)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Mission folder"), self.mission_folder.text()
        )
        if chosen:
            self.mission_folder.setText(chosen)

    def result_value(self) -> SettingsChoice:
        """Return the chosen language ('nl', 'en' or 'system'), name and mission folder."""
        return SettingsChoice(
            str(self.language.currentData()),
            " ".join(self.name.text().split()),
            self.mission_folder.text().strip(),
        )
