"""Actions: from a gap, inline edits, filters, undo, CSV export."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui.main_window import PAGE_ACTIONS, PAGE_CHECKLIST
from ddcheck.ui.models.action_table import COL_DUE, COL_OWNER, COL_STATUS
from ddcheck.ui.pages.actions import ActionsPage
from ddcheck.ui.pages.checklist import ChecklistPage


def gap_item(page: ChecklistPage) -> str:
    for entry in page.session.summary.entries:
        if entry.template.scale_for(entry.item).id == "status":
            return entry.key
    raise AssertionError


def test_create_action_from_a_gap_is_prefilled_and_linked(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any, prompts: Any
) -> None:
    controller.open_dossier(saudi.id)
    page = controller.window.page(PAGE_CHECKLIST)
    key = gap_item(page)
    page.select(key)
    page.panel.choose_number(3)  # "No": a gap
    assert page.panel.gap_text.isVisibleTo(page.panel)
    seen: dict[str, Any] = {}

    def fill(dialog: Any) -> Any:
        seen["what"] = dialog.what.toPlainText()
        seen["gap"] = dialog.gap.toPlainText()
        qtbot.keyClicks(dialog.owner, "Anna de Vries")
        dialog.due.setDate(dialog.due.date().fromString("2027-01-31", "yyyy-MM-dd"))
        return dialog.result_value()

    prompts.action_editor = fill
    qtbot.mouseClick(page.panel.create_action, Qt.MouseButton.LeftButton)
    assert seen["gap"] == "The answer shows a gap."  # the services' proposal, as in the CLI
    assert seen["what"]
    actions = fake_ws.dossiers[saudi.id].actions
    assert len(actions) == 1
    assert actions[0].item_keys == [key]
    assert actions[0].owner == "Anna de Vries" and actions[0].due == dt.date(2027, 1, 31)
    assert not page.panel.gap_text.isVisibleTo(page.panel)
    assert page.panel.action_links.count() == 1
    controller.window.undo_action.trigger()
    assert fake_ws.dossiers[saudi.id].actions == []
    controller.window.redo_action.trigger()
    assert len(fake_ws.dossiers[saudi.id].actions) == 1


def add_actions(fake_ws: Any, dossier_id: str) -> None:
    from ddcheck.domain.dossier import Action

    for i, (owner, status, due) in enumerate(
        [
            ("Anna", "open", dt.date(2026, 10, 1)),
            ("Bram", "done", dt.date(2026, 9, 1)),
            ("Anna", "in_progress", dt.date(2027, 3, 1)),
        ]
    ):
        fake_ws.add_action(
            dossier_id,
            Action(id=f"a{i}", action=f"Action {i}", owner=owner, status=status, due=due),
        )


def test_inline_edit_filters_and_csv(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any, prompts: Any, tmp_path: Path
) -> None:
    add_actions(fake_ws, saudi.id)
    controller.open_dossier(saudi.id)
    controller.window.show_page(PAGE_ACTIONS)
    page = controller.window.page(PAGE_ACTIONS)
    assert isinstance(page, ActionsPage)
    assert page.proxy.rowCount() == 3
    index = page.proxy.index(0, COL_OWNER)
    assert page.proxy.setData(index, "Carla")
    edited_id = index.data(Qt.ItemDataRole.UserRole + 1)
    assert next(a for a in fake_ws.dossiers[saudi.id].actions if a.id == edited_id).owner == "Carla"
    assert page.proxy.setData(page.proxy.index(0, COL_DUE), "not a date") is False
    page.status_filter.setCurrentIndex(page.status_filter.findData("not_done"))
    assert page.proxy.rowCount() == 2
    page.status_filter.setCurrentIndex(0)
    page.overdue.setChecked(True)
    overdue = [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())]
    assert overdue == ["Action 0"]
    page.overdue.setChecked(False)
    page.owner_filter.setCurrentIndex(page.owner_filter.findData("Bram"))
    assert [page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount())] == ["Action 1"]
    page.owner_filter.setCurrentIndex(0)
    page.table.sortByColumn(COL_STATUS, Qt.SortOrder.DescendingOrder)
    assert page.proxy.index(0, COL_STATUS).data() == "Done"
    target = tmp_path / "plan.csv"
    prompts.save_paths.append(target)
    qtbot.mouseClick(page.csv_button, Qt.MouseButton.LeftButton)
    rows = list(csv.reader(target.open(encoding="utf-8-sig")))
    assert rows[0][0] == "Action" and len(rows) == 4
    assert {r[0] for r in rows[1:]} == {"Action 0", "Action 1", "Action 2"}


def test_delete_action_and_undo_brings_it_back(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    add_actions(fake_ws, saudi.id)
    controller.open_dossier(saudi.id)
    controller.window.show_page(PAGE_ACTIONS)
    page = controller.window.page(PAGE_ACTIONS)
    page.select("a1")
    qtbot.mouseClick(page.delete_button, Qt.MouseButton.LeftButton)
    assert [a.id for a in fake_ws.dossiers[saudi.id].actions] == ["a0", "a2"]
    controller.window.undo_action.trigger()
    assert sorted(a.id for a in fake_ws.dossiers[saudi.id].actions) == ["a0", "a1", "a2"]


def test_the_action_link_on_an_item_opens_it_in_the_action_plan(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    controller.open_dossier(saudi.id)
    page = controller.window.page(PAGE_CHECKLIST)
    key = gap_item(page)
    page.select(key)
    page.panel.choose_number(3)
    page.panel.createActionRequested.emit()
    page.panel.action_links.itemAt(0).widget().click()
    assert controller.window.current_page() == PAGE_ACTIONS
    actions = controller.window.page(PAGE_ACTIONS)
    assert actions.current_id() == fake_ws.dossiers[saudi.id].actions[0].id
