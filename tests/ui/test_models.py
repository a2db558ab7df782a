"""Every item model passes pytest-qt's model tester, and shows what it should."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.domain.applicability import item_applicability
from ddcheck.domain.dossier import Action, Answer
from ddcheck.services import HistoryEntry
from ddcheck.ui.models.action_table import ActionTableModel
from ddcheck.ui.models.dossier_list import COL_FLAGS, COL_PROGRESS, COL_STATUS, DossierListModel
from ddcheck.ui.models.section_tree import STATUS_ROLE, SectionTreeModel
from ddcheck.ui.pages.history import COL_NEW, COL_WHAT, COL_WHO, HistoryModel
from ddcheck.ui.pages.history_words import HistoryWords
from tests.ui.fake_workspace import Info


def test_section_tree_model(qtmodeltester: Any, catalog: Any, saudi: Any) -> None:
    entries = item_applicability(saudi, catalog.templates)
    model = SectionTreeModel("en")
    first = entries[0]
    answers = {first.key: Answer(template_id=first.template.id, item_id=first.item.id, value="x")}
    model.set_entries(entries, answers)
    qtmodeltester.check(model)
    assert model.rowCount() == len(saudi.templates)
    index = model.index_of(first.key)
    assert index.data() == first.item.question.en
    assert index.data(STATUS_ROLE) == "answered"
    template_progress = model.index(0, 1).data()
    assert template_progress.startswith("1/")
    model.update_answers(entries, {})
    assert model.index_of(first.key).data(STATUS_ROLE) == "open"


def test_dossier_list_model(qtmodeltester: Any) -> None:
    model = DossierListModel()
    now = dt.datetime(2026, 11, 23, 12, 0)
    model.set_rows(
        [
            Info("a", "A — M", 0.5, 2, now),
            Info("b", "B — M", 1.0, 0, now),
            Info("c", "C", 0.0, 0, now),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, COL_STATUS).data() == "In progress"
    assert model.index(1, COL_STATUS).data() == "Complete"
    assert model.index(2, COL_STATUS).data() == "Not started"
    assert model.index(0, COL_PROGRESS).data() == "50%"
    assert model.index(0, COL_FLAGS).data() == "2"


def test_action_table_model(qtmodeltester: Any) -> None:
    edits: list[tuple[str, str, Any]] = []
    model = ActionTableModel(
        lambda *a: edits.append(a), lambda k: f"Q {k}", lambda: dt.date(2026, 11, 23)
    )
    model.set_actions(
        [
            Action(id="a", action="Write policy", item_keys=["t/i"], due=dt.date(2026, 1, 1)),
            Action(id="b", action="Train staff"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, 5).data() == "Q t/i"
    assert model.index(0, 2).data(Qt.ItemDataRole.ToolTipRole) == "Overdue"
    assert model.setData(model.index(1, 4), "done")
    assert edits == [("b", "status", "done")]
    assert not model.setData(model.index(1, 4), "finished")


def test_history_model(qtmodeltester: Any) -> None:
    words = HistoryWords(SimpleNamespace(entry=lambda key: None, lang="en", dossier=None))
    model = HistoryModel(words)
    at = dt.datetime(2026, 11, 23, 12, 0)
    model.set_rows(
        [
            HistoryEntry(2, "d", at, "anna", "answer", "t/i", "value", None, "yes"),
            HistoryEntry(1, "d", at, "bram", "dossier", "d", "created", None, "Title"),
        ]
    )
    qtmodeltester.check(model)
    assert model.index(0, COL_WHO).data() == "anna"
    assert model.index(0, COL_WHAT).data() == "Answer: t/i"
    assert model.index(0, COL_NEW).data() == "yes"
    assert model.index(1, COL_WHAT).data() == "Dossier created"
