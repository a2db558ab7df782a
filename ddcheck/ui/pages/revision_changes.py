"""What changed from one received version of a dossier to the next, as a table."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.layout import SPACING, label, vbox


def _value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_value(v)}" for k, v in value.items() if v not in (None, "", []))
    if isinstance(value, list):
        return ", ".join(_value(v) for v in value)
    return str(value)


class RevisionChangesView(QWidget):
    """Answers, evidence, actions and withheld items that changed, one row each."""

    itemRequested = Signal(str)

    def __init__(self, item_title: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item_title = item_title
        self.table = QTableWidget(0, 5, self)
        named(self.table, tr("Changes since the last version"))
        self.table.setHorizontalHeaderLabels(
            [tr("Kind"), tr("Subject"), tr("Change"), tr("Before"), tr("Now")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 100), (2, 130), (3, 240), (4, 240)):
            self.table.setColumnWidth(column, width)
        self.table.cellDoubleClicked.connect(self._open)
        self.table.setToolTip(tr("Double-click an answer to show its item."))
        self.note = label("", "muted", wrap=True)
        self.setLayout(vbox(self.note, self.table, margin=SPACING))

    def _open(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        key = item.data(Qt.ItemDataRole.UserRole + 1) if item is not None else None
        if key:
            self.itemRequested.emit(str(key))

    def show_nothing(self, text: str) -> None:
        """Show a sentence instead of changes."""
        self.table.setRowCount(0)
        self.note.setText(text)

    def show_changes(self, result: Any) -> None:
        """Show a services RevisionChanges."""
        self.note.setText(
            tr_n(
                "Version {new} against version {old}: {n} change.",
                "Version {new} against version {old}: {n} changes.",
                len(result.changes),
                new=result.new.number,
                old=result.old.number,
            )
        )
        kinds = {
            "answer": tr("Answer"),
            "evidence": tr("Evidence"),
            "action": tr("Action"),
            "withheld": tr("Withheld"),
        }
        whats = {
            "added": tr("added"),
            "removed": tr("removed"),
            "value": tr("answer"),
            "note": tr("note"),
            "risk": tr("risk"),
            "confidential": tr("confidential"),
            "evidence_ids": tr("evidence"),
            "needs_reconfirmation": tr("to re-confirm"),
            "status": tr("status"),
            "due": tr("due date"),
            "owner": tr("owner"),
            "priority": tr("priority"),
            "action": tr("action"),
        }
        self.table.setRowCount(len(result.changes))
        for row, change in enumerate(result.changes):
            subject = change.key
            if change.kind in ("answer", "withheld"):
                subject = self.item_title(change.key)
            elif change.what in ("added", "removed"):
                subject = _value(change.new if change.what == "added" else change.old)
            cells = [
                kinds.get(change.kind, change.kind),
                subject,
                whats.get(change.what, change.what),
                _value(change.old),
                _value(change.new),
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, change.key)
                if change.kind in ("answer", "withheld"):
                    item.setData(Qt.ItemDataRole.UserRole + 1, change.key)
                self.table.setItem(row, column, item)
