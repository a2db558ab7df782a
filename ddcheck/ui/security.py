"""The Security menu: encrypt, change the passphrase, decrypt, travel mode, lock when idle."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QWidget

from ddcheck.preferences import load_preferences, save_preferences
from ddcheck.ui import i18n
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr

if TYPE_CHECKING:
    from ddcheck.services.port import WorkspacePort

log = logging.getLogger(__name__)

_INPUT = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleLock(QObject):
    """Call `lock` after `minutes` without keyboard or mouse input anywhere in the app.

    It watches input through an app-wide event filter, which sees every event of every object
    (thousands while a window is built), so the filter is installed only while the lock is armed:
    an unencrypted workspace, or a lock set to never, pays nothing for it.
    """

    def __init__(self, lock: Callable[[], None], minutes: int, parent: QObject | None = None):
        super().__init__(parent)
        self._lock = lock
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._fire)
        self.paused = False
        self.watching = False
        self.set_minutes(minutes)

    def set_minutes(self, minutes: int, *, interval_ms: int | None = None) -> None:
        """Lock after `minutes` idle (0: never); `interval_ms` overrides it (tests)."""
        self.interval_ms = interval_ms if interval_ms is not None else minutes * 60_000
        self._watch(self.interval_ms > 0)
        self.restart()

    def restart(self) -> None:
        """Start counting idle time again."""
        if self.interval_ms > 0 and not self.paused:
            self.timer.start(self.interval_ms)
        else:
            self.timer.stop()

    def _watch(self, wanted: bool) -> None:
        """Install or remove the app-wide input filter, so that it exists only while armed."""
        app = QApplication.instance()
        if app is None or wanted == self.watching:
            return
        if wanted:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self.watching = wanted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Any input restarts the count."""
        if self.interval_ms > 0 and not self.paused and event.type() in _INPUT:
            self.timer.start()
        return False

    def _fire(self) -> None:
        self.paused = True
        try:
            self._lock()
        finally:
            self.paused = False
            self.restart()


class SecurityActions(QObject):
    """Menu actions and the idle lock of one main window."""

    def __init__(self, ctx: AppContext, window: Any, reload: Callable[[], None]) -> None:
        super().__init__(window)
        self.ctx, self.window, self.reload = ctx, window, reload
        menu: QMenu = window.menuBar().addMenu(tr("Se&curity"))
        self.encrypt_action = menu.addAction(tr("&Encrypt this workspace…"))
        self.change_action = menu.addAction(tr("&Change passphrase…"))
        self.decrypt_action = menu.addAction(tr("&Decrypt this workspace…"))
        menu.addSeparator()
        self.lock_action = menu.addAction(tr("&Lock now"))
        self.idle_action = menu.addAction(tr("Lock when &idle…"))
        menu.addSeparator()
        self.travel_action = menu.addAction(tr("&Prepare for travel…"))
        self.home_action = menu.addAction(tr("&Back home…"))
        self.encrypt_action.triggered.connect(self.encrypt)
        self.change_action.triggered.connect(self.change_passphrase)
        self.decrypt_action.triggered.connect(self.decrypt)
        self.lock_action.triggered.connect(self.lock)
        self.idle_action.triggered.connect(self.choose_idle_minutes)
        self.travel_action.triggered.connect(self.prepare_travel)
        self.home_action.triggered.connect(self.back_home)
        self.idle = IdleLock(self.lock, 0, self)
        self.locked = False
        self.update_state()

    # ------------------------------------------------------------ state
    @property
    def workspace(self) -> WorkspacePort:
        """Return the open workspace (the Security menu acts only once it is open)."""
        return self.ctx.attached_workspace()

    def _preferences_path(self) -> Path | None:
        """Return the workspace's preferences file (None before it opens, or held in memory)."""
        workspace = self.ctx.workspace
        paths = workspace.paths if workspace is not None else None
        return paths.preferences if paths is not None else None

    def update_state(self) -> None:
        """Enable what fits the workspace: encrypted or not, travelling or not."""
        workspace = self.ctx.workspace
        encrypted = workspace is not None and workspace.encrypted
        travelling = encrypted and workspace is not None and workspace.travelling()
        self.encrypt_action.setEnabled(workspace is not None and not encrypted)
        for action in (self.change_action, self.decrypt_action, self.lock_action):
            action.setEnabled(encrypted)
        self.idle_action.setEnabled(encrypted)
        self.travel_action.setEnabled(encrypted and not travelling)
        self.home_action.setEnabled(travelling)
        path = self._preferences_path()
        minutes = load_preferences(path).lock_after_minutes if path else 0
        self.idle.set_minutes(minutes if encrypted else 0)

    def _guard(self, call: Callable[[], Any]) -> Any:
        try:
            return call()
        except Exception as error:
            log.exception("security action failed")
            text = error_text(error, i18n.language())
            self.ctx.prompts.error(self.window, tr("Something went wrong"), text)
            return None

    # ------------------------------------------------------------ encryption
    def offer_on_first_start(self) -> None:
        """On the first start of a new, empty workspace, ask once whether to encrypt it."""
        path = self._preferences_path()
        if path is None or self.workspace.encrypted or self.workspace.list_dossiers():
            return
        preferences = load_preferences(path)
        if preferences.encryption_offered:
            return
        save_preferences(path, preferences.changed(encryption_offered=True))
        if self.ctx.prompts.confirm(
            self.window,
            tr("Encrypt this workspace?"),
            tr(
                "If you take this laptop abroad, encrypt the workspace: without the passphrase "
                "nobody who gets hold of the laptop can read your answers and evidence. You can "
                "also do this later in the Security menu."
            ),
            tr("Encrypt…"),
        ):
            self.encrypt()

    def encrypt(self) -> None:
        """Choose a passphrase, encrypt, show the recovery key once."""
        chosen = self.ctx.prompts.new_passphrase(
            self.window,
            tr(
                "The workspace, its backups and its evidence will be encrypted. Without the "
                "passphrase or the recovery key nobody can open them, not even you."
            ),
        )
        if chosen is None:
            return
        passphrase, remember = chosen
        self.window.flush()
        from ddcheck.services.encryption import KeyringKeychain

        recovery = self._guard(
            lambda: self.workspace.encrypt(
                passphrase, keychain=KeyringKeychain() if remember else None, remember=remember
            )
        )
        if recovery:
            self.ctx.prompts.recovery_key(self.window, recovery)
        self.update_state()

    def change_passphrase(self) -> None:
        """Ask for the current passphrase and a new one."""
        old = self.ctx.prompts.passphrase(self.window, tr("Type the current passphrase."))
        if old is None:
            return
        chosen = self.ctx.prompts.new_passphrase(self.window, tr("Choose the new passphrase."))
        if chosen is None:
            return
        if self._guard(lambda: self.workspace.change_passphrase(old, chosen[0])) is None:
            self.ctx.prompts.inform(
                self.window,
                tr("Passphrase changed"),
                tr("The passphrase is changed; the recovery key still works."),
            )

    def decrypt(self) -> None:
        """Store the workspace unencrypted again, after the passphrase once more."""
        secret = self.ctx.prompts.passphrase(
            self.window, tr("To store the workspace unencrypted again, type its passphrase.")
        )
        if secret is None:
            return
        self.window.flush()
        self._guard(lambda: self.workspace.decrypt(secret))
        self.update_state()

    # ------------------------------------------------------------ idle lock
    def choose_idle_minutes(self) -> None:
        """Ask after how many minutes without input the app locks itself."""
        path = self._preferences_path()
        if path is None:
            return
        preferences = load_preferences(path)
        text = self.ctx.prompts.ask_text(
            self.window,
            tr("Lock when idle"),
            tr("Lock after this many minutes without input (0: never):"),
            str(preferences.lock_after_minutes),
        )
        if text is None:
            return
        try:
            minutes = max(0, min(int(text.strip()), 24 * 60))
        except ValueError:
            self.ctx.prompts.error(self.window, tr("Lock when idle"), tr("Type a whole number."))
            return
        save_preferences(path, preferences.changed(lock_after_minutes=minutes))
        self.update_state()

    def lock(self) -> None:
        """Save what is typed, hide the dossier, and ask for the passphrase until it fits."""
        workspace = self.ctx.workspace
        if self.locked or workspace is None or not workspace.encrypted:
            return
        self.locked = True
        self.window.flush()
        central: QWidget = self.window.centralWidget()
        central.hide()
        self.window.setWindowTitle(tr("ddcheck (locked)"))
        problem = ""
        try:
            while True:
                secret = self.ctx.prompts.passphrase(
                    self.window,
                    tr("ddcheck locked itself after a while without use. Type the passphrase."),
                    problem,
                )
                if secret is None:
                    self.window.close()
                    return
                if self.workspace.passphrase_fits(secret):
                    break
                problem = tr("That passphrase does not open this workspace.")
        finally:
            self.locked = False
        central.show()
        self.window.setWindowTitle("ddcheck")

    # ------------------------------------------------------------ travel
    def prepare_travel(self) -> None:
        """Choose what stays home, where the archive goes, and prepare."""
        from ddcheck.ui.dialogs.travel import TravelDialog

        dialog = TravelDialog(self.window, self.workspace)
        if not self.ctx.prompts.run_dialog(dialog):
            return
        target = self.ctx.prompts.save_file(
            self.window,
            tr("Save the travel archive (keep it off this laptop)"),
            Path.home() / "ddcheck-travel.ddtravel",
            tr("Travel archives (*.ddtravel)"),
        )
        if target is None:
            return
        self.window.flush()
        report = self._guard(lambda: self.workspace.prepare_travel(dialog.leave(), target))
        if report is not None:
            self.reload()
            self.ctx.prompts.inform(
                self.window,
                tr("Ready for travel"),
                tr(
                    "What you left behind is in {name}. Keep it off this laptop; back home, "
                    "choose Security > Back home.",
                    name=str(report.archive),
                ),
            )
        self.update_state()

    def back_home(self) -> None:
        """Put back what the travel archive holds."""
        files = self.ctx.prompts.open_files(
            self.window, tr("Choose the travel archive"), tr("Travel archives (*.ddtravel)")
        )
        if not files:
            return
        self.window.flush()
        report = self._guard(lambda: self.workspace.return_from_travel(files[0]))
        if report is not None:
            self.reload()
            self.ctx.prompts.inform(
                self.window,
                tr("Back home"),
                tr("Everything you left behind is in the workspace again."),
            )
        self.update_state()
