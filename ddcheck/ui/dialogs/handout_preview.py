"""Before a returned hand-out is saved: every change item by item, conflicts asked one by one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.layout import MARGIN, SPACING, vbox
from ddcheck.ui.style import current_theme

COL_ITEM, COL_FIELD, COL_OURS, COL_THEIRS, COL_TAKE = range(5)


class HandoutPreview(QDialog):
    """The changes a returned hand-out brings; conflicts keep ddcheck's value unless ticked."""

    def __init__(self, colleague: str, rows: Sequence[Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows = list(rows)
        who = colleague or tr("a colleague")
        self.setWindowTitle(tr("Hand-out from {name}", name=who))
        named(self, tr("Hand-out from {name}", name=who))
        conflicts = sum(1 for r in self.rows if r.change.conflict)
        summary = tr_n(
            "{n} change filled in by {name}.",
            "{n} changes filled in by {name}.",
            len(rows),
            name=who,
        )
        if conflicts:
            summary += " " + tr_n(
                "{n} answer was also changed in ddcheck after the hand-out: both versions are "
                "shown; ddcheck's stays unless you tick “Take colleague's”.",
                "{n} answers were also changed in ddcheck after the hand-out: both versions are "
                "shown; ddcheck's stays unless you tick “Take colleague's”.",
                conflicts,
            )
        self.summary = named(QLabel(summary, self), tr("What this hand-out changes"))
        self.summary.setWordWrap(True)
        self.table = named(QTableWidget(len(self.rows), 5, self), tr("Changes item by item"))
        self.table.setHorizontalHeaderLabels(
            [tr("Item"), tr("Field"), tr("In ddcheck now"), tr("Colleague's value"), ""]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ITEM, QHeaderView.ResizeMode.Stretch)
        self.takes: dict[int, QCheckBox] = {}
        theme = current_theme()
        for r, row in enumerate(self.rows):
            change = row.change
            field = tr("Answer") if change.field == "value" else tr("Note")
            texts = (f"{row.number} {row.question}".strip(), field, row.ours, row.theirs)
            for c, text in enumerate(texts):
                cell = QTableWidgetItem(text or "—")
                cell.setToolTip(text)
                if change.conflict and c in (COL_OURS, COL_THEIRS):
                    cell.setBackground(QColor(theme.amber_soft))  # both versions: look
                    cell.setForeground(QColor(theme.amber_ink))
                self.table.setItem(r, c, cell)
            if change.conflict:
                box = QCheckBox(tr("Take colleague's"), self.table)
                named(box, tr("Take the colleague's value for {item}", item=texts[0]))
                self.table.setCellWidget(r, COL_TAKE, box)
                self.takes[r] = box
            else:
                self.table.setItem(r, COL_TAKE, QTableWidgetItem(tr("will be saved")))
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(COL_ITEM, 320)
        self.buttons = named(QDialogButtonBox(self), tr("Save or cancel"))
        self.save_button = self.buttons.addButton(
            tr("Save changes"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        named(self.save_button, tr("Save changes"))
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        named(self.cancel_button, tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.setLayout(vbox(self.summary, self.table, self.buttons, margin=MARGIN, spacing=SPACING))
        self.resize(980, 480)

    def taken(self) -> list[tuple[str, str]]:
        """Return the (item key, field) of the conflicts where the colleague's value is taken."""
        return [
            (self.rows[r].change.key, self.rows[r].change.field)
            for r, box in self.takes.items()
            if box.isChecked()
        ]
