"""The evidence files of one item: add by dialog or drag and drop, open, remove."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QWidget

from ddcheck.domain.dossier import Evidence
from ddcheck.domain.formatting import format_date, format_size
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr, tr_in
from ddcheck.ui.layout import TIGHT, hbox, label, vbox


def evidence_line(entry: Evidence) -> str:
    """Return one evidence line: name, size or 'link', and its dates when it has them."""
    lang = i18n.language()
    parts = [entry.name, tr("link") if entry.is_link else format_size(entry.size, lang)]
    if entry.dated:
        parts.append(tr("dated {date}", date=format_date(entry.dated, lang)))
    if entry.valid_until:
        parts.append(tr("valid until {date}", date=format_date(entry.valid_until, lang)))
    return "   ·   ".join(parts)


class EvidenceList(QWidget):
    """List an item's evidence; ask to add (dialog or dropped files), open or remove."""

    addRequested = Signal()
    addLinkRequested = Signal()
    filesDropped = Signal(list)
    openRequested = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.list = QListWidget(self)
        self.list.setMaximumHeight(120)
        self.list.itemDoubleClicked.connect(
            lambda it: self.openRequested.emit(it.data(Qt.ItemDataRole.UserRole))
        )
        self.list.currentRowChanged.connect(self._update_buttons)
        self.hint = label(tr("Drop files here or use Add file…"), "small", wrap=True)
        self.add_button = QPushButton(tr("Add file…"), self)
        self.link_button = named(
            QPushButton(tr("Add link…"), self),
            tr("Add link…"),
            tr("Evidence that stays where it is: a web link or a path on the company drive"),
        )
        self.link_button.clicked.connect(self.addLinkRequested)
        self.open_button = QPushButton(tr_in("button", "Open"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.add_button.clicked.connect(self.addRequested)
        self.open_button.clicked.connect(lambda: self._emit_current(self.openRequested))
        self.remove_button.clicked.connect(lambda: self._emit_current(self.removeRequested))
        # two short rows instead of one long one: the panel fits a 1366×768 screen at 125 %
        self.manage_row = QWidget(self)
        self.manage_row.setLayout(hbox(self.open_button, self.remove_button, 1))
        self.setLayout(
            vbox(
                self.list,
                self.manage_row,
                hbox(self.add_button, self.link_button, 1),
                self.hint,
                spacing=TIGHT,
            )
        )
        self._update_buttons()

    def set_evidence(self, evidence: list[Evidence]) -> None:
        """Show `evidence`."""
        current = self.current_id()
        self.list.clear()
        for entry in evidence:
            item = QListWidgetItem(evidence_line(entry))
            item.setData(Qt.ItemDataRole.UserRole, entry.id)
            item.setToolTip(entry.location if entry.is_link else f"SHA-256 {entry.sha256}")
            self.list.addItem(item)
            if entry.id == current:
                self.list.setCurrentItem(item)
        self.list.setVisible(bool(evidence))
        self.manage_row.setVisible(bool(evidence))
        self._update_buttons()

    def current_id(self) -> str | None:
        """Return the id of the selected evidence, or None."""
        item = self.list.currentItem()
        return str(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _emit_current(self, signal: SignalInstance) -> None:
        evidence_id = self.current_id()
        if evidence_id:
            signal.emit(evidence_id)

    def _update_buttons(self, *_args: object) -> None:
        has = self.list.currentItem() is not None
        self.open_button.setEnabled(has)
        self.remove_button.setEnabled(has)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        """Accept dragged local files."""
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        """Hand dropped local files on."""
        files = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        files = [f for f in files if f.is_file()]
        if files:
            self.filesDropped.emit(files)
            event.acceptProposedAction()
