"""The dialog that defines a mission: names, destinations, dates, checklists, participants."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.dates import date_format
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, hbox, label, vbox
from ddcheck.ui.widgets.country_picker import CountryPicker

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

    def __init__(self, ctx: Any, parent: QWidget | None = None) -> None:
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
        for template in sorted(ctx.attached_workspace().templates.values(), key=lambda t: t.id):
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
        buttons.accepted.connect(self.create_mission)
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

    def create_mission(self) -> None:
        """Create the mission; show the problem in the dialog when it is not valid."""
        from ddcheck.services.missions import read_participants

        try:
            participants = (
                read_participants(self.participants_file) if self.participants_file else []
            )
            self.created = self.ctx.attached_workspace().create_mission(
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
            message = error_text(error, i18n.language())
            details = list(getattr(error, "problems", ()) or ())[:8]
            self.problem.setText("\n".join([message, *details]))
            self.problem.setVisible(True)
            return
        self.accept()
