"""The improvement actions an adviser agrees with a company, as a read-only table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.domain.dossier import Action
from ddcheck.ui.dates import date_text
from ddcheck.ui.dialogs.action_editor import priority_labels
from ddcheck.ui.i18n import tr
from ddcheck.ui.models.rows_table import RowsTableModel

COL_ACTION, COL_DUE, COL_PRIORITY, COL_ITEMS = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AgreedActionsModel(RowsTableModel[Action]):
    """Agreed actions as rows: what, due date, priority, linked items (edited in a dialog)."""

    column_count = 4

    def __init__(self, item_title: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._item_title = item_title

    def titles(self) -> list[str]:
        """Return the column titles."""
        return [tr("Agreed action"), tr("Due"), tr("Priority"), tr("Linked items")]

    def cell(self, action: Action, column: int, role: int) -> Any:
        """Return one cell of an agreed action."""
        if role == ID_ROLE:
            return action.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_ACTION:
                return action.action
            if column == COL_DUE:
                return date_text(action.due) if action.due else tr("no date")
            if column == COL_PRIORITY:
                return priority_labels()[action.priority]
            return "; ".join(self._item_title(k) for k in action.item_keys)
        if role == Qt.ItemDataRole.ToolTipRole and column in (COL_ACTION, COL_ITEMS):
            return action.action + (f"\n\n{tr('Gap')}: {action.gap}" if action.gap else "")
        return None
