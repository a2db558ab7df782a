"""The mission overview as a table: one received dossier per row, sortable by every column."""

from __future__ import annotations

import functools
import itertools
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ddcheck.domain.overview import SORT_KEYS, sort_rows
from ddcheck.domain.visible import visible_controls
from ddcheck.ui.dates import date_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.models.rows_table import RowsTableModel
from ddcheck.ui.style import current_theme

(
    COL_COMPANY,
    COL_MISSION,
    COL_COMPLETION,
    COL_RED_FLAGS,
    COL_OPEN_HIGH,
    COL_OVERDUE,
    COL_DUE_SOON,
    COL_WITHHELD,
    COL_VERDICT,
    COL_RECEIVED,
) = range(10)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
_NUMERIC = {COL_COMPLETION, COL_RED_FLAGS, COL_OPEN_HIGH, COL_OVERDUE, COL_DUE_SOON, COL_WITHHELD}


def verdict_labels() -> dict[str | None, str]:
    """Return the verdicts as the user reads them (None: not reviewed yet)."""
    return {
        None: tr("Not reviewed yet"),
        "sufficient": tr("Sufficient"),
        "sufficient_with_actions": tr("Sufficient with agreed actions"),
        "insufficient": tr("Not sufficient"),
    }


def column_titles() -> list[str]:
    """Return the column titles."""
    return [
        tr("Company"),
        tr("Mission"),
        tr("Completion"),
        tr("Red flags"),
        tr("Open high-priority actions"),
        tr("Overdue actions"),
        tr("Actions due within 14 days"),
        tr("Withheld items"),
        tr("Verdict"),
        tr("Exported"),
    ]


@functools.cache  # the header asks on every repaint
def balanced_lines(title: str, most: int = 3, longer_than: int = 10, narrow: int = 10) -> str:
    """Return a long column title broken at spaces into as few lines as keep each line at most
    `narrow` characters (never more than `most`), the longest line as short as can be."""
    words = title.split(" ")
    if len(title) <= longer_than or len(words) == 1:
        return title
    best = [title]
    for cuts in range(1, min(most, len(words))):
        if max(map(len, best)) <= narrow:
            break
        for where in itertools.combinations(range(1, len(words)), cuts):
            bounds = (0, *where, len(words))
            lines = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
            if max(map(len, lines)) < max(map(len, best)):
                best = lines
    return "\n".join(best)


class MissionOverviewModel(RowsTableModel[Any]):
    """Overview rows (services OverviewRow); `sort` orders them the way the services do."""

    column_count = len(SORT_KEYS)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sort: tuple[int, Qt.SortOrder] = (COL_COMPANY, Qt.SortOrder.AscendingOrder)

    def titles(self) -> list[str]:
        """Return the column titles."""
        return column_titles()

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Show `rows`, in the current sort order."""
        self.beginResetModel()
        self._rows = self._sorted(rows)
        self.endResetModel()

    def cell(self, row: Any, column: int, role: int) -> Any:
        """Return one cell of a received dossier's row."""
        if role == ID_ROLE:
            return row.received_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in _NUMERIC:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole:
            if (column == COL_RED_FLAGS and row.red_flags) or (
                column == COL_OVERDUE and row.overdue_actions
            ):
                return QColor(current_theme().red)
            if column == COL_VERDICT:
                return QColor(
                    {"sufficient": current_theme().green, "insufficient": current_theme().red}.get(
                        row.verdict or "", current_theme().muted
                    )
                )
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_COMPLETION:
                return tr("{a} of {n} answered", a=row.answered, n=row.total)
            if column in (COL_COMPANY, COL_MISSION, COL_VERDICT):  # the full text when elided
                return self._display(row, column)
        return None

    def _display(self, row: Any, column: int) -> str:
        if column == COL_COMPANY:
            return visible_controls(row.company)
        if column == COL_MISSION:
            return visible_controls(row.mission)
        if column == COL_COMPLETION:
            return f"{row.completion}%"
        if column == COL_RED_FLAGS:
            return str(row.red_flags)
        if column == COL_OPEN_HIGH:
            return str(row.open_high_actions)
        if column == COL_OVERDUE:
            return str(row.overdue_actions)
        if column == COL_DUE_SOON:
            return str(row.due_soon_actions)
        if column == COL_WITHHELD:
            return str(row.withheld_items)
        if column == COL_VERDICT:
            return verdict_labels()[row.verdict]
        exported = row.exported_at
        return date_text(exported) + (f" (v{row.revision})" if row.revision > 1 else "")

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the column titles."""
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:  # long titles on up to 3 lines: more columns fit
            return balanced_lines(self.titles()[section])
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.titles()[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (ties by company), as `ddcheck overview --sort` does."""
        if not 0 <= column < len(SORT_KEYS):
            return
        self._sort = (column, order)
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        self._rows = self._sorted(old)
        moved = {id(r): n for n, r in enumerate(self._rows)}
        for persistent in self.persistentIndexList():
            if persistent.isValid():
                target = moved[id(old[persistent.row()])]
                self.changePersistentIndex(persistent, self.index(target, persistent.column()))
        self.layoutChanged.emit()

    def _sorted(self, rows: Sequence[Any]) -> list[Any]:

        column, order = self._sort
        return sort_rows(rows, SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder)
