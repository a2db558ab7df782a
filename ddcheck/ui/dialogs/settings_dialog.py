"""Settings: the UI language (follow the system, Dutch or English) and the name in the history."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from ddcheck.domain.text import Language
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, label, vbox

SYSTEM = "system"


@dataclass(frozen=True)
class SettingsChoice:
    """What the settings dialog was left with: 'nl', 'en' or 'system', and the name (None: kept)."""

    language: str
    name: str | None = None


class SettingsDialog(QDialog):
    """Choose the UI language and your name; `result_value()` is a SettingsChoice."""

    def __init__(
        self, current: Language | None, name: str = "", parent: QWidget | None = None
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
                "in the history."
            ),
            "muted",
            wrap=True,
        )
        self.setLayout(vbox(form, hint, buttons, margin=MARGIN))
        self.resize(480, 240)

    def result_value(self) -> SettingsChoice:
        """Return the chosen language ('nl', 'en' or 'system') and name."""
        return SettingsChoice(str(self.language.currentData()), " ".join(self.name.text().split()))
