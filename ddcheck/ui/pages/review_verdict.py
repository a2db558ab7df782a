"""The overall side of a review: verdict, note, reviewer, and the agreed improvement actions."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, card, hbox, label, read_only_table, vbox
from ddcheck.ui.models.agreed_actions import COL_ACTION, ID_ROLE, AgreedActionsModel
from ddcheck.ui.models.mission_overview import verdict_labels

DEBOUNCE_MS = 600


class VerdictPanel(QWidget):
    """Edit the verdict and list the agreed actions; every change is reported at once."""

    verdictEdited = Signal(dict)
    addRequested = Signal()
    editRequested = Signal(str)
    removeRequested = Signal(str)

    def __init__(self, item_title: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._loading = False
        self.verdict = QComboBox(self)
        for value, text in verdict_labels().items():
            self.verdict.addItem(text, value)
        self.verdict.currentIndexChanged.connect(self._verdict_chosen)
        self.note = QPlainTextEdit(self)
        self.note.setPlaceholderText(tr("Explain the verdict to the company"))
        self.note.setFixedHeight(90)
        self.note.setTabChangesFocus(True)
        self.reviewer = QLineEdit(self)
        self.reviewer.setPlaceholderText(tr("Your name"))
        self.organisation = QLineEdit(self)
        self.organisation.setPlaceholderText(tr("e.g. RVO"))
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(lambda: self.verdictEdited.emit(self.fields()))
        for edit in (self.note, self.reviewer, self.organisation):
            edit.textChanged.connect(self._typed)
        form = QFormLayout()
        form.setSpacing(SPACING)
        form.addRow(tr("Verdict"), self.verdict)
        form.addRow(tr("Explanation"), self.note)
        form.addRow(tr("Reviewer"), self.reviewer)
        form.addRow(tr("Organisation"), self.organisation)
        verdict_card = card(self)
        verdict_card.setLayout(
            vbox(label(tr("Overall verdict"), "subtitle"), form, margin=MARGIN, spacing=SPACING)
        )
        self.model = AgreedActionsModel(item_title, self)
        self.table = read_only_table(self, self.model, row_height=34)
        named(self.table, tr("Agreed improvement actions"))
        self.table.setMinimumHeight(170)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(COL_ACTION, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 110), (2, 90), (3, 260)):
            self.table.setColumnWidth(column, width)
        self.table.doubleClicked.connect(lambda _i: self._emit(self.editRequested))
        self.add_button = QPushButton(tr("Add agreed action…"), self)
        self.edit_button = QPushButton(tr("Edit…"), self)
        self.remove_button = QPushButton(tr("Remove"), self)
        self.add_button.clicked.connect(self.addRequested)
        self.edit_button.clicked.connect(lambda: self._emit(self.editRequested))
        self.remove_button.clicked.connect(lambda: self._emit(self.removeRequested))
        self.table.selectionModel().selectionChanged.connect(self._buttons)
        actions_card = card(self)
        actions_card.setLayout(
            vbox(
                label(tr("Agreed improvement actions"), "subtitle"),
                label(
                    tr(
                        "Actions you agree with the company (verbeterafspraken). They join the "
                        "company's action plan when it loads your review file."
                    ),
                    "muted",
                    wrap=True,
                ),
                self.table,
                hbox(self.add_button, self.edit_button, self.remove_button, 1),
                margin=MARGIN,
                spacing=SPACING,
            )
        )
        self.setLayout(vbox(verdict_card, actions_card, margin=SPACING, spacing=SPACING))
        self._buttons()

    def set_review(self, review: Any) -> None:
        """Show a review (verdict fields and agreed actions)."""
        self._timer.stop()
        self._loading = True
        self.verdict.setCurrentIndex(max(0, self.verdict.findData(review.verdict)))
        if self.note.toPlainText() != review.verdict_note:
            self.note.setPlainText(review.verdict_note)
        for edit, value in (
            (self.reviewer, review.reviewer),
            (self.organisation, review.organisation),
        ):
            if edit.text() != value:
                edit.setText(value)
        self.model.set_rows(review.agreed_actions)
        self._loading = False
        self._buttons()

    def fields(self) -> dict[str, Any]:
        """Return the verdict fields as entered."""
        return {
            "verdict": self.verdict.currentData(),
            "note": self.note.toPlainText(),
            "reviewer": self.reviewer.text(),
            "organisation": self.organisation.text(),
        }

    def _verdict_chosen(self, _index: int) -> None:
        if not self._loading:
            self._timer.stop()
            self.verdictEdited.emit(self.fields())

    def _typed(self, *_args: object) -> None:
        if not self._loading:
            self._timer.start()

    def flush(self) -> None:
        """Save text still being typed."""
        if self._timer.isActive():
            self._timer.stop()
            self.verdictEdited.emit(self.fields())

    def current_id(self) -> str | None:
        """Return the id of the selected agreed action."""
        rows = self.table.selectionModel().selectedRows()
        return str(rows[0].data(ID_ROLE)) if rows else None

    def _emit(self, signal: Any) -> None:
        action_id = self.current_id()
        if action_id:
            signal.emit(action_id)

    def _buttons(self, *_args: object) -> None:
        has = self.current_id() is not None
        self.edit_button.setEnabled(has)
        self.remove_button.setEnabled(has)
