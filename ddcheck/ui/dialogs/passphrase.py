"""Ask for the passphrase, choose a new one (with a strength hint), show the recovery key."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ddcheck.services.encryption import MIN_PASSPHRASE, strength
from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr
from ddcheck.ui.style import current_theme


def strength_text(passphrase: str) -> str:
    """Return the hint shown under a new passphrase."""
    if not passphrase:
        return tr(
            "At least {n} characters; a few unrelated words are easy to remember.",
            n=MIN_PASSPHRASE,
        )
    words = (tr("too short"), tr("weak"), tr("fair"), tr("good"), tr("strong"))
    return tr("Strength: {word}", word=words[strength(passphrase)])


class PassphraseDialog(QDialog):
    """Ask for the passphrase (unlock), or for a new one typed twice (choose)."""

    def __init__(self, parent: QWidget | None, title: str, text: str, *, new: bool = False) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.new = new
        layout = QVBoxLayout(self)
        message = QLabel(text)
        message.setWordWrap(True)
        layout.addWidget(message)
        form = QFormLayout()
        self.passphrase = QLineEdit()
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setObjectName("passphrase")
        label = tr("Passphrase") if not new else tr("New passphrase")
        named(self.passphrase, label)
        form.addRow(label, self.passphrase)
        self.again = QLineEdit()
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        self.again.setObjectName("again")
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.remember = QCheckBox(tr("Remember on this computer (in its keychain)"))
        if new:
            form.addRow(tr("Once more"), named(self.again, tr("Once more")))
            form.addRow("", self.hint)
            form.addRow("", self.remember)
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet(f"color: {current_theme().red};")
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.textChanged.connect(self._changed)
        self.again.textChanged.connect(self._changed)
        self._changed()

    def show_problem(self, text: str) -> None:
        """Show why the last passphrase was not accepted."""
        self.problem.setText(text)
        self.problem.show()

    def _changed(self) -> None:
        text = self.passphrase.text()
        ok = bool(text)
        if self.new:
            self.hint.setText(strength_text(text))
            ok = len(text.strip()) >= MIN_PASSPHRASE and text == self.again.text()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def value(self) -> str:
        """Return the passphrase typed."""
        return self.passphrase.text()


class RecoveryKeyDialog(QDialog):
    """Show the recovery key once; closing needs a tick that it was written down."""

    def __init__(self, parent: QWidget | None, recovery_key: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Your recovery key"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Write this recovery key down or print it, and keep it away from this laptop. "
                "It opens the workspace if the passphrase is forgotten. It is shown only now."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.key = QLabel(recovery_key)
        self.key.setObjectName("recoveryKey")
        self.key.setStyleSheet("font-family: monospace; font-size: 16pt; padding: 8px;")
        self.key.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.key)
        self.written = QCheckBox(tr("I have written the recovery key down"))
        layout.addWidget(self.written)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        self.buttons.accepted.connect(self.accept)
        layout.addWidget(self.buttons)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(False)
        self.written.toggled.connect(ok.setEnabled)

    def reject(self) -> None:
        """Escape closes only after the tick."""
        if self.written.isChecked():
            super().reject()
