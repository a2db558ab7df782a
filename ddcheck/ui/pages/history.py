"""The change log of the open dossier: when, what, old and new value."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QLineEdit, QTableView, QWidget

from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, hbox, label, vbox
from ddcheck.ui.session import DossierSession

COL_WHEN, COL_WHAT, COL_OLD, COL_NEW = range(4)
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(
            f"{k}: {_text(v)}" for k, v in value.items() if v not in (None, "", [], False)
        )
    if isinstance(value, list):
        return ", ".join(_text(v) for v in value)
    return str(value)


def item_key_of(entry: Any) -> str | None:
    """Return the item key a history entry is about, if any."""
    if getattr(entry, "entity", "answer") == "answer":
        return getattr(entry, "entity_id", None) or getattr(entry, "item_key", None)
    return getattr(entry, "item_key", None)


class HistoryModel(QAbstractTableModel):
    """History entries (duck-typed: at/when, what/field, old, new, item_key)."""

    def __init__(self, describe: Any, value_text: Any = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Any] = []
        self._describe = describe
        self._value_text = value_text or (lambda _entry, value: _text(value))

    def set_rows(self, rows: Sequence[Any]) -> None:
        """Replace the entries (newest first)."""
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of entries."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Return the number of columns."""
        return 0 if parent.isValid() else 4

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Return one cell."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._rows[index.row()]
        if role == KEY_ROLE:
            return item_key_of(entry)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        column = index.column()
        if column == COL_WHEN:
            when = (
                getattr(entry, "at", None)
                or getattr(entry, "when", None)
                or getattr(entry, "changed_at", None)
            )
            if isinstance(when, dt.datetime):
                return (
                    when.astimezone().strftime("%Y-%m-%d %H:%M:%S")
                    if when.tzinfo
                    else when.strftime("%Y-%m-%d %H:%M:%S")
                )
            return str(when or "")
        if column == COL_WHAT:
            return self._describe(entry)
        value = getattr(entry, "old" if column == COL_OLD else "new", None)
        return self._value_text(entry, value)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Return the column titles."""
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return [tr("When"), tr("What"), tr("Before"), tr("After")][section]
        return None


def field_label(field: str) -> str:
    """Return a readable name for a changed field."""
    return {
        "value": tr("Answer"),
        "note": tr("Note"),
        "confidential": tr("Confidential"),
        "review": tr("Marked for review"),
        "risk": tr("Risk"),
        "evidence": tr("Evidence"),
        "evidence_ids": tr("Evidence"),
    }.get(field, field)


def entity_label(entity: str) -> str:
    """Return a readable name for a kind of changed thing."""
    return {
        "action": tr("Action"),
        "evidence": tr("Evidence"),
        "dossier": tr("Dossier"),
    }.get(entity, entity)


class HistoryPage(QWidget):
    """Every recorded change of the dossier, newest first; double-click goes to the item."""

    itemRequested = Signal(str)

    def __init__(self, session: DossierSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = HistoryModel(self.describe, self.value_text, self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setSectionResizeMode(COL_WHAT, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnWidth(COL_WHEN, 170)
        self.table.setColumnWidth(COL_OLD, 200)
        self.table.setColumnWidth(COL_NEW, 200)
        self.table.doubleClicked.connect(self._open)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(tr("Filter the history"))
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(lambda _t: self.refresh())
        self.count = label("", "muted")
        self.setLayout(vbox(hbox(self.filter, 1, self.count), self.table, margin=MARGIN))
        self._shown = False

    def describe(self, entry: Any) -> str:
        """Return what an entry changed, in words."""
        key = item_key_of(entry)
        what = field_label(str(getattr(entry, "field", "") or getattr(entry, "what", "")))
        entity = str(getattr(entry, "entity", ""))
        if entity and entity != "answer":
            what = f"{entity_label(entity)} · {what}" if what else entity_label(entity)
        if key:
            found = self.session.entry(key)
            if found is not None:
                return (
                    f"{what}: {found.item.question.get(self.session.lang)}"
                    if what
                    else found.item.question.get(self.session.lang)
                )
        summary = getattr(entry, "summary", "") or getattr(entry, "description", "")
        return " ".join(x for x in (what, str(summary)) if x)

    def value_text(self, entry: Any, value: Any) -> str:
        """Return a recorded value in words: option labels instead of option ids."""
        key = item_key_of(entry)
        found = self.session.entry(key) if key else None
        if found is not None and getattr(entry, "field", "") == "value" and value is not None:
            scale = found.template.scale_for(found.item)
            if scale.is_choice:
                ids = value if isinstance(value, list) else [value]
                labels = [
                    o.label.get(self.session.lang) if (o := scale.option(str(v))) else str(v)
                    for v in ids
                ]
                return ", ".join(labels)
        if isinstance(value, dict) and {"severity", "likelihood"} <= set(value):
            parts = [
                f"{tr('Severity')} {value['severity']}" if value.get("severity") else "",
                f"{tr('Likelihood')} {value['likelihood']}" if value.get("likelihood") else "",
            ]
            return ", ".join(p for p in parts if p)
        if isinstance(value, bool):
            return tr("Yes") if value else tr("No")
        return _text(value)

    def on_shown(self) -> None:
        """Load the history when the page comes into view."""
        self.refresh()

    def refresh(self) -> None:
        """Read the change log again."""
        rows = list(self.session.workspace.history(self.session.dossier_id))
        if rows and hasattr(rows[0], "id"):
            rows.sort(key=lambda r: r.id, reverse=True)  # newest first
        words = self.filter.text().casefold().split()
        if words:
            rows = [r for r in rows if all(w in self._haystack(r) for w in words)]
        self.model.set_rows(rows)
        self.count.setText(tr("{n} changes", n=len(rows)))

    def _haystack(self, entry: Any) -> str:
        old, new = _text(getattr(entry, "old", "")), _text(getattr(entry, "new", ""))
        return f"{self.describe(entry)} {old} {new}".casefold()

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self.itemRequested.emit(str(key))
