"""The application object: its names for the desktop, its icon, files the system asks it to open."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QFileOpenEvent
from PySide6.QtWidgets import QApplication

from ddcheck import APP_NAME, __version__, paths

DESKTOP_FILE_NAME = "io.github.ddcheck.ddcheck"  # packaging/linux/<this>.desktop: the dock icon


class DdcheckApplication(QApplication):
    """The application object; it passes on files the system asks ddcheck to open (macOS)."""

    file_opened = Signal(str)

    def event(self, event: QEvent) -> bool:
        """Turn a QFileOpenEvent (a double-clicked document on macOS) into `file_opened`."""
        if event.type() == QEvent.Type.FileOpen:
            name = event.file() if isinstance(event, QFileOpenEvent) else ""
            if name:
                self.file_opened.emit(name)
                return True
        return super().event(event)


def make_application(argv: Sequence[str]) -> QApplication:
    """Return the QApplication (the existing one in tests)."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = DdcheckApplication([sys.argv[0] if sys.argv else APP_NAME, *argv])
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName(DESKTOP_FILE_NAME)
    return app


def app_icon() -> Any:
    """Return the app icon made by packaging (every PNG size), when present."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    folder = paths.resources_dir() / "icons" / "app"
    for png in sorted(folder.glob("ddcheck-*.png")) if folder.is_dir() else []:
        icon.addFile(str(png))
    return icon
