"""The change log of the open dossier: when, by whom, what, old and new value."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from ddcheck.ui.accessibility import named
from ddcheck.ui.dates import datetime_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, hbox, label, vbox
from ddcheck.ui.models.rows_table import RowsTableModel
from ddcheck.ui.pages.history_words import HistoryWords, item_key_of
from ddcheck.ui.pages.page import Page
from ddcheck.ui.session import DossierSession

COL_WHEN, COL_WHO, COL_WHAT, COL_OLD, COL_NEW = range(5)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


class HistoryModel(RowsTableModel[Any]):
    """History rows (services HistoryRow: at, who, entity, entity_id, field, old, new)."""

    column_count = 5

    def __init__(self, words: HistoryWords, parent: Any = None) -> None:
        super().__init__(parent)
        self._words = words

    def titles(self) -> list[str]:
        """Return the column titles."""
        return [tr("When"), tr("By"), tr("What"), tr("Before"), tr("After")]

    def cell(self, entry: Any, column: int, role: int) -> Any:
        """Return one cell of a history entry (its tooltip is the cell's whole text)."""
        if role == KEY_ROLE:
            return item_key_of(entry)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == COL_WHEN:
            return datetime_text(entry.at)
        if column == COL_WHO:
            return entry.who
        if column == COL_WHAT:
            return self._words.describe(entry)
        return self._words.value(entry, entry.old if column == COL_OLD else entry.new)


def history_table(model: HistoryModel, parent: QWidget) -> QTableView:
    """Return a read-only table of history rows: whole rows selected, the change stretched."""
    table = QTableView(parent)
    named(table, tr("History"))
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
    table.setColumnWidth(COL_WHEN, 150)
    table.setColumnWidth(COL_WHO, 110)
    table.setColumnWidth(COL_OLD, 200)
    table.setColumnWidth(COL_NEW, 200)
    return table


class HistoryPage(QWidget, Page):
    """Every recorded change of the dossier, newest first; double-click goes to the item."""

    itemRequested = Signal(str)

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.words = HistoryWords(session)
        self.model = HistoryModel(self.words, self)
        self.table = history_table(self.model, self)
        self.table.doubleClicked.connect(self._open)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(tr("Filter the history"))
        named(self.filter, tr("Filter the history"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.count = label("", "muted")
        self.setLayout(vbox(hbox(self.filter, 1, self.count), self.table, margin=MARGIN))
        self._shown = False

    def on_shown(self) -> None:
        """Load the history when the page comes into view."""
        self.refresh()

    def refresh(self) -> None:
        """Read the change log again."""
        rows = sorted(
            self.session.workspace.history(self.session.dossier_id),
            key=lambda r: r.id,
            reverse=True,  # newest first
        )
        self.words.learn(rows)
        words = self.filter.text().casefold().split()
        if words:
            rows = [r for r in rows if all(w in self._haystack(r) for w in words)]
        self.model.set_rows(rows)
        self.count.setText(tr("{n} changes", n=len(rows)))

    def _haystack(self, entry: Any) -> str:
        words = self.words
        old, new = words.value(entry, entry.old), words.value(entry, entry.new)
        return f"{entry.who} {words.describe(entry)} {old} {new}".casefold()

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self.itemRequested.emit(str(key))
