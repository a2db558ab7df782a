"""The damaged-workspace dialog: say what happened in one sentence and offer the newest backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, label, vbox

RESTORE, QUIT = "restore", "quit"


class DamagedDialog(QDialog):
    """Explain that the workspace file is damaged; offer to restore the newest backup or quit."""

    def __init__(self, message: str, backup: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("The workspace is damaged"))
        self.choice = QUIT
        text = label(message, "", wrap=True)
        if backup is not None:
            detail = tr(
                "The newest backup is {name}. Restoring it sets the damaged file aside; "
                "nothing is deleted.",
                name=backup.name,
            )
        else:
            detail = tr("There is no backup to restore. The damaged file is left untouched.")
        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton(
                tr("Restore the backup"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setProperty("role", "primary")
            self.restore_button.clicked.connect(self._restore)
        quit_button = buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.clicked.connect(self.reject)
        self.setLayout(
            vbox(
                label(tr("ddcheck cannot open your workspace"), "subtitle"),
                text,
                label(detail, "muted", wrap=True),
                buttons,
                margin=MARGIN,
            )
        )
        self.resize(520, 220)

    def _restore(self) -> None:
        self.choice = RESTORE
        self.accept()
