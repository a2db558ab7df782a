"""The overview: completion, scores per OECD step and IFC standard, heat map, red flags, gate."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable
from itertools import pairwise

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QScrollArea,
    QWidget,
)

from ddcheck.domain.deadlines import DUE_SOON_DAYS, DeadlineCounts, count_deadlines
from ddcheck.domain.readiness import Readiness, readiness
from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr, tr_n
from ddcheck.ui.layout import MARGIN, SPACING, TIGHT, card, hbox, label, vbox
from ddcheck.ui.models.icons import status_icon
from ddcheck.ui.pages.page import Page
from ddcheck.ui.session import DossierSession, SessionUpdate
from ddcheck.ui.style import current_theme
from ddcheck.ui.widgets.charts import HeatMap, ScoreBars


def oecd_step_names() -> dict[str, str]:
    """Return the short names of the six OECD due-diligence steps."""
    return {
        "1": tr("Embed responsible business conduct"),
        "2": tr("Identify and assess impacts"),
        "3": tr("Cease, prevent or mitigate"),
        "4": tr("Track implementation and results"),
        "5": tr("Communicate"),
        "6": tr("Remediation"),
    }


KEY_ROLE = Qt.ItemDataRole.UserRole + 1


def _tile(title: str, value_label: QWidget, extra: QWidget | None = None) -> QFrame:
    frame = card()
    frame.setLayout(
        vbox(label(title, "muted"), value_label, extra, 1, margin=SPACING + 4, spacing=TIGHT)
    )
    return frame


def status_words(figures: Readiness, blockers: int) -> str:
    """Return in one sentence what stands between the dossier and its export, or that it is done."""
    remaining = []
    if blockers:  # besides red flags without an action, which are named on their own
        remaining.append(
            tr_n("{n} problem blocks the export", "{n} problems block the export", blockers)
        )
    if figures.red_flags_without_action:
        remaining.append(
            tr_n(
                "{n} red flag has no action",
                "{n} red flags have no action",
                figures.red_flags_without_action,
            )
        )
    if figures.required_unanswered:
        remaining.append(
            tr_n(
                "{n} required question is unanswered",
                "{n} required questions are unanswered",
                figures.required_unanswered,
            )
        )
    if remaining:
        return tr("Still to do: {list}.", list="; ".join(remaining))
    notes = []
    if figures.red_flags:
        notes.append(
            tr_n(
                "{n} red flag, with an action",
                "{n} red flags, each with an action",
                figures.red_flags,
            )
        )
    if figures.without_owner or figures.without_due:
        notes.append(
            tr_n(
                "{n} action lacks an owner or due date",
                "{n} actions lack an owner or due date",
                max(figures.without_owner, figures.without_due),
            )
        )
    if notes:
        return tr("Ready to export; worth a look: {list}.", list="; ".join(notes))
    return tr("Ready to export.")


def deadline_words(counts: DeadlineCounts) -> str:
    """Return '2 overdue · 1 due within 14 days' (or that no deadline is near)."""
    parts = []
    if counts.overdue:
        parts.append(tr_n("{n} overdue", "{n} overdue", counts.overdue))
    if counts.due_soon:
        parts.append(
            tr_n(
                "{n} due within {days} days",
                "{n} due within {days} days",
                counts.due_soon,
                days=DUE_SOON_DAYS,
            )
        )
    return " · ".join(parts) if parts else tr("No deadline within {days} days", days=DUE_SOON_DAYS)


class OverviewPage(QScrollArea, Page):
    """Where the dossier stands; every flag and warning leads to its item."""

    itemRequested = Signal(str)
    actionRequested = Signal(str)

    def __init__(
        self,
        session: DossierSession,
        parent: QWidget | None = None,
        today: Callable[[], dt.date] = dt.date.today,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.today = today
        named(self, tr("Overview"))
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.completion = label("", "title")
        self.completion_bar = QProgressBar(self)
        self.completion_bar.setTextVisible(False)
        self.flags_value = label("", "title")
        self.gate_value = label("", "title")
        self.gate_hint = label("", "muted", wrap=True)
        self.actions_value = label("", "title")
        self.deadlines = label("", "muted", wrap=True)
        named(self.deadlines, tr("Action deadlines"))
        self.oecd = ScoreBars(tr("Scores per OECD due-diligence step"), self)
        self.ifc = ScoreBars(tr("Scores per IFC Performance Standard"), self)
        self.heat = HeatMap(self)
        self.heat.cellClicked.connect(self._heat_clicked)
        self.heat_hint = label(
            tr("Items with a risk rating. Click a cell to go to its items."), "small", wrap=True
        )
        self.flags = QListWidget(self)
        named(self.flags, tr("Red flags"))
        self.gate = QListWidget(self)
        named(self.gate, tr("Export check"))
        for widget in (self.flags, self.gate):
            widget.setWordWrap(True)
            widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            widget.setMinimumHeight(220)
            widget.itemActivated.connect(self._activated)
            widget.itemClicked.connect(self._activated)
        tiles = hbox(
            _tile(tr("Completion"), self.completion, self.completion_bar),
            _tile(tr("Red flags"), self.flags_value),
            _tile(tr("Before export"), self.gate_value, self.gate_hint),
            _tile(tr("Open actions"), self.actions_value, self.deadlines),
        )
        scores = card()
        scores.setLayout(
            vbox(
                label(tr("Scores per OECD due-diligence step"), "subtitle"),
                self.oecd,
                label(tr("Scores per IFC Performance Standard"), "subtitle"),
                self.ifc,
                1,
                margin=SPACING + 4,
            )
        )
        heat = card()
        heat.setLayout(
            vbox(
                label(tr("Risk heat map"), "subtitle"),
                self.heat,
                self.heat_hint,
                margin=SPACING + 4,
            )
        )
        flags = card()
        flags.setLayout(vbox(label(tr("Red flags"), "subtitle"), self.flags, margin=SPACING + 4))
        gate = card()
        gate.setLayout(vbox(label(tr("Export check"), "subtitle"), self.gate, margin=SPACING + 4))
        body = QWidget(self)
        # what stands in the way comes right under the figures, on a laptop's first screen too;
        # the lists take the height left, not small boxes above a gap
        layout = vbox(
            tiles, hbox(flags, gate), hbox(scores, heat), margin=MARGIN, spacing=SPACING + 4
        )
        layout.setStretch(1, 1)
        body.setLayout(layout)
        self.setWidget(body)
        chain = (self.flags, self.gate, self.oecd, self.ifc, self.heat)
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)  # Tab follows the page from top to bottom
        session.changed.connect(self._session_changed)

    def _session_changed(self, _update: SessionUpdate) -> None:
        if self.isVisible():
            self.refresh()

    def on_shown(self) -> None:
        """Refresh when the page comes into view."""
        self.refresh()

    def refresh(self) -> None:
        """Show the newest state of the dossier."""
        session = self.session
        summary = session.summary
        lang = session.lang
        overall = summary.overall
        self.completion.setText(f"{overall.percent}%")
        self.completion_bar.setValue(overall.percent)
        self.completion_bar.setToolTip(
            tr("{a} of {n} answered", a=overall.answered, n=overall.total)
        )
        self.flags_value.setText(str(len(summary.red_flags)))
        report = session.gate()
        figures = readiness(session.dossier, session.templates, summary=summary)
        ready = not report.blockers and not figures.red_flags_without_action
        self.gate_value.setText(tr("Ready") if ready else tr("Not ready"))
        other = [b for b in report.blockers if b.code != "red_flag_without_action"]
        self.gate_hint.setText(status_words(figures, len(other)))
        open_actions = [a for a in session.dossier.actions if a.is_open]
        self.actions_value.setText(str(len(open_actions)))
        self.deadlines.setText(deadline_words(count_deadlines(open_actions, self.today())))
        names = oecd_step_names()
        self.oecd.set_rows(
            [
                (
                    f"{step}. {names[step]}" if step in names else tr("Step {step}", step=step),
                    score.percent,
                    "",
                )
                for step, score in summary.oecd_steps.items()
            ]
        )
        self.ifc.set_rows(
            [(standard, score.percent, "") for standard, score in summary.ifc_standards.items()]
        )
        counts: dict[tuple[int, int], int] = defaultdict(int)
        for entry in summary.entries:
            answer = summary.answers.get(entry.key)
            if answer and answer.risk.severity and answer.risk.likelihood:
                counts[(answer.risk.severity, answer.risk.likelihood)] += 1
        self.heat.set_counts(counts)
        self.flags.clear()
        for flag in summary.red_flags:
            chosen = ", ".join(o.label.get(lang) for o in flag.options)
            item = QListWidgetItem(
                status_icon("red"), f"{flag.entry.item.question.get(lang)} — {chosen}"
            )
            item.setData(KEY_ROLE, ("item", flag.key))
            item.setForeground(QColor(current_theme().red))
            self.flags.addItem(item)
        if not summary.red_flags:
            self.flags.addItem(QListWidgetItem(tr("No red flags.")))
        self.gate.clear()
        for finding in (*report.blockers, *report.warnings):
            icon = status_icon("red" if finding.level == "block" else "gap")
            item = QListWidgetItem(icon, finding.text(lang))
            if finding.item_key:
                item.setData(KEY_ROLE, ("item", finding.item_key))
            elif finding.action_id:
                item.setData(KEY_ROLE, ("action", finding.action_id))
            self.gate.addItem(item)
        if not report.findings:
            self.gate.addItem(QListWidgetItem(tr("Nothing stands in the way of an export.")))

    def _activated(self, item: QListWidgetItem) -> None:
        target = item.data(KEY_ROLE)
        if not target:
            return
        kind, key = target
        (self.itemRequested if kind == "item" else self.actionRequested).emit(key)

    def _heat_clicked(self, severity: int, likelihood: int) -> None:
        summary = self.session.summary
        for entry in summary.entries:
            answer = summary.answers.get(entry.key)
            if answer and answer.risk.severity == severity and answer.risk.likelihood == likelihood:
                self.itemRequested.emit(entry.key)
                return
