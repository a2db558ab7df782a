"""Settings: the UI language (follow the system, Dutch or English)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QWidget

from ddcheck.domain.text import Language
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, label, vbox

SYSTEM = "system"


class SettingsDialog(QDialog):
    """Choose the UI language; `result_value()` is 'nl', 'en' or 'system'."""

    def __init__(self, current: Language | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Settings"))
        self.language = QComboBox(self)
        self.language.addItem(tr("Same as the system"), SYSTEM)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(max(0, self.language.findData(current or SYSTEM)))
        form = QFormLayout()
        form.addRow(tr("Language of the program"), self.language)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        hint = label(
            tr(
                "The checklists and the PDF have their own language, "
                "chosen per dossier and per export."
            ),
            "muted",
            wrap=True,
        )
        self.setLayout(vbox(form, hint, buttons, margin=MARGIN))
        self.resize(460, 200)

    def result_value(self) -> str:
        """Return the chosen language: 'nl', 'en' or 'system'."""
        return str(self.language.currentData())
