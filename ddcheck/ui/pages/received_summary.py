"""The summary a received dossier opens on: where it stands, its red flags, what changed."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from ddcheck.domain.deadlines import DUE_SOON_DAYS
from ddcheck.domain.formatting import format_number
from ddcheck.domain.readiness import Readiness
from ddcheck.domain.visible import visible_controls
from ddcheck.ui.accessibility import named
from ddcheck.ui.dates import date_text
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.layout import SPACING, TIGHT, hbox, label, vbox
from ddcheck.ui.models.icons import status_icon

KEY_ROLE = Qt.ItemDataRole.UserRole + 1
SHOWN_CHANGES = 12  # changed items named in the summary; the Changes tab lists them all


def status_sentence(figures: Readiness) -> str:
    """Return in one sentence where a received dossier stands for the adviser's review."""
    if figures.is_draft:
        return tr(
            "A draft: {answered} of {applicable} questions are answered.",
            answered=figures.answered,
            applicable=figures.applicable,
        )
    missing = []
    if figures.required_unanswered:
        missing.append(
            tr_n(
                "{n} required question is unanswered",
                "{n} required questions are unanswered",
                figures.required_unanswered,
            )
        )
    if figures.red_flags_without_action:
        missing.append(
            tr_n(
                "{n} red flag has no action",
                "{n} red flags have no action",
                figures.red_flags_without_action,
            )
        )
    if missing:
        return tr("Not complete: {list}.", list="; ".join(missing))
    if figures.open_high:
        return tr_n(
            "Complete; {n} high-priority action is still open.",
            "Complete; {n} high-priority actions are still open.",
            figures.open_high,
        )
    return tr("Complete: every required question is answered and every red flag has an action.")


class _Figure(QFrame):
    """One figure with its caption, in a card."""

    def __init__(self, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setProperty("role", "card")
        self.value = label("", "title")
        self.caption = label(caption, "muted", wrap=True)
        self.detail = label("", "small", wrap=True)
        words = vbox(self.caption, self.detail, 1, spacing=0)
        self.setLayout(hbox(self.value, words, 1, margin=TIGHT + 2, spacing=TIGHT + 2))

    def set(self, value: str, detail: str = "") -> None:
        """Show a figure and an optional line under its caption."""
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))


class ReceivedSummary(QScrollArea):
    """Readiness figures (as in the mission overview), red flags named, changes since last time."""

    itemRequested = Signal(str)
    changesRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        named(self, tr("Summary of the received dossier"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status = label("", "subtitle", wrap=True)
        self.answered = _Figure(tr("answered"))
        self.answered.setToolTip(
            tr("Withheld questions count as answered, as in the mission overview.")
        )
        self.required = _Figure(tr("required questions unanswered"))
        self.red_flags = _Figure(tr("red flags"))
        self.open_high = _Figure(tr("open high-priority actions"))
        self.withheld = _Figure(tr("withheld (confidential)"))
        self.assessed = _Figure(tr("questions assessed by you"))
        grid = QGridLayout()
        grid.setSpacing(TIGHT)
        figures = (
            self.answered,
            self.required,
            self.red_flags,
            self.open_high,
            self.withheld,
            self.assessed,
        )
        for n, figure in enumerate(figures):
            grid.addWidget(figure, n // 3, n % 3)
        self.flags = QListWidget(self)
        named(self.flags, tr("Red flags"), tr("Enter opens the question"))
        self.changes_text = label("", "", wrap=True)
        self.changes = QListWidget(self)
        named(self.changes, tr("Changed questions"), tr("Enter opens the question"))
        for widget in (self.flags, self.changes):
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setTextElideMode(Qt.TextElideMode.ElideNone)
            widget.setResizeMode(QListView.ResizeMode.Adjust)  # rows wrap again when resized
            # no height of their own: the lists share what the figures leave (no scrolling)
            widget.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
        self.all_changes = QPushButton(tr("All changes…"), self)
        self.all_changes.setProperty("role", "link")
        self.all_changes.clicked.connect(lambda: self.changesRequested.emit())
        self.flags_title = label(tr("Red flags"), "subtitle")
        self.changes_title = label("", "subtitle")
        body = QWidget(self)
        layout = vbox(
            self.status,
            grid,
            self.flags_title,
            self.flags,
            hbox(self.changes_title, 1, self.all_changes, spacing=TIGHT),
            self.changes_text,
            self.changes,
            0,  # what the lists leave (each is no taller than its rows) stays below them
            margin=SPACING,
            spacing=TIGHT + 2,
        )
        body.setLayout(layout)
        self._layout = layout
        self.setWidget(body)

    def show_session(self, session: Any) -> None:
        """Show the state of a review session's received dossier."""
        lang = session.lang
        row, figures, received = session.row, session.figures, session.received

        def n(value: int) -> str:
            return format_number(value, lang)

        self.status.setText(status_sentence(figures))
        self.answered.set(
            f"{row.completion}%",
            tr("{answered} of {total}", answered=n(row.answered), total=n(row.total)),
        )
        self.required.set(n(row.required_unanswered))
        self.red_flags.set(
            n(row.red_flags),
            tr_n(
                "{n} without an action",
                "{n} without an action",
                figures.red_flags_without_action,
            )
            if row.red_flags
            else "",
        )
        deadlines = []
        if row.overdue_actions:
            deadlines.append(tr_n("{n} overdue", "{n} overdue", row.overdue_actions))
        if row.due_soon_actions:
            deadlines.append(
                tr_n(
                    "{n} due within {days} days",
                    "{n} due within {days} days",
                    row.due_soon_actions,
                    days=DUE_SOON_DAYS,
                )
            )
        self.open_high.set(n(row.open_high_actions), " · ".join(deadlines))
        self.withheld.set(n(row.withheld_items))
        assessed = len(session.review.items)
        self.assessed.set(n(assessed), tr("of {total}", total=n(row.total)))
        self._show_flags(session)
        self._show_changes(session, received)
        for widget in (self.flags, self.changes):  # the lists share the room by their rows
            self._layout.setStretchFactor(widget, max(1, widget.count()))
            # a short list is no taller than three lines a row, so the other has the room
            lines = widget.fontMetrics().lineSpacing()
            most = max(1, widget.count()) * (3 * lines + 10) + 2 * widget.frameWidth() + 4
            widget.setMinimumHeight(min(most, 96))
            widget.setMaximumHeight(most)

    def _show_flags(self, session: Any) -> None:
        lang = session.lang
        self.flags.clear()
        withheld = set(session.received.withheld_items)
        for flag in session.summary.red_flags:
            if flag.key in withheld:
                continue
            chosen = ", ".join(o.label.get(lang) for o in flag.options)
            question = visible_controls(flag.entry.item.question.get(lang))
            item = QListWidgetItem(status_icon("red"), f"{question} — {chosen}")
            item.setToolTip(question)
            item.setData(KEY_ROLE, flag.key)
            self.flags.addItem(item)
        if not self.flags.count():
            self.flags.addItem(QListWidgetItem(tr("No red flags.")))
        self.flags_title.setText(
            tr("Red flags ({n})", n=format_number(len(session.summary.red_flags), lang))
        )

    def _show_changes(self, session: Any, received: Any) -> None:
        self.changes.clear()
        revision = received.revision
        result = session.revision_changes
        if result is None or result.old is None:
            self.changes_title.setText(tr("Changes since the last version"))
            self.changes_text.setText(
                tr(
                    "Version {n}, exported {date}: the first version received; nothing to "
                    "compare with yet.",
                    n=revision.number,
                    date=date_text(revision.generated_at),
                )
            )
            self.changes.setVisible(False)
            self.all_changes.setVisible(False)
            return
        self.changes_title.setText(tr("Changes since version {old}", old=result.old.number))
        answers, evidence = len(result.of_kind("answer")), len(result.of_kind("evidence"))
        actions, withheld = len(result.of_kind("action")), len(result.of_kind("withheld"))
        parts = [
            tr_n("{n} answer changed", "{n} answers changed", answers) if answers else "",
            tr_n("{n} evidence file changed", "{n} evidence files changed", evidence)
            if evidence
            else "",
            tr_n("{n} action changed", "{n} actions changed", actions) if actions else "",
            tr_n(
                "{n} question withheld or shown again",
                "{n} questions withheld or shown again",
                withheld,
            )
            if withheld
            else "",
        ]
        parts = [p for p in parts if p]
        self.changes_text.setText(
            tr(
                "Version {n} of {total}, exported {date}: {list}.",
                n=revision.number,
                total=len(received.revisions),
                date=date_text(revision.generated_at),
                list=", ".join(parts) if parts else tr("nothing changed"),
            )
        )
        keys: list[str] = []
        for change in result.changes:
            if change.kind in ("answer", "withheld") and change.key not in keys:
                keys.append(change.key)
        for key in keys[:SHOWN_CHANGES]:
            entry = session.entry(key)
            question = visible_controls(entry.item.question.get(session.lang)) if entry else key
            item = QListWidgetItem(question)
            item.setToolTip(question)
            item.setData(KEY_ROLE, key)
            self.changes.addItem(item)
        self.changes.setVisible(bool(keys))
        self.all_changes.setVisible(bool(result.changes))

    def _activated(self, item: QListWidgetItem) -> None:
        key = item.data(KEY_ROLE)
        if key:
            self.itemRequested.emit(str(key))


def figure_texts(summary: ReceivedSummary) -> dict[str, str]:
    """Return each figure's caption and value as shown (for tests and screen-reader checks)."""
    figures = (
        summary.answered,
        summary.required,
        summary.red_flags,
        summary.open_high,
        summary.withheld,
        summary.assessed,
    )
    return {f.caption.text(): f.value.text() for f in figures}
