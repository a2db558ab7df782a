"""What the dossier session and the review session share: one idiom for editing and saving."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from ddcheck.domain.text import Language

if TYPE_CHECKING:
    from ddcheck.services.port import WorkspacePort


class EditingSession(QObject):
    """The workspace, the language, the clock, one undo stack and the same three signals."""

    changed = Signal(object)  # what a save changed: a SessionUpdate or a ReviewUpdate
    savedStateChanged = Signal(str, str)  # role ("saved", "saving", "failed"), text
    saveFailed = Signal(str)

    def __init__(
        self,
        workspace: WorkspacePort,
        lang: Language,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.lang = lang
        self._now = now
        self.undo_stack = QUndoStack(self)
