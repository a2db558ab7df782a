"""The workspace's dossiers as a table: title, status, completion, red flags, last change."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from ddcheck.ui.dates import datetime_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.models.rows_table import RowsTableModel
from ddcheck.ui.style import current_theme

if TYPE_CHECKING:  # the services load after the first window paints
    from ddcheck.services.dossiers import DossierInfo

COL_TITLE, COL_STATUS, COL_PROGRESS, COL_FLAGS, COL_UPDATED = range(5)
ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
PROGRESS_ROLE = Qt.ItemDataRole.UserRole + 3


def _percent(info: DossierInfo) -> int:
    return info.progress.percent


def dossier_status(info: DossierInfo) -> str:
    """Return a short status word for a dossier."""
    percent = _percent(info)
    if percent >= 100:
        return tr("Complete")
    return tr("In progress") if percent > 0 else tr("Not started")


class DossierListModel(RowsTableModel["DossierInfo"]):
    """Rows of DossierInfo: title, status, progress, red flags, last change."""

    column_count = 5

    def titles(self) -> list[str]:
        """Return the column titles."""
        return [tr("Dossier"), tr("Status"), tr("Completion"), tr("Red flags"), tr("Last change")]

    def update_row(self, dossier_id: str, **fields: Any) -> bool:
        """Change shown fields of one dossier's row in place; return whether its cells changed."""
        for row, info in enumerate(self._rows):
            if info.id != dossier_id:
                continue
            new = dataclasses.replace(info, **fields)
            if self._cells(new) == self._cells(info):
                self._rows[row] = new
                return False
            self._rows[row] = new
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
            return True
        return False

    @staticmethod
    def _cells(info: DossierInfo) -> list[Any]:
        return [info.title, _percent(info), info.red_flags, info.updated_at]

    def cell(self, info: DossierInfo, column: int, role: int) -> Any:
        """Return one cell of a dossier's row."""
        if role == ID_ROLE:
            return info.id
        if role == PROGRESS_ROLE:
            return _percent(info)
        flags, updated = info.red_flags, info.updated_at
        if role == SORT_ROLE:
            return [
                str(info.title).casefold(),
                _percent(info),
                _percent(info),
                flags,
                updated.isoformat() if isinstance(updated, dt.datetime) else "",
            ][column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_TITLE:
                return info.title
            if column == COL_STATUS:
                return dossier_status(info)
            if column == COL_PROGRESS:
                return f"{_percent(info)}%"
            if column == COL_FLAGS:
                return str(flags) if flags else "–"
            if column == COL_UPDATED and isinstance(updated, dt.datetime):
                return datetime_text(updated)
            return ""
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_FLAGS and flags:
            return QColor(current_theme().red)
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TITLE:
            return info.title
        return None
