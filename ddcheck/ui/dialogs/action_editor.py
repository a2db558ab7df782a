"""Edit one action of the action plan; `result_value()` returns the Action."""

from __future__ import annotations

import datetime as dt

from pydantic import ValidationError
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ddcheck.domain.dossier import Action
from ddcheck.ui.accessibility import named
from ddcheck.ui.dates import date_format
from ddcheck.ui.i18n import tr, tr_in
from ddcheck.ui.layout import MARGIN, hbox, label, vbox

_NO_DATE = QDate(2000, 1, 1)


def priority_labels() -> dict[str, str]:
    """Return the priority labels."""
    return {"high": tr("High"), "medium": tr("Medium"), "low": tr("Low")}


def status_labels() -> dict[str, str]:
    """Return the action status labels."""
    return {
        "open": tr_in("action status", "Open"),
        "in_progress": tr_in("action status", "In progress"),
        "done": tr_in("action status", "Done"),
        "dropped": tr_in("action status", "Dropped"),
    }


def _date_edit(parent: QWidget, value: dt.date | None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText(tr("Not set"))
    edit.setDate(QDate(value.year, value.month, value.day) if value else _NO_DATE)
    return edit


def _date(edit: QDateEdit) -> dt.date | None:
    value = edit.date()
    return None if value == _NO_DATE else dt.date(value.year(), value.month(), value.day())


class ActionEditor(QDialog):
    """A form over every field of an action (ESAP style)."""

    def __init__(
        self, action: Action, title: str, item_titles: list[str], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._action = action
        self.what = QPlainTextEdit(action.action, self)
        self.what.setFixedHeight(64)
        self.gap = QPlainTextEdit(action.gap, self)
        for text_box in (self.what, self.gap):
            text_box.setTabChangesFocus(True)  # Tab moves on: no keyboard trap in the form
        self.gap.setFixedHeight(64)
        self.standard = QLineEdit(action.standard_ref, self)
        self.deliverable = QLineEdit(action.deliverable, self)
        self.owner = QLineEdit(action.owner, self)
        self.owner.setPlaceholderText(tr("Who carries it out"))
        self.start = named(_date_edit(self, action.start), tr("Start date"))
        self.due = named(_date_edit(self, action.due), tr("Due date"))
        self.priority = QComboBox(self)
        for key, text in priority_labels().items():
            self.priority.addItem(text, key)
        self.priority.setCurrentIndex(self.priority.findData(action.priority))
        self.status = QComboBox(self)
        for key, text in status_labels().items():
            self.status.addItem(text, key)
        self.status.setCurrentIndex(self.status.findData(action.status))
        self.budget = QLineEdit(action.budget, self)
        self.completion = QLineEdit(action.completion_evidence, self)
        self.completion.setPlaceholderText(tr("What shows the action is done"))
        self.agreed = QCheckBox(tr("Agreed with the adviser"), self)
        self.agreed.setChecked(action.agreed_with_adviser)
        self.error = label("", "error", wrap=True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(tr("Action") + " *", self.what)
        form.addRow(tr("Gap"), self.gap)
        form.addRow(tr("Standard or source"), self.standard)
        form.addRow(tr("Deliverable"), self.deliverable)
        form.addRow(tr("Owner"), self.owner)
        form.addRow(tr("Start and due date"), hbox(self.start, label("–"), self.due, 1))
        form.addRow(tr("Priority"), hbox(self.priority, label(tr("Status")), self.status, 1))
        form.addRow(tr("Budget"), self.budget)
        form.addRow(tr("Evidence of completion"), self.completion)
        form.addRow("", self.agreed)
        if item_titles:
            form.addRow(tr("Linked items"), label("\n".join(item_titles), "muted", wrap=True))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.setLayout(vbox(form, self.error, buttons, margin=MARGIN))
        self.resize(640, 560)

    def result_value(self) -> Action | None:
        """Return the action as entered, or None when it is not valid."""
        try:
            return Action.model_validate(
                {
                    **self._action.model_dump(),
                    "action": self.what.toPlainText().strip(),
                    "gap": self.gap.toPlainText().strip(),
                    "standard_ref": self.standard.text().strip(),
                    "deliverable": self.deliverable.text().strip(),
                    "owner": self.owner.text().strip(),
                    "start": _date(self.start),
                    "due": _date(self.due),
                    "priority": self.priority.currentData(),
                    "status": self.status.currentData(),
                    "budget": self.budget.text().strip(),
                    "completion_evidence": self.completion.text().strip(),
                    "agreed_with_adviser": self.agreed.isChecked(),
                }
            )
        except ValidationError:
            return None

    def _accept(self) -> None:
        start, due = _date(self.start), _date(self.due)
        if self.result_value() is None:
            self.error.setText(tr("Describe the action first."))
            self.error.show()
            return
        if start and due and due < start:
            self.error.setText(tr("The due date cannot be before the start date."))
            self.error.show()
            return
        self.accept()
