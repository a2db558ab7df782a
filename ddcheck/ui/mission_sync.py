"""The app's side of the shared mission folder: sync on start and on demand, in the background."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import shiboken6
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QPushButton

from ddcheck.ui.accessibility import named
from ddcheck.ui.background import run_on_workspace
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import language, tr

log = logging.getLogger(__name__)


class MissionSync(QObject):
    """File → Sync mission folder, a button in the Received section, and the sync on start."""

    def __init__(self, ctx: AppContext, window: Any, adviser: Any) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        self.adviser = adviser
        self.running = False
        self.last_report: Any = None
        self.notice: QLabel | None = None
        self.action = window.add_file_action(
            tr("S&ync mission folder"), self.sync, after=adviser.missions_action
        )
        self.button = QPushButton(tr("Sync mission folder"), window)
        named(self.button, tr("Sync mission folder"), tr("Import what is new, share your review"))
        self.button.clicked.connect(self.sync)
        adviser.add_to_section(self.button)
        self.update_state()

    def _bar(self) -> Any:
        """Return the window's status bar, shown (Qt makes it on first use, hidden)."""
        bar = self.window.statusBar()
        bar.show()
        return bar

    def folder(self) -> Path | None:
        """Return the mission folder chosen in the settings, or None."""
        text = self.ctx.settings.mission_folder()
        return Path(text) if text else None

    def update_state(self) -> None:
        """Enable the action and button when a folder is set and no sync runs."""
        ready = self.folder() is not None and self.ctx.workspace is not None and not self.running
        self.action.setEnabled(ready)
        self.button.setEnabled(ready)
        self.button.setVisible(self.folder() is not None)

    def warn_if_network_workspace(self) -> None:
        """Show a notice when the workspace folder is on a network or cloud-synced drive."""
        from ddcheck.services.location import network_reason

        workspace = self.ctx.workspace
        paths = workspace.paths if workspace is not None else None  # None: held in memory
        if paths is None or network_reason(paths.root) is None:
            return
        notice = QLabel(
            tr(
                "Warning: the workspace folder is on a network or synced drive, where its file "
                "can be damaged. Keep it on this computer; share a mission folder instead."
            ),
            self.window,
        )
        notice.setWordWrap(True)
        notice.setProperty("role", "notice")
        notice.setToolTip(str(paths.root))
        self.notice = notice
        self._bar().addPermanentWidget(notice, 1)  # stays while other messages come

    def sync(self) -> None:
        """Sync with the mission folder in the background; the window stays usable."""
        folder = self.folder()
        if folder is None or self.running or self.ctx.workspace is None:
            return
        self.adviser.flush()  # review text still being typed is saved first
        self.running = True
        self.update_state()
        self._bar().showMessage(tr("Syncing the mission folder…"))

        def job(workspace: Any, progress: Any, _cancelled: Any) -> Any:
            return workspace.sync_folder(folder, progress=lambda n, total: progress(n / total))

        run_on_workspace(self.ctx, job, on_done=self._done, on_failed=self._failed)

    def _done(self, report: Any) -> None:
        self.running = False
        self.last_report = report
        if not shiboken6.isValid(self.window):
            return
        self.update_state()
        imported, refused = len(report.of("imported")), len(report.of("refused"))
        if report.nothing_new and not refused:
            text = tr("Mission folder: nothing new.")
        else:
            text = tr(
                "Mission folder: {imported} file(s) imported, {refused} refused, "
                "{merged} review field(s) merged."
            )
            text = text.format(imported=imported, refused=refused, merged=report.merged_fields)
        self._bar().showMessage(text, 15000)
        for outcome in report.of("refused"):
            log.warning("mission folder: %s", outcome.message)
        current = self.adviser.current_id()
        self.adviser.refresh()
        if report.conflicts:
            self.resolve(list(report.conflicts))
        if current and current != "\x00overview":
            self.adviser.open_received(current)

    def _failed(self, error: BaseException) -> None:
        self.running = False
        if not shiboken6.isValid(self.window):
            return
        self.update_state()
        self._bar().clearMessage()
        self.ctx.prompts.error(self.window, tr("Mission folder"), error_text(error, language()))

    def resolve(self, conflicts: list[Any]) -> None:
        """Ask which value to keep where advisers changed one field differently."""
        from ddcheck.ui.dialogs.conflicts import ConflictDialog

        dialog = ConflictDialog(conflicts, self.window)
        if not self.ctx.prompts.run_dialog(dialog):
            return
        for received_id, ref, value in dialog.result_value():
            self.ctx.attached_workspace().resolve_conflict(received_id, ref, value)
