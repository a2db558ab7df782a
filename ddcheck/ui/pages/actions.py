"""The action plan: an editable table, filters (status, owner, overdue), sorting, CSV export."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from ddcheck.domain.cells import safe_row
from ddcheck.domain.dossier import Action
from ddcheck.domain.ids import new_id
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.dialogs.action_editor import priority_labels, status_labels
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, TIGHT, hbox, label, vbox
from ddcheck.ui.models.action_table import (
    COL_ACTION,
    COL_ITEMS,
    COL_PRIORITY,
    COL_STATUS,
    ID_ROLE,
    SORT_ROLE,
    ActionTableModel,
)
from ddcheck.ui.pages.page import Page
from ddcheck.ui.session import DossierSession, SessionUpdate

_Index = QModelIndex | QPersistentModelIndex


class ChoiceDelegate(QStyledItemDelegate):
    """Edit a column with a fixed list of choices in a combo box."""

    def __init__(self, choices: dict[str, str], parent: Any = None) -> None:
        super().__init__(parent)
        self._choices = choices

    def createEditor(
        self, parent: QWidget, _option: QStyleOptionViewItem, _index: _Index
    ) -> QWidget:
        """Return a combo box of the choices."""
        box = QComboBox(parent)
        for key, text in self._choices.items():
            box.addItem(text, key)
        return box

    def setEditorData(self, editor: QWidget, index: _Index) -> None:
        """Select the current value."""
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))

    def setModelData(self, editor: QWidget, model: Any, index: _Index) -> None:
        """Write the chosen value."""
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)


class ActionFilter(QSortFilterProxyModel):
    """Filter actions by status, owner and overdue."""

    def __init__(self, session: DossierSession, ctx: AppContext, parent: Any = None) -> None:
        super().__init__(parent)
        self.session = session
        self.ctx = ctx
        self.status = ""
        self.owner: str | None = None
        self.overdue_only = False
        self.setSortRole(SORT_ROLE)

    def set_filter(self, status: str, owner: str | None, overdue_only: bool) -> None:
        """Show only the matching actions ('' / None: any; 'not_done': open or in progress)."""
        if hasattr(self, "beginFilterChange"):  # Qt 6.10+
            self.beginFilterChange()
            self.status, self.owner, self.overdue_only = status, owner, overdue_only
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            self.status, self.owner, self.overdue_only = status, owner, overdue_only
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        """Return whether an action passes the filters."""
        model = self.sourceModel()
        assert isinstance(model, ActionTableModel)
        action = model.row_at(row)
        if self.status == "not_done" and not action.is_open:
            return False
        if self.status not in ("", "not_done") and action.status != self.status:
            return False
        if self.owner is not None and action.owner != self.owner:
            return False
        return not (self.overdue_only and not action.is_overdue(self.ctx.today()))


def write_csv(actions: list[Action], path: Path, item_title: Any) -> None:
    """Write the action plan as a CSV file (UTF-8 with BOM so spreadsheet programs read it)."""
    with path.open("w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow(
            [
                tr("Action"),
                tr("Gap"),
                tr("Standard"),
                tr("Deliverable"),
                tr("Owner"),
                tr("Start"),
                tr("Due"),
                tr("Priority"),
                tr("Status"),
                tr("Budget"),
                tr("Evidence of completion"),
                tr("Linked items"),
            ]
        )
        for a in actions:
            writer.writerow(
                safe_row(
                    [
                        a.action,
                        a.gap,
                        a.standard_ref,
                        a.deliverable,
                        a.owner,
                        a.start.isoformat() if a.start else "",
                        a.due.isoformat() if a.due else "",
                        priority_labels()[a.priority],
                        status_labels()[a.status],
                        a.budget,
                        a.completion_evidence,
                        "; ".join(item_title(k) for k in a.item_keys),
                    ]
                )
            )


class ActionsPage(QWidget, Page):
    """Plan and follow up the actions that close the gaps."""

    itemRequested = Signal(str)

    def __init__(
        self, ctx: AppContext, session: DossierSession, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session = session
        self.model = ActionTableModel(self._edit, self.item_title, ctx.today, self)
        self.proxy = ActionFilter(session, ctx, self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        named(self.table, tr("Actions"), tr("Enter or F2 edits the selected cell"))
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        # The action and its questions share what the fixed columns leave: at 125 % on a 1366 px
        # screen a fixed questions column left the action three letters wide.
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_ITEMS, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 130), (2, 100), (3, 90), (4, 100), (6, 120)):
            self.table.setColumnWidth(column, width)
        self.table.setItemDelegateForColumn(
            COL_PRIORITY, ChoiceDelegate(priority_labels(), self.table)
        )
        self.table.setItemDelegateForColumn(COL_STATUS, ChoiceDelegate(status_labels(), self.table))
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.status_filter = QComboBox(self)
        self.status_filter.addItem(tr("All statuses"), "")
        self.status_filter.addItem(tr("Not done yet"), "not_done")
        for key, text in status_labels().items():
            self.status_filter.addItem(text, key)
        self.owner_filter = QComboBox(self)
        named(self.status_filter, tr("Show actions with status"))
        named(self.owner_filter, tr("Show actions of owner"))
        self.overdue = QCheckBox(tr("Overdue only"), self)
        for widget in (self.status_filter, self.owner_filter):
            widget.currentIndexChanged.connect(self._apply_filter)
        self.overdue.toggled.connect(self._apply_filter)
        self.new_button = QPushButton(tr("New action…"), self)
        self.new_button.setProperty("role", "primary")
        self.edit_button = QPushButton(tr("Edit…"), self)
        self.delete_button = QPushButton(tr("Delete"), self)
        self.goto_button = QPushButton(tr("Go to item"), self)
        self.csv_button = QPushButton(tr("Export CSV…"), self)
        self.new_button.clicked.connect(self.new_action)
        self.edit_button.clicked.connect(self.edit_current)
        self.delete_button.clicked.connect(self.delete_current)
        self.goto_button.clicked.connect(self._goto_item)
        self.csv_button.clicked.connect(self.export_csv)
        self.table.doubleClicked.connect(self._double_clicked)
        self.count = label("", "muted")
        self.setLayout(
            vbox(
                hbox(
                    label(tr("Filter"), "muted"),
                    self.status_filter,
                    self.owner_filter,
                    self.overdue,
                    1,
                    self.count,
                    spacing=TIGHT * 2,
                ),
                self.table,
                hbox(
                    self.new_button,
                    self.edit_button,
                    self.delete_button,
                    self.goto_button,
                    1,
                    self.csv_button,
                ),
                margin=MARGIN,
            )
        )
        session.changed.connect(self._session_changed)
        self.table.sortByColumn(COL_PRIORITY, Qt.SortOrder.AscendingOrder)

    def item_title(self, key: str) -> str:
        """Return the question of a linked item (or its key)."""
        entry = self.session.entry(key)
        return entry.item.question.get(self.session.lang) if entry else key

    def refresh(self) -> None:
        """Show the newest actions and owners."""
        self.model.set_actions(self.session.dossier.actions)
        owners = sorted({a.owner for a in self.session.dossier.actions if a.owner})
        current = self.owner_filter.currentData()
        self.owner_filter.blockSignals(True)
        self.owner_filter.clear()
        self.owner_filter.addItem(tr("All owners"), None)
        for owner in owners:
            self.owner_filter.addItem(owner, owner)
        self.owner_filter.setCurrentIndex(max(0, self.owner_filter.findData(current)))
        self.owner_filter.blockSignals(False)
        self._apply_filter()

    def _apply_filter(self, *_args: object) -> None:
        self.proxy.set_filter(
            self.status_filter.currentData(),
            self.owner_filter.currentData(),
            self.overdue.isChecked(),
        )
        shown, total = self.proxy.rowCount(), self.model.rowCount()
        self.count.setText(tr("{shown} of {total} actions", shown=shown, total=total))
        self._update_buttons()

    def _edit(self, action_id: str, field: str, value: Any) -> None:
        self.session.update_action(action_id, **{field: value})

    def current_id(self) -> str | None:
        """Return the id of the selected action."""
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def select(self, action_id: str) -> None:
        """Select an action (clearing filters that hide it)."""
        row = self.model.row_of(action_id)
        if row < 0:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        if not index.isValid():
            self.status_filter.setCurrentIndex(0)
            self.owner_filter.setCurrentIndex(0)
            self.overdue.setChecked(False)
            index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def _update_buttons(self, *_args: object) -> None:
        has = self.current_id() is not None
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(has)
        action = self.session.action(self.current_id() or "")
        self.goto_button.setEnabled(bool(action and action.item_keys))

    def new_action(self) -> None:
        """Add an action not tied to a gap."""
        draft = Action(id=new_id(), action=tr("New action"))
        action = self.ctx.prompts.edit_action(self, draft, tr("New action"))
        if action is not None:
            self.session.add_action(action)
            self.select(action.id)

    def edit_current(self) -> None:
        """Edit the selected action in the full form."""
        action = self.session.action(self.current_id() or "")
        if action is None:
            return
        edited = self.ctx.prompts.edit_action(self, action, tr("Edit action"))
        if edited is not None and edited != action:
            self.session.update_action(action.id, **edited.model_dump(exclude={"id"}))

    def delete_current(self) -> None:
        """Delete the selected action (undo brings it back)."""
        action_id = self.current_id()
        if action_id:
            self.session.delete_action(action_id)

    def _double_clicked(self, index: QModelIndex) -> None:
        if index.column() == COL_ITEMS:
            self._goto_item()

    def _goto_item(self) -> None:
        action = self.session.action(self.current_id() or "")
        if action and action.item_keys:
            self.itemRequested.emit(action.item_keys[0])

    def export_csv(self) -> None:
        """Save the action plan as CSV."""
        name = f"{self.session.dossier.company.name} - {tr('action plan')}.csv"
        path = self.ctx.prompts.save_file(
            self, tr("Export action plan"), Path.home() / name, tr("CSV files (*.csv)")
        )
        if path is None:
            return
        try:
            write_csv(list(self.session.dossier.actions), path, self.item_title)
        except OSError as error:
            self.ctx.prompts.error(
                self,
                tr("Export action plan"),
                tr(
                    "Could not write {path}: {error}",
                    path=str(path),
                    error=error_text(error, i18n.language()),
                ),
            )

    def _session_changed(self, update: SessionUpdate) -> None:
        if self.isVisible() and not update.answers_only:
            self.refresh()

    def on_shown(self) -> None:
        """Refresh when the page comes into view."""
        self.refresh()
