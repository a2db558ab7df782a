"""The history of a received dossier: versions received and every change to the review."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import QWidget

from ddcheck.domain.visible import visible_controls
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import hbox, label, vbox
from ddcheck.ui.models.assessed_tree import assessment_names
from ddcheck.ui.models.mission_overview import verdict_labels
from ddcheck.ui.pages.history import KEY_ROLE, HistoryModel, history_table
from ddcheck.ui.pages.history_words import date_words, field_label, item_key_of, recorded_name


class ReviewHistoryWords:
    """Word the entries of a received dossier's history: revisions, assessments, the verdict."""

    def __init__(self, item_title: Callable[[str], str]) -> None:
        self._item_title = item_title
        self.action_titles: dict[str, str] = {}

    def learn(self, rows: Sequence[Any], actions: Sequence[Any]) -> None:
        """Remember the titles of agreed actions, also of those since removed."""
        for row in rows:
            named = recorded_name(row)
            if row.entity == "agreed_action" and named is not None:
                self.action_titles.setdefault(row.entity_id, named)
        for action in actions:
            self.action_titles[action.id] = action.action

    def describe(self, entry: Any) -> str:
        """Return what an entry recorded, in words."""
        if entry.entity == "revision":
            return tr("Version {n} received", n=entry.entity_id)
        if entry.entity == "signature":
            return tr("New signing key {key} accepted", key=entry.entity_id)
        key = item_key_of(entry)
        if key:
            return f"{tr('Assessment')}: {self._item_title(key)}"
        if entry.entity == "agreed_action":
            what = {"added": tr("added"), "removed": tr("removed")}.get(entry.field)
            if what:
                return f"{tr('Agreed action')} {what}"
            title = self.action_titles.get(entry.entity_id, "")
            head = f"{tr('Agreed action')} · {field_label(entry.field)}"
            return f"{head}: {title}" if title else head
        return {
            "verdict": tr("Verdict"),
            "verdict_note": tr("Explanation"),
            "reviewer": tr("Reviewer"),
            "organisation": tr("Organisation"),
        }.get(entry.field, field_label(entry.field))

    def value(self, entry: Any, value: Any) -> str:
        """Return a recorded value in words: assessment and verdict labels, dates."""
        if value is None:
            return ""
        text = str(value)
        if entry.entity == "signature":  # a name from the sender's certificate: show controls
            return visible_controls(text)
        if item_key_of(entry):  # stored as "assessment: comment" (or the assessment alone)
            name, _, comment = text.partition(": ")
            shown = assessment_names().get(name, name)
            return f"{shown}: {comment}" if comment else shown
        if entry.field == "verdict":
            return verdict_labels().get(text, text)
        if entry.field in ("due", "start"):
            return date_words(text)
        if isinstance(value, list):
            return "; ".join(self._item_title(str(v)) for v in value)
        return text


class ReviewHistoryView(QWidget):
    """The received dossier's history, newest first; double-click goes to the item."""

    itemRequested = Signal(str)

    def __init__(self, item_title: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.words = ReviewHistoryWords(item_title)
        self.model = HistoryModel(self.words, self)  # type: ignore[arg-type]
        self.table = history_table(self.model, self)
        self.table.doubleClicked.connect(self._open)
        self.count = label("", "muted")
        self.setLayout(vbox(hbox(1, self.count), self.table))

    def show_rows(self, rows: Sequence[Any], actions: Sequence[Any]) -> None:
        """Show the history rows (any order; shown newest first)."""
        ordered = sorted(rows, key=lambda r: r.id, reverse=True)
        self.words.learn(ordered, actions)
        self.model.set_rows(ordered)
        self.count.setText(tr("{n} changes", n=len(ordered)))

    def _open(self, index: QModelIndex) -> None:
        key = index.data(KEY_ROLE)
        if key:
            self.itemRequested.emit(str(key))
