"""The improvement actions an adviser agrees with a company, as a read-only table."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ddcheck.domain.dossier import Action
from ddcheck.ui.dates import date_text
from ddcheck.ui.dialogs.action_editor import priority_labels
from ddcheck.ui.i18n import tr

COL_ACTION, COL_DUE, COL_PRIORITY, COL_ITEMS = range(4)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class AgreedActionsModel(QAbstractTableModel):
    """Agreed actions as rows: what, due date, priority, linked items."""

    def __init__(self, item_title: Callable[[str], str], parent: Any = None) -> None:
        super().__init__(parent)
        self._item_title = item_title
        self._rows: list[Action] = []

    def set_actions(self, actions: Sequence[Action]) -> None:
        """Show `actions`."""
        self.beginResetModel()
        self._rows = list(actions)
        self.endResetModel()

    def action_at(self, row: int) -> Action:
        """Return the action of a row."""
        return self._rows[row]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of actions."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return one cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        action, column = self._rows[index.row()], index.column()
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

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("Agreed action"), tr("Due"), tr("Priority"), tr("Linked items")][section]
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        """Return the flags: read-only (edit in the action dialog)."""
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
