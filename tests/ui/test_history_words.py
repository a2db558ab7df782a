"""The history page in Dutch: verbs translated, names instead of ids, who made each change."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui import i18n
from ddcheck.ui.main_window import PAGE_HISTORY
from ddcheck.ui.pages.history import COL_NEW, COL_OLD, COL_WHAT, COL_WHEN, COL_WHO


def _column(model: Any, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _dutch_demo(qtbot: Any, make_ctx: Any, real_ws: Any) -> tuple[Any, Any]:
    """Return the controller of a Dutch app with the demo dossier open, and the demo dossier."""
    from ddcheck.services.demo import build_demo
    from ddcheck.ui.controller import Controller

    i18n.set_language("nl")
    demo = build_demo(real_ws, lang="nl")
    ctrl = Controller(make_ctx(real_ws), i18n.set_language)
    qtbot.addWidget(ctrl.start())
    ctrl.open_dossier(demo.id)
    return ctrl, demo


def test_history_in_dutch_shows_words_names_and_who(
    qtbot: Any, make_ctx: Any, real_ws: Any
) -> None:
    ctrl, demo = _dutch_demo(qtbot, make_ctx, real_ws)
    window, session = ctrl.window, ctrl.session
    key = next(e.key for e in session.summary.entries if session.evidence_for(e.key))
    evidence = session.evidence_for(key)[0]
    session.detach_evidence(key, evidence.id)
    window.show_page(PAGE_HISTORY)
    page = window.page(PAGE_HISTORY)
    model = page.model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(5)]
    assert headers == ["Wanneer", "Door", "Wat", "Voor", "Na"]
    what = _column(model, COL_WHAT)
    assert "Actie toegevoegd" in what and "Bewijs toegevoegd" in what
    assert not [w for w in what if "added" in w or "removed" in w or " · added" in w]
    assert set(_column(model, COL_WHO)) == {"tester"}
    after = _column(model, COL_NEW) + _column(model, COL_OLD)
    ids = {e.id for e in demo.evidence} | {a.id for a in demo.actions}
    assert not [text for text in after if any(i in text for i in ids)], "no raw ids"
    assert evidence.name in _column(model, COL_OLD)
    action = demo.actions[0]
    row = what.index("Actie toegevoegd")
    assert _column(model, COL_NEW)[row] in {a.action for a in demo.actions}
    assert action.action in _column(model, COL_NEW)
    when = _column(model, COL_WHEN)[0]
    assert when[2] == "-" and when[5] == "-", "Dutch dates: 23-11-2026 14:30"
    page.filter.setText(f"tester {evidence.name}")
    assert 1 <= page.model.rowCount() < len(what), "filters on who and the file name"


def test_a_risk_rating_in_the_history_reads_as_words(
    qtbot: Any, make_ctx: Any, real_ws: Any
) -> None:
    from ddcheck.domain.dossier import Risk

    ctrl, _ = _dutch_demo(qtbot, make_ctx, real_ws)
    session = ctrl.session
    key = session.summary.entries[0].key
    session.set_answer(key, risk=Risk(severity=3, likelihood=2, involvement="cause"))
    ctrl.window.show_page(PAGE_HISTORY)
    model = ctrl.window.page(PAGE_HISTORY).model
    newest = model.index(0, COL_NEW).data()
    assert newest.startswith("Ernst 3, Waarschijnlijkheid 2, ")
    assert "severity" not in newest and "cause" not in newest
