"""Start the app on a workspace this process holds: shell window first, the rest after its paint.

The empty window (title, remembered geometry, background colour) shows at once; its menus,
sidebar and pages are built right after its first paint, and the catalog, the workspace and
the last dossier are opened after that.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QLocale, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from ddcheck.domain.language import pick_language
from ddcheck.paths import DataPaths
from ddcheck.ui import i18n
from ddcheck.ui.application import DdcheckApplication, app_icon
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import make_excepthook
from ddcheck.ui.main_window import MainWindow
from ddcheck.ui.prompts import Prompts, UnattendedPrompts
from ddcheck.ui.settings import UiSettings
from ddcheck.ui.style import apply_font_and_sheet, apply_palette, follow_system_scheme
from ddcheck.ui.tasks import TaskRunner
from ddcheck.ui.translators import Translators
from ddcheck.ui.workspace_opening import open_workspace

if TYPE_CHECKING:
    from ddcheck.ui.controller import Controller
    from ddcheck.ui.single_instance import SingleInstance


def print_error(text: str) -> None:
    """Write an error for a person at a terminal (unattended runs have no dialogs)."""
    print(text, file=sys.stderr)


class AfterFirstPaint(QObject):
    """Call `then` once, right after `window` was first painted (or after `wait_ms` at most)."""

    def __init__(self, window: QWidget, then: Callable[[], None], wait_ms: int = 250) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        self._paint = QEvent.Type.Paint
        window.installEventFilter(self)
        QTimer.singleShot(wait_ms, self, self._call)  # a minimized window is never painted

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Queue the call when the first paint arrives (it runs after the paint is done)."""
        if self._then is not None and event.type() == self._paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, self, self._call)
        return False

    def _call(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


class OpenRequests(QObject):
    """Files the desktop or a later start asked to open: queued until the workspace is open."""

    def __init__(self, app: QApplication, window: QWidget) -> None:
        super().__init__(app)
        self._window = window
        self._pending: list[Path] = []
        self._deliver: Callable[[list[Path]], None] | None = None
        if isinstance(app, DdcheckApplication):  # macOS sends opened documents as events
            app.file_opened.connect(lambda name: self.request([Path(name)]))

    def request(self, files: list[Path]) -> None:
        """Bring the window forward and import `files` (now, or once the workspace is open)."""
        window = self._window
        if window.isMinimized():
            window.showNormal()
        window.raise_()
        window.activateWindow()
        if not files:
            return
        if self._deliver is None:
            self._pending.extend(files)
        else:
            self._deliver(files)

    def deliver_to(self, deliver: Callable[[list[Path]], None]) -> None:
        """Import through `deliver` from now on, starting with what was queued."""
        self._deliver = deliver
        pending, self._pending = self._pending, []
        if pending:
            deliver(pending)


class Startup:
    """Show the empty window, build it after its first paint, then open the workspace in it."""

    def __init__(
        self,
        args: argparse.Namespace,
        app: QApplication,
        data: DataPaths,
        files: list[Path],
        instance: SingleInstance,
        prompts: Prompts | None,
        started: Callable[[], None],
    ) -> None:
        self.args = args
        self.app = app
        self.data = data
        self.files = files
        self.instance = instance
        self.prompts = prompts or (
            UnattendedPrompts(print_error) if args.quit_after_ready else Prompts()
        )
        self.started = started
        self.code = 0
        sys.excepthook = make_excepthook(self._unexpected)
        self.ctx = AppContext(
            workspace=None,
            prompts=self.prompts,
            settings=UiSettings(data.preferences),
            tasks=TaskRunner(),
            data_dir=data.root,
        )
        self.window = MainWindow(self.ctx, shell=True)
        self.requests = OpenRequests(app, self.window)

    def run(self) -> int:
        """Show the window and run the app until it quits; return the exit code."""
        self.window.restore_state()
        self.window.show()
        self.instance.opened.connect(self.requests.request)
        AfterFirstPaint(self.window, self._build)
        code = self.app.exec()
        self.ctx.cleanup_evidence()  # opened copies of evidence go when the app closes
        self.ctx.tasks.wait(10000)
        if self.ctx.workspace is not None:
            self.ctx.workspace.close()
        return int(code or self.code)

    def _unexpected(self, text: str) -> None:
        self.prompts.error(None, i18n.tr("Unexpected error"), text)
        if self.args.quit_after_ready:  # a smoke test must fail, not wait for a person
            self.code = 1
            self.app.exit(1)

    def _build(self) -> None:
        """Give the shell its look, language, menus and pages; open the workspace right after."""
        app, settings = self.app, self.ctx.settings
        self.instance.listen()  # a later start waits for this (QtNetwork: not before the paint)
        apply_palette(app)  # what the system asks for: scheme and contrast
        apply_font_and_sheet(app)
        follow_system_scheme(app)
        app.setWindowIcon(app_icon())
        system_language = pick_language(QLocale.system().uiLanguages())
        translators = Translators(app)
        translators.apply(self.args.ui_lang or settings.language() or system_language)
        self.ctx.system_language = system_language
        from ddcheck.ui.controller import Controller

        controller = Controller(self.ctx, translators.apply, shell=self.window)
        controller.show_shell()
        app.processEvents()  # paint the full window before the slower catalog and workspace
        QTimer.singleShot(0, lambda: self._open(controller))

    def _open(self, controller: Controller) -> None:
        """Open the workspace and the last dossier, then the files asked for; quit if asked to."""
        from ddcheck.logfile import setup_logging

        setup_logging(self.data.logs)  # the same log file and handler as the command line
        workspace = open_workspace(self.data.root, self.prompts)
        if workspace is None:
            self.started()
            self.code = 1
            self.window.close()
            self.app.exit(1)
            return
        controller.attach(workspace)
        self.started()  # usable: from here on, the app makes garbage like any other
        if not self.args.quit_after_ready:
            QTimer.singleShot(0, controller.security.offer_on_first_start)
        elif self.files:  # ready once the window is usable and the files are imported
            controller.adviser.receiver.finished.connect(lambda *_: self._quit(controller))
        else:
            self._quit(controller)
        if self.files:
            controller.import_files(self.files)
        self.requests.deliver_to(controller.import_files)

    def _quit(self, controller: Controller) -> None:
        """Close the window and leave the event loop (--quit-after-ready)."""
        QTimer.singleShot(0, lambda: (controller.window.close(), self.app.exit(0)))
