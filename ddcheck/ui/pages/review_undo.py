"""Undo and redo of the adviser's review edits: each step puts a whole review state back."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

_COMMENT_MERGE_ID = 2001


class ReviewCommand(QUndoCommand):
    """One review edit that was already saved; undo writes `before` back, redo `after`."""

    def __init__(
        self,
        text: str,
        before: Any,
        after: Any,
        put: Callable[[Any], None],
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self.before, self.after, self._put = before, after, put
        self.merge_key = merge_key
        self._saved = True  # pushed after the edit was written: the first redo has nothing to do

    def redo(self) -> None:
        """Write the state after the edit (not on the push: it is saved already)."""
        if self._saved:
            self._saved = False
            return
        self._put(self.after)

    def undo(self) -> None:
        """Write the state before the edit."""
        self._put(self.before)

    def id(self) -> int:
        """Let successive comment edits of one item merge into one undo step."""
        return _COMMENT_MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Merge a following comment edit of the same item."""
        if not isinstance(other, ReviewCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True
