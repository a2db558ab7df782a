"""The damaged-workspace dialog: say what happened; offer the backup, starting empty or quitting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QWidget

from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, label, vbox
from ddcheck.ui.recovery import QUIT, RESTORE, START_EMPTY


class DamagedDialog(QDialog):
    """Explain that the workspace file was damaged; restore the backup, start empty, or quit."""

    def __init__(self, message: str, backup: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("The workspace is damaged"))
        self.choice = QUIT
        if backup is not None:
            detail = tr(
                "Restoring the backup {name} brings back your dossiers as they were then. "
                "Starting empty keeps the new workspace. Either way the damaged file is kept. "
                "Until you choose, ddcheck asks again on every start.",
                name=backup.name,
            )
        else:
            detail = tr(
                "There is no backup from before the damage. Starting empty keeps the new "
                "workspace; the damaged file is kept. Until you choose, ddcheck asks again on "
                "every start."
            )
        buttons = QDialogButtonBox(self)
        self.restore_button: QPushButton | None = None
        if backup is not None:
            self.restore_button = buttons.addButton(
                tr("Restore the backup"), QDialogButtonBox.ButtonRole.AcceptRole
            )
            self.restore_button.setProperty("role", "primary")
            self.restore_button.clicked.connect(lambda: self._choose(RESTORE))
        self.empty_button = buttons.addButton(
            tr("Start empty"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.empty_button.clicked.connect(lambda: self._choose(START_EMPTY))
        self.quit_button = buttons.addButton(tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        self.quit_button.clicked.connect(self.reject)
        (self.restore_button or self.quit_button).setDefault(True)
        self.setLayout(
            vbox(
                label(tr("The workspace is damaged"), "subtitle"),
                label(message, "", wrap=True),
                label(detail, "muted", wrap=True),
                buttons,
                margin=MARGIN,
            )
        )
        self.resize(560, 300)

    def _choose(self, choice: str) -> None:
        self.choice = choice
        self.accept()
