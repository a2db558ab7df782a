"""The adviser's Missions page: define a mission, list the missions, export a mission pack."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ddcheck.domain.formatting import country_name
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.dates import date_format, date_text
from ddcheck.ui.exporting import ask_save_path, safe_name
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, hbox, label, vbox
from ddcheck.ui.widgets.country_picker import CountryPicker

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


def _date_edit(parent: QWidget, name: str, value: dt.date) -> QDateEdit:
    edit = named(QDateEdit(parent), name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setDate(QDate(value.year, value.month, value.day))
    return edit


def _day(edit: QDateEdit) -> dt.date:
    day = edit.date()
    return dt.date(day.year(), day.month(), day.day())


class NewMissionDialog(QDialog):
    """Ask for a mission: names, destinations, dates, deadline, checklists, participants."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.participants_file: Path | None = None
        self.setWindowTitle(tr("New mission"))
        lang = i18n.language()
        today = ctx.today()
        self.name = named(QLineEdit(self), tr("Mission name (Dutch)"))
        self.name_en = named(QLineEdit(self), tr("Mission name (English)"))
        self.countries = CountryPicker(lang, self)
        self.start = _date_edit(self, tr("First day of the mission"), today)
        self.end = _date_edit(self, tr("Last day of the mission"), today)
        self.deadline = _date_edit(self, tr("Submission deadline"), today)
        self.organiser = named(QLineEdit("RVO", self), tr("Organiser"))
        self.contact = named(QLineEdit(self), tr("Adviser's contact"))
        self.checklists = named(QListWidget(self), tr("Checklists the mission asks for"))
        for template in sorted(ctx.workspace.templates.values(), key=lambda t: t.id):
            item = QListWidgetItem(f"{template.title.get(lang)} (v{template.version})")
            item.setData(ID_ROLE, template.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.checklists.addItem(item)
        self.participants_button = QPushButton(tr("Choose participants file (CSV)…"), self)
        self.participants_button.clicked.connect(self._choose_participants)
        self.participants_label = label("", "muted", wrap=True)
        self.problem = label("", "error", wrap=True)
        self.problem.setVisible(False)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Create mission"))
        buttons.accepted.connect(self.create)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(tr("Mission name (Dutch)") + " *", self.name)
        form.addRow(tr("Mission name (English)"), self.name_en)
        form.addRow(tr("Destination countries") + " *", self.countries)
        form.addRow(tr("Dates"), hbox(self.start, label("–"), self.end, 1))
        form.addRow(tr("Submission deadline"), self.deadline)
        form.addRow(tr("Organiser"), self.organiser)
        form.addRow(tr("Adviser's contact"), self.contact)
        form.addRow(tr("Checklists"), self.checklists)
        form.addRow(tr("Participants"), vbox(self.participants_button, self.participants_label))
        self.setLayout(vbox(form, self.problem, buttons, margin=MARGIN, spacing=SPACING))
        self.created: Any = None
        self.resize(640, 680)

    def _choose_participants(self) -> None:
        files = self.ctx.prompts.open_files(self, tr("Participants"), tr("CSV files (*.csv *.txt)"))
        if files:
            self.participants_file = files[0]
            self.participants_label.setText(files[0].name)

    def chosen_checklists(self) -> list[str]:
        """Return the ids of the checklists ticked."""
        items = (self.checklists.item(row) for row in range(self.checklists.count()))
        return [
            str(item.data(ID_ROLE)) for item in items if item.checkState() == Qt.CheckState.Checked
        ]

    def create(self) -> None:
        """Create the mission; show the problem in the dialog when it is not valid."""
        from ddcheck.services.missions import read_participants

        try:
            participants = (
                read_participants(self.participants_file) if self.participants_file else []
            )
            self.created = self.ctx.workspace.create_mission(
                self.name.text(),
                name_en=self.name_en.text(),
                destinations=self.countries.codes(),
                start=_day(self.start),
                end=_day(self.end),
                deadline=_day(self.deadline),
                organiser=self.organiser.text(),
                contact=self.contact.text(),
                checklists=self.chosen_checklists(),
                participants=participants,
            )
        except Exception as error:
            text = getattr(error, "text", None)
            message = text(i18n.language()) if callable(text) else str(error)
            details = list(getattr(error, "problems", ()) or ())[:8]
            self.problem.setText("\n".join([message, *details]))
            self.problem.setVisible(True)
            return
        self.accept()


class MissionsPage(QWidget):
    """The missions of this workspace; create one; export its pack for the companies."""

    savedState = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tree = named(QTreeWidget(self), tr("Missions"))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [tr("Mission"), tr("Dates"), tr("Destination countries"), tr("Participants")]
        )
        self.tree.setColumnWidth(0, 360)
        self.tree.setColumnWidth(1, 200)
        self.tree.setColumnWidth(2, 260)
        self.new_button = QPushButton(tr("New mission…"), self)
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.new_mission)
        self.export_button = QPushButton(tr("Export mission pack…"), self)
        self.export_button.clicked.connect(self.export_pack)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.setLayout(
            vbox(
                label(
                    tr(
                        "A mission pack (.ddmission) gives companies the mission and its current "
                        "checklists; their dossiers carry the mission's id."
                    ),
                    "muted",
                    wrap=True,
                ),
                self.tree,
                hbox(self.new_button, 1, self.export_button),
                margin=MARGIN,
                spacing=SPACING,
            )
        )
        self.refresh()

    def refresh(self) -> None:
        """List the missions again."""
        lang = i18n.language()
        current = self.current_id()
        self.tree.clear()
        for mission in self.ctx.workspace.list_missions():
            item = QTreeWidgetItem(
                [
                    mission.title(lang),
                    f"{date_text(mission.start)} – {date_text(mission.end)}",
                    ", ".join(country_name(c, lang) for c in mission.destinations),
                    str(len(mission.participants)),
                ]
            )
            item.setData(0, ID_ROLE, mission.id)
            item.setToolTip(0, mission.id)
            self.tree.addTopLevelItem(item)
            if mission.id == current:
                self.tree.setCurrentItem(item)
        if self.tree.currentItem() is None and self.tree.topLevelItemCount():
            self.tree.setCurrentItem(self.tree.topLevelItem(0))
        self._update_buttons()

    def current_id(self) -> str | None:
        """Return the id of the mission selected."""
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.current_id() is not None)

    def new_mission(self) -> Any:
        """Ask for a new mission and list it."""
        created = self.ctx.prompts.new_mission(self, self.ctx)
        if created is None:
            return None
        self.refresh()
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item.data(0, ID_ROLE) == created.id:
                self.tree.setCurrentItem(item)
        return created

    def export_pack(self) -> Path | None:
        """Write the selected mission's pack."""
        mission_id = self.current_id()
        if mission_id is None:
            return None
        mission = self.ctx.workspace.get_mission(mission_id)
        name = safe_name(mission.title(i18n.language()), "mission")
        path = ask_save_path(
            self.ctx,
            self,
            tr("Save the mission pack as"),
            Path.home() / f"{name}.ddmission",
            tr("Mission packs (*.ddmission)"),
        )
        if path is None:
            return None
        try:
            self.ctx.workspace.export_mission_pack(mission_id, path)
        except Exception as error:
            self.ctx.prompts.error(self, tr("Export failed"), str(error))
            return None
        self.savedState.emit("saved", tr("Saved as {path}", path=str(path)))
        self.refresh()
        return path
