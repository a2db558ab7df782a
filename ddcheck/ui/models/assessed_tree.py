"""The checklist tree of a received dossier with the adviser's assessment next to each item."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ddcheck.ui.i18n import tr
from ddcheck.ui.models.section_tree import COL_PROGRESS, KEY_ROLE, KIND_ROLE

_Index = QModelIndex | QPersistentModelIndex
_COLOURS = {"accepted": "#2f7d32", "question": "#a15c07", "insufficient": "#b42318"}


MARKS = {"accepted": "✓", "question": "?", "insufficient": "✗"}


def assessment_names() -> dict[str, str]:
    """Return the assessments as the adviser reads them (the marks' tooltips)."""
    return {
        "accepted": tr("Accepted"),
        "question": tr("Question"),
        "insufficient": tr("Not sufficient"),
    }


class AssessedTreeModel(QIdentityProxyModel):
    """Show `assessments` ({item key: assessment}) in the second column of item rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._assessments: dict[str, str] = {}

    def set_assessments(self, assessments: Mapping[str, str]) -> None:
        """Show these assessments (the rows stay; only the marks change)."""
        self._assessments = dict(assessments)
        rows = self.rowCount()
        if rows:
            self._changed(QModelIndex())

    def _changed(self, parent: QModelIndex) -> None:
        for row in range(self.rowCount(parent)):
            index = self.index(row, COL_PROGRESS, parent)
            if index.data(KIND_ROLE) == "item":
                self.dataChanged.emit(index, index)
            else:
                self._changed(self.index(row, 0, parent))

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the source data, with the assessment mark in an item's second column."""
        if (
            index.isValid()
            and index.column() == COL_PROGRESS
            and role
            in (
                Qt.ItemDataRole.DisplayRole,
                Qt.ItemDataRole.ForegroundRole,
                Qt.ItemDataRole.ToolTipRole,
            )
            and index.data(KIND_ROLE) == "item"
        ):
            assessment = self._assessments.get(str(index.data(KEY_ROLE)))
            if assessment is None:
                return None
            if role == Qt.ItemDataRole.DisplayRole:
                return MARKS.get(assessment, assessment)
            if role == Qt.ItemDataRole.ToolTipRole:
                return assessment_names().get(assessment, assessment)
            return QColor(_COLOURS.get(assessment, "#5f6b7a"))
        return super().data(index, role)
