"""Open actions are overdue after their due date and 'due soon' from today to 14 days ahead."""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.deadlines import count_deadlines, deadline
from ddcheck.domain.dossier import Action

TODAY = dt.date(2026, 11, 23)


def _action(days: int | None, status: str = "open") -> Action:
    due = TODAY + dt.timedelta(days=days) if days is not None else None
    return Action(id=f"a{days}{status}", action="Do it", due=due, status=status)  # type: ignore[arg-type]


def test_deadline_edges() -> None:
    assert deadline(_action(-1), TODAY) == "overdue"
    assert deadline(_action(0), TODAY) == "due_soon"
    assert deadline(_action(14), TODAY) == "due_soon"
    assert deadline(_action(15), TODAY) is None
    assert deadline(_action(None), TODAY) is None
    assert deadline(_action(-5, "done"), TODAY) is None
    assert deadline(_action(3, "in_progress"), TODAY) == "due_soon"


def test_counts() -> None:
    actions = [_action(-3), _action(-1), _action(2), _action(30), _action(-9, "dropped")]
    counts = count_deadlines(actions, TODAY)
    assert (counts.overdue, counts.due_soon) == (2, 1)
