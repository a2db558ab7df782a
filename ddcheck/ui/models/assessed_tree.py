"""The checklist tree of a received dossier with the adviser's assessment next to each item."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import QIdentityProxyModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ddcheck.ui.i18n import tr
from ddcheck.ui.models.section_tree import COL_PROGRESS, KEY_ROLE, KIND_ROLE, SectionTreeModel
from ddcheck.ui.style import current_theme

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY = int(Qt.ItemDataRole.DisplayRole)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_ROLES = frozenset({_DISPLAY, _TOOLTIP, int(Qt.ItemDataRole.ForegroundRole)})
_COLOURS = {"accepted": "green", "question": "amber", "insufficient": "red"}  # theme colours


WITHHELD_MARK = "⊘"
MARKS = {"accepted": "✓", "question": "?", "insufficient": "✗"}


def assessment_names() -> dict[str, str]:
    """Return the assessments as the adviser reads them (the marks' tooltips)."""
    return {
        "accepted": tr("Accepted"),
        "question": tr("Question"),
        "insufficient": tr("Not sufficient"),
    }


class AssessedTreeModel(QIdentityProxyModel):
    """Show the adviser's assessment (or that the item was withheld) next to each item."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._assessments: dict[str, str] = {}
        self._withheld: frozenset[str] = frozenset()

    def set_withheld(self, keys: frozenset[str] | set[str] | tuple[str, ...]) -> None:
        """Mark the items the company withheld (shown until they are assessed)."""
        self.beginResetModel()
        self._withheld = frozenset(keys)
        self.endResetModel()

    def set_assessments(self, assessments: Mapping[str, str]) -> None:
        """Show these assessments (the rows stay; only the marks change)."""
        changed = {
            k
            for k in set(assessments) | set(self._assessments)
            if assessments.get(k) != self._assessments.get(k)
        }
        self._assessments = dict(assessments)
        source = self.sourceModel()
        for key in changed:
            found = source.index_of(key) if isinstance(source, SectionTreeModel) else QModelIndex()
            if found.isValid():
                index = self.mapFromSource(found.siblingAtColumn(COL_PROGRESS))
                self.dataChanged.emit(index, index)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return the source data, with the assessment mark in an item's second column."""
        source = self.mapToSource(index)
        if index.column() != COL_PROGRESS or role not in _ROLES:
            return self.sourceModel().data(source, role) if source.isValid() else None
        if source.data(KIND_ROLE) != "item":
            return self.sourceModel().data(source, role)
        key = str(source.data(KEY_ROLE))
        assessment = self._assessments.get(key)
        if assessment is None:
            if key not in self._withheld:
                return None
            if role == _DISPLAY:
                return WITHHELD_MARK
            return tr("Withheld") if role == _TOOLTIP else QColor(current_theme().amber)
        if role == _DISPLAY:
            return MARKS.get(assessment, assessment)
        if role == _TOOLTIP:
            return assessment_names().get(assessment, assessment)
        return QColor(getattr(current_theme(), _COLOURS.get(assessment, "muted")))
