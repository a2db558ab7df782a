"""What every page and dialog gets from the composition root."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ddcheck.ui.prompts import Prompts
from ddcheck.ui.settings import UiSettings
from ddcheck.ui.tasks import TaskRunner

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ddcheck.services.port import WorkspacePort
    from ddcheck.ui.evidence_opener import EvidenceOpener
    from ddcheck.ui.i18n import Language


def open_location_with_system(location: str) -> None:
    """Open a web link or a drive path with the system (only after the user agreed)."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    url = QUrl(location) if "://" in location else QUrl.fromLocalFile(location)
    QDesktopServices.openUrl(url)


def open_with_system(path: Path) -> None:
    """Open a file with the program the system associates with it."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


@dataclass
class AppContext:
    """The workspace, prompts, settings, task runner and a few replaceable system hooks.

    `workspace` is None only while the first window paints, before the workspace opens.
    """

    workspace: WorkspacePort | None
    prompts: Prompts
    settings: UiSettings
    tasks: TaskRunner
    data_dir: Path
    open_path: Callable[[Path], None] = open_with_system
    open_location: Callable[[str], None] = open_location_with_system
    today: Callable[[], dt.date] = dt.date.today
    now: Callable[[], dt.datetime] = dt.datetime.now
    system_language: Language = "en"
    opener: EvidenceOpener | None = None

    def attached_workspace(self) -> WorkspacePort:
        """Return the open workspace (only asked for once it is open)."""
        if self.workspace is None:
            raise RuntimeError("the workspace is not open yet")
        return self.workspace

    def open_evidence(self, parent: QWidget | None, name: str, data: bytes) -> Path | None:
        """Open an evidence file's contents safely (sanitised name, warning for programs)."""
        from ddcheck.ui.evidence_opener import EvidenceOpener
        from ddcheck.ui.i18n import tr

        if self.opener is None:
            self.opener = EvidenceOpener(lambda path: self.open_path(path))
        return self.opener.open(
            name,
            data,
            lambda text: self.prompts.confirm(parent, tr("Open evidence"), text, tr("Open anyway")),
        )

    def cleanup_evidence(self) -> None:
        """Remove the copies of evidence opened in this session."""
        if self.opener is not None:
            self.opener.cleanup()
