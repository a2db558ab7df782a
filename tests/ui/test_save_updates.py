"""A save updates what it changed: the answered item in the tree and the dossier's list row,
without reading the dossier again or listing the dossiers again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from ddcheck.domain.applicability import deciding_items
from ddcheck.domain.scoring import summarize
from ddcheck.ui.main_window import PAGE_CHECKLIST
from ddcheck.ui.models.dossier_list import COL_PROGRESS, ID_ROLE
from ddcheck.ui.models.section_tree import KEY_ROLE, STATUS_ROLE
from tests.ui.test_with_workspace import create_saudi


def _list_cells(window: Any, dossier_id: str) -> tuple[str, str, str]:
    model = window.dossiers.list.model
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ID_ROLE) == dossier_id:
            return tuple(model.index(row, c).data() for c in (1, COL_PROGRESS, 3))  # type: ignore[return-value]
    raise AssertionError("the dossier is not listed")


def _answered(window: Any, dossier_id: str) -> int:
    model = window.dossiers.list.model
    rows = (model.row_at(r) for r in range(model.rowCount()))
    return next(i.progress.answered for i in rows if i.id == dossier_id)


def test_an_answer_updates_exactly_its_item_and_the_list_row(
    qtbot: Any, real_controller: Any, real_ws: Any, monkeypatch: Any
) -> None:
    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    real_controller.open_dossier(dossier.id)
    window = real_controller.window
    page = window.page(PAGE_CHECKLIST)
    session = page.session
    deciding = deciding_items(session.templates.values())
    entry = next(
        e
        for e in session.summary.entries
        if e.template.scale_for(e.item).kind == "single" and e.key not in deciding
    )
    page.select(entry.key)
    before = _list_cells(window, dossier.id)
    reads: list[str] = []
    for name in ("get_dossier", "list_dossiers", "mission_overview"):
        real = getattr(real_ws, name)
        monkeypatch.setattr(
            real_ws, name, lambda *a, _n=name, _r=real, **k: reads.append(_n) or _r(*a, **k)
        )
    touched: list[str] = []
    page.model.dataChanged.connect(lambda top, _bottom, _roles: touched.append(top.data(KEY_ROLE)))

    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_1)  # the first option, as a keyboard user answers
    qtbot.wait(450)  # longer than the dossier list ever waited to refresh

    answer = session.answer(entry.key)
    assert answer is not None and answer.is_answered
    section = f"{entry.template.id}#{entry.section.id}"
    assert set(touched) == {entry.key, section, entry.template.id}
    assert reads == []  # no dossier read back, no list or overview computed again
    monkeypatch.undo()
    listed = next(i for i in real_ws.list_dossiers() if i.id == dossier.id)
    after = _list_cells(window, dossier.id)
    assert after != before
    assert after[1] == f"{listed.progress.percent}%"
    assert after[2] == (str(listed.red_flags) if listed.red_flags else "–")
    assert session.summary == summarize(real_ws.get_dossier(dossier.id), session.templates)


def test_a_deciding_answer_and_its_undo_update_the_item_and_the_row(
    qtbot: Any, real_controller: Any, real_ws: Any
) -> None:
    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    real_controller.open_dossier(dossier.id)
    window = real_controller.window
    page = window.page(PAGE_CHECKLIST)
    key = next(  # a question about the profile: other items start or stop applying
        e.key
        for e in page.session.summary.entries
        if e.template.scale_for(e.item).kind == "single"
        and e.key in deciding_items(page.session.templates.values())
    )
    page.select(key)
    before = _answered(window, dossier.id)
    assert page.model.index_of(key).data(STATUS_ROLE) == "open"
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_1)
    assert _answered(window, dossier.id) == before + 1
    assert page.model.index_of(key).data(STATUS_ROLE) != "open"
    window.undo_action.trigger()
    answer = page.session.answer(key)
    assert answer is None or not answer.is_answered
    assert _answered(window, dossier.id) == before
    assert page.model.index_of(key).data(STATUS_ROLE) == "open"
    assert page.session.summary == summarize(
        real_ws.get_dossier(dossier.id), page.session.templates
    )
