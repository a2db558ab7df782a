"""The background task runner, the error hook, settings and the overview's links."""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any

from ddcheck.ui.errors import make_excepthook
from ddcheck.ui.main_window import PAGE_ACTIONS, PAGE_CHECKLIST, PAGE_OVERVIEW
from ddcheck.ui.settings import UiSettings
from ddcheck.ui.tasks import TaskRunner


def test_task_runner_reports_progress_and_result_on_the_ui_thread(qtbot: Any) -> None:
    runner = TaskRunner()
    seen: dict[str, Any] = {"progress": []}
    main = threading.get_ident()

    def work(progress: Any, cancelled: Any) -> int:
        for step in range(3):
            progress(step / 3)
        return threading.get_ident()

    def done(value: int) -> None:
        seen["worker"] = value
        seen["done_on"] = threading.get_ident()

    runner.start(work, on_done=done, on_failed=seen.setdefault, on_progress=seen["progress"].append)
    qtbot.waitUntil(lambda: "done_on" in seen, timeout=5000)
    assert seen["done_on"] == main and seen["worker"] != main
    qtbot.waitUntil(lambda: len(seen["progress"]) == 3, timeout=5000)


def test_task_runner_hands_errors_back(qtbot: Any) -> None:
    errors: list[BaseException] = []

    def work(progress: Any, cancelled: Any) -> None:
        raise ValueError("broken input")

    TaskRunner().start(work, on_done=lambda _v: None, on_failed=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert str(errors[0]) == "broken input"


def test_excepthook_logs_and_shows_one_line(caplog: Any) -> None:
    shown: list[str] = []
    hook = make_excepthook(shown.append)
    try:
        raise RuntimeError("disk full")
    except RuntimeError as error:
        with caplog.at_level(logging.ERROR, logger="ddcheck.ui"):
            hook(type(error), error, error.__traceback__)
    assert shown == ["RuntimeError: disk full"]
    assert "Traceback" in caplog.text and "disk full" in caplog.text


def test_settings_remember_language_and_last_dossier(tmp_path: Path) -> None:
    settings = UiSettings(tmp_path / "ui.ini")
    assert settings.language() is None
    settings.set_language("nl")
    settings.set_last_dossier("abc")
    settings.sync()
    again = UiSettings(tmp_path / "ui.ini")
    assert again.language() == "nl" and again.last_dossier() == "abc"
    again.set_language(None)
    assert again.language() is None


def test_overview_red_flags_and_warnings_lead_to_their_item(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    controller.open_dossier(saudi.id)
    session = controller.session
    flagged = next(
        e
        for e in session.summary.entries
        if e.template.scale_for(e.item).id == "status" and "no" in e.item.red_flags
    )
    session.set_answer(flagged.key, value="no")
    session.set_answer(
        next(e.key for e in session.summary.entries if e.key != flagged.key), value="x"
    )
    controller.window.show_page(PAGE_OVERVIEW)
    overview = controller.window.page(PAGE_OVERVIEW)
    assert overview.flags_value.text() == "1"
    assert overview.gate_value.text() == "Not ready"
    assert "1 red flag has no action" in overview.gate_hint.text()
    assert overview.gate_hint.text().startswith("Still to do: ")
    assert overview.flags.count() == 1
    overview.flags.itemClicked.emit(overview.flags.item(0))
    assert controller.window.current_page() == PAGE_CHECKLIST
    assert controller.window.page(PAGE_CHECKLIST).current_key() == flagged.key
    controller.window.show_page(PAGE_OVERVIEW)
    assert overview.oecd.rows() or overview.ifc.rows()


def test_heat_map_counts_rated_items_and_a_click_goes_to_one(
    qtbot: Any, controller: Any, saudi: Any
) -> None:
    from ddcheck.domain.dossier import Risk

    controller.open_dossier(saudi.id)
    session = controller.session
    key = session.summary.entries[2].key
    session.set_answer(key, risk=Risk(severity=3, likelihood=4))
    controller.window.show_page(PAGE_OVERVIEW)
    overview = controller.window.page(PAGE_OVERVIEW)
    assert overview.heat._counts == {(3, 4): 1}
    overview.heat.cellClicked.emit(3, 4)
    assert controller.window.page(PAGE_CHECKLIST).current_key() == key
    overview.actionRequested.emit("missing")
    assert controller.window.current_page() == PAGE_ACTIONS


def test_overview_says_ready_only_without_blockers_and_names_what_remains() -> None:
    from ddcheck.domain.readiness import Readiness
    from ddcheck.ui.pages.overview import status_words

    def figures(**changes: int) -> Readiness:
        base = dict(
            answered=60,
            applicable=60,
            required_unanswered=0,
            red_flags=8,
            red_flags_without_action=0,
            worst_red_flag=None,
            open_actions={},
            without_owner=0,
            without_due=0,
            withheld=0,
            evidence=0,
            checklists=(),
        )
        base.update(changes)
        return Readiness(**base)  # type: ignore[arg-type]

    assert (
        status_words(figures(), 0)
        == "Ready to export; worth a look: 8 red flags, each with an action."
    )
    assert status_words(figures(red_flags=0), 0) == "Ready to export."
    assert status_words(figures(red_flags_without_action=3, required_unanswered=5), 1) == (
        "Still to do: 1 problem blocks the export; 3 red flags have no action; "
        "5 required questions are unanswered."
    )


def test_overview_counts_overdue_actions_and_those_due_within_14_days(
    qtbot: Any, controller: Any, saudi: Any, fake_ws: Any
) -> None:
    import datetime as dt

    from ddcheck.domain.dossier import Action

    today = dt.date(2026, 11, 23)  # the test context's today
    for n, days in enumerate((-3, -1, 0, 14, 15)):
        due = today + dt.timedelta(days=days)
        fake_ws.add_action(saudi.id, Action(id=f"a{n}", action="Act", due=due))
    fake_ws.add_action(
        saudi.id, Action(id="done", action="Done", due=today - dt.timedelta(days=9), status="done")
    )
    controller.open_dossier(saudi.id)
    controller.window.show_page(PAGE_OVERVIEW)
    overview = controller.window.page(PAGE_OVERVIEW)
    assert overview.actions_value.text() == "5"
    assert overview.deadlines.text() == "2 overdue · 2 due within 14 days"
