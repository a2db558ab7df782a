"""Welcome and the dossier list: search, sort, status, completion; rename, duplicate, delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QHeaderView,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr, tr_in
from ddcheck.ui.layout import MARGIN, SPACING, card, hbox, label, read_only_table, vbox
from ddcheck.ui.models.dossier_list import (
    COL_PROGRESS,
    COL_TITLE,
    COL_UPDATED,
    ID_ROLE,
    PROGRESS_ROLE,
    SORT_ROLE,
    DossierListModel,
)
from ddcheck.ui.style import current_theme, repolish


class ProgressDelegate(QStyledItemDelegate):
    """Draw a slim completion bar with the percentage next to it."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        """Paint the bar."""
        self.initStyleOption(option, index)
        option.text = ""
        style = option.widget.style() if option.widget else None
        if style is not None:
            style.drawControl(style.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        percent = int(index.data(PROGRESS_ROLE) or 0)
        rect = option.rect.adjusted(10, 0, -52, 0)
        bar = QRect(rect.left(), rect.center().y() - 3, max(rect.width(), 10), 7)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(current_theme().track))
        painter.drawRoundedRect(bar, 3.5, 3.5)
        if percent:
            filled = QRect(
                bar.left(), bar.top(), max(7, bar.width() * percent // 100), bar.height()
            )
            painter.setBrush(
                QColor(current_theme().green if percent >= 100 else current_theme().accent)
            )
            painter.drawRoundedRect(filled, 3.5, 3.5)
        painter.setPen(QColor(current_theme().subtle_ink))
        text_rect = QRect(bar.right() + 8, option.rect.top(), 44, option.rect.height())
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            f"{percent}%",
        )
        painter.restore()


class BigButton(QPushButton):
    """A large button with a bold title and a muted line explaining it."""

    def __init__(self, title: str, detail: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "big")
        self.title = label(title, "big-title")
        self.detail = label(detail, "big-detail")
        for part in (self.title, self.detail):
            part.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setLayout(vbox(self.title, self.detail, margin=14, spacing=3))
        self.setMinimumWidth(380)
        named(self, title, detail)

    def sizeHint(self) -> QSize:
        """Return the size the two lines need."""
        layout = self.layout()
        needed = layout.sizeHint() if layout is not None else QSize()
        return needed.expandedTo(QSize(380, 72))

    def minimumSizeHint(self) -> QSize:
        """Never squash the two lines."""
        return self.sizeHint()

    def changeEvent(self, event: QEvent) -> None:
        """Grey the texts when the button is disabled."""
        if event.type() == QEvent.Type.EnabledChange:
            off = "" if self.isEnabled() else "-off"
            self.title.setProperty("role", f"big-title{off}")
            self.detail.setProperty("role", f"big-detail{off}")
            repolish(self.title)
            repolish(self.detail)
        super().changeEvent(event)

    def set_texts(self, title: str, detail: str) -> None:
        """Change both lines."""
        self.title.setText(title)
        self.detail.setText(detail)
        named(self, title, detail)
        self.updateGeometry()  # the welcome card sizes itself to the longer Import text


class WelcomePanel(QWidget):
    """The first-run page: new dossier, demo dossier, import."""

    def __init__(self, import_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.new_button = BigButton(
            tr("New dossier"), tr("Prepare for a trade mission, step by step"), self
        )
        self.demo_button = BigButton(
            tr("Open the demo dossier"), tr("See a filled-in example for a Saudi mission"), self
        )
        self.import_button = BigButton(tr("Import"), "", self)
        self.panel = panel = card(self)
        panel.setLayout(
            vbox(
                label(tr("Welcome to ddcheck"), "title"),
                label(
                    tr(
                        "Prepare the IMVO due-diligence checks for a trade mission, "
                        "keep everything on "
                        "this computer, and export one PDF for your RVO adviser."
                    ),
                    "muted",
                    wrap=True,
                ),
                self.new_button,
                self.demo_button,
                self.import_button,
                margin=MARGIN + 8,
                spacing=SPACING,
            )
        )
        self.setLayout(vbox(1, hbox(1, panel, 1), 2, margin=MARGIN))
        self.set_import_available(import_available)

    def set_import_available(self, available: bool) -> None:
        """Enable Import, or say it comes in a next version."""
        detail = (
            tr("Open a received PDF, a .ddcheck file or an adviser's review")
            if available
            else tr("Coming in a next version")
        )
        self.import_button.set_texts(tr("Import"), detail)
        self.import_button.setEnabled(available)
        self._fit_panel()

    def _fit_panel(self) -> None:
        """Keep the card calm (620 px) but never narrower than its longest button line."""
        widest = max(
            b.sizeHint().width() for b in (self.new_button, self.demo_button, self.import_button)
        )
        self.panel.setMaximumWidth(max(620, widest + 2 * (MARGIN + 8) + 2))


class _SortProxy(QSortFilterProxyModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(COL_TITLE)


class DossierList(QWidget):
    """The table of dossiers with search and the dossier commands."""

    openRequested = Signal(str)
    newRequested = Signal()
    renameRequested = Signal(str)
    duplicateRequested = Signal(str)
    deleteRequested = Signal(str)
    trashRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = DossierListModel(self)
        self.proxy = _SortProxy(self)
        self.proxy.setSourceModel(self.model)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search dossiers"))
        named(self.search, tr("Search dossiers"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.proxy.setFilterFixedString)
        self.table = read_only_table(self, self.proxy, row_height=38)
        named(self.table, tr("Dossiers"), tr("Enter opens the selected dossier"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_UPDATED, Qt.SortOrder.DescendingOrder)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        metrics = header.fontMetrics()
        for column, width in ((1, 120), (2, 190), (3, 90), (4, 150)):
            title = str(self.model.headerData(column, Qt.Orientation.Horizontal))
            fits = metrics.horizontalAdvance(title) + 40  # padding and the sort arrow
            self.table.setColumnWidth(column, max(width, fits))
        self.table.setItemDelegateForColumn(COL_PROGRESS, ProgressDelegate(self.table))
        self.table.doubleClicked.connect(lambda _i: self._emit(self.openRequested))
        self.table.activated.connect(lambda _i: self._emit(self.openRequested))
        self.new_button = QPushButton(tr("New dossier…"), self)
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.newRequested)
        self.open_button = QPushButton(tr_in("button", "Open"), self)
        self.rename_button = QPushButton(tr("Rename…"), self)
        self.duplicate_button = QPushButton(tr("Duplicate"), self)
        self.duplicate_button.setToolTip(
            tr("Copy this dossier as the starting point for a next mission")
        )
        self.delete_button = QPushButton(tr("Delete…"), self)
        self.trash_button = QPushButton(tr("Trash…"), self)
        self.open_button.clicked.connect(lambda: self._emit(self.openRequested))
        self.rename_button.clicked.connect(lambda: self._emit(self.renameRequested))
        self.duplicate_button.clicked.connect(lambda: self._emit(self.duplicateRequested))
        self.delete_button.clicked.connect(lambda: self._emit(self.deleteRequested))
        self.trash_button.clicked.connect(self.trashRequested)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.setLayout(
            vbox(
                hbox(self.search, 1, self.trash_button, self.new_button),
                self.table,
                hbox(
                    self.open_button,
                    self.rename_button,
                    self.duplicate_button,
                    self.delete_button,
                    1,
                ),
                margin=MARGIN,
            )
        )
        self._update_buttons()

    def set_rows(self, rows: list[Any]) -> None:
        """Show the dossiers."""
        self.model.set_rows(rows)
        self._update_buttons()

    def update_row(self, dossier_id: str, **fields: Any) -> bool:
        """Change what one dossier's row shows, in place (no reading, no reset)."""
        return self.model.update_row(dossier_id, **fields)

    def current_id(self) -> str | None:
        """Return the id of the selected dossier (or of the row the keyboard is on)."""
        rows = self.table.selectionModel().selectedRows()
        index = rows[0] if rows else self.table.currentIndex()
        value = index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None
        return str(value) if value else None

    def select(self, dossier_id: str) -> None:
        """Select the row of a dossier."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ID_ROLE) == dossier_id:
                self.table.selectRow(row)
                return

    def _emit(self, signal: Any) -> None:
        dossier_id = self.current_id()
        if dossier_id:
            signal.emit(dossier_id)

    def _update_buttons(self, *_args: object) -> None:
        has = self.current_id() is not None
        for button in (
            self.open_button,
            self.rename_button,
            self.duplicate_button,
            self.delete_button,
        ):
            button.setEnabled(has)


class DossiersPage(QStackedWidget):
    """The welcome panel when the workspace is empty, otherwise the dossier list."""

    def __init__(self, import_available: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.welcome = WelcomePanel(import_available, self)
        self.list = DossierList(self)
        self.loading = label(tr("Opening your workspace…"), "muted")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.addWidget(self.welcome)
        self.addWidget(self.list)
        self.addWidget(self.loading)

    def show_loading(self) -> None:
        """Say that the workspace is being opened."""
        self.setCurrentWidget(self.loading)

    def set_rows(self, rows: list[Any]) -> None:
        """Show the dossiers, or the welcome panel when there are none."""
        self.list.set_rows(rows)
        self.setCurrentWidget(self.list if rows else self.welcome)
