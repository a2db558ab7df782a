"""The action plan as an editable table over domain Actions."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ddcheck.domain.dossier import Action
from ddcheck.ui.dates import date_text, parse_date_text
from ddcheck.ui.dialogs.action_editor import priority_labels, status_labels
from ddcheck.ui.i18n import tr
from ddcheck.ui.models.icons import status_icon
from ddcheck.ui.models.rows_table import Index, RowsTableModel
from ddcheck.ui.style import current_theme

COL_ACTION, COL_OWNER, COL_DUE, COL_PRIORITY, COL_STATUS, COL_ITEMS, COL_STANDARD = range(7)
COLUMN_FIELDS = ("action", "owner", "due", "priority", "status", "item_keys", "standard_ref")
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
EDITABLE = {COL_ACTION, COL_OWNER, COL_DUE, COL_PRIORITY, COL_STATUS, COL_STANDARD}
_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
_STATUS_ORDER = {"open": 0, "in_progress": 1, "done": 2, "dropped": 3}


def column_titles() -> list[str]:
    """Return the column titles."""
    return [
        tr("Action"),
        tr("Owner"),
        tr("Due"),
        tr("Priority"),
        tr("Status"),
        tr("Linked items"),
        tr("Standard"),
    ]


class ActionTableModel(RowsTableModel[Action]):
    """Actions as rows; edits go to `on_edit(action_id, field, value)`, which saves them."""

    column_count = len(COLUMN_FIELDS)

    def __init__(
        self,
        on_edit: Callable[[str, str, Any], None],
        item_title: Callable[[str], str],
        today: Callable[[], dt.date],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._on_edit = on_edit
        self._item_title = item_title
        self._today = today

    def titles(self) -> list[str]:
        """Return the column titles."""
        return column_titles()

    def set_actions(self, actions: Sequence[Action]) -> None:
        """Show `actions` (a full refresh keeps it simple and correct)."""
        new = list(actions)
        if [a.id for a in new] != [a.id for a in self._rows]:
            self.set_rows(new)
            return
        self._rows = new  # the same actions: only their cells may have changed
        if new:
            self.dataChanged.emit(self.index(0, 0), self.index(len(new) - 1, self.column_count - 1))

    def row_of(self, action_id: str) -> int:
        """Return the row of an action, or -1."""
        return next((i for i, a in enumerate(self._rows) if a.id == action_id), -1)

    def cell(self, action: Action, column: int, role: int) -> Any:
        """Return one cell of an action's row."""
        if role == ID_ROLE:
            return action.id
        if role == SORT_ROLE:
            return self._sort_key(action, column)
        if role == Qt.ItemDataRole.EditRole:
            value = getattr(action, COLUMN_FIELDS[column])
            return date_text(value) if isinstance(value, dt.date) else value
        if role == Qt.ItemDataRole.DisplayRole:
            text = self._display(action, column)
            if column == COL_ACTION and action.agreed_with_adviser:
                return tr("Agreed: {action}", action=text)
            return text
        if role == Qt.ItemDataRole.DecorationRole and column == COL_ACTION:
            return status_icon("review") if action.agreed_with_adviser else None
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_DUE and action.is_overdue(self._today()):
                return QColor(current_theme().red)
            if not action.is_open:
                return QColor(current_theme().disabled_ink)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_ITEMS:
                return "\n".join(self._item_title(k) for k in action.item_keys)
            if column == COL_ACTION:
                return action.action + (f"\n\n{tr('Gap')}: {action.gap}" if action.gap else "")
            if column == COL_DUE and action.is_overdue(self._today()):
                return tr("Overdue")
        return None

    def _display(self, action: Action, column: int) -> str:
        if column == COL_ACTION:
            return action.action
        if column == COL_OWNER:
            return action.owner
        if column == COL_DUE:
            return date_text(action.due)
        if column == COL_PRIORITY:
            return priority_labels()[action.priority]
        if column == COL_STATUS:
            return status_labels()[action.status]
        if column == COL_ITEMS:
            return "; ".join(self._item_title(k) for k in action.item_keys)
        return action.standard_ref

    def _sort_key(self, action: Action, column: int) -> Any:
        if column == COL_DUE:
            return action.due.isoformat() if action.due else "9999"
        if column == COL_PRIORITY:
            return _PRIORITY_ORDER[action.priority]
        if column == COL_STATUS:
            return _STATUS_ORDER[action.status]
        return self._display(action, column).casefold()

    def flags(self, index: Index) -> Qt.ItemFlag:
        """Return the flags: most columns are editable in place."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() in EDITABLE else base

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        """Save an edit made in the table."""
        if (
            not index.isValid()
            or role != Qt.ItemDataRole.EditRole
            or index.column() not in EDITABLE
        ):
            return False
        action = self._rows[index.row()]
        field = COLUMN_FIELDS[index.column()]
        if field == "due":
            text = str(value or "").strip()
            try:
                value = parse_date_text(text)
            except ValueError:
                return False
        elif field == "action":
            value = str(value).strip()
            if not value:
                return False
        elif isinstance(value, str):
            value = value.strip()
        if field == "priority" and value not in _PRIORITY_ORDER:
            return False
        if field == "status" and value not in _STATUS_ORDER:
            return False
        if getattr(action, field) == value:
            return False
        self._on_edit(action.id, field, value)
        return True
