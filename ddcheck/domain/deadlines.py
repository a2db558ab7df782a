"""Action deadlines: which open actions are overdue and which fall due within the next 14 days."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from ddcheck.domain.dossier import Action

DUE_SOON_DAYS = 14
Deadline = Literal["overdue", "due_soon"]


def deadline(action: Action, today: dt.date) -> Deadline | None:
    """Return 'overdue', 'due_soon' (due today or within 14 days) or None for an action."""
    if action.due is None or not action.is_open:
        return None
    if action.due < today:
        return "overdue"
    if action.due <= today + dt.timedelta(days=DUE_SOON_DAYS):
        return "due_soon"
    return None


@dataclass(frozen=True)
class DeadlineCounts:
    """How many open actions are overdue and how many fall due within 14 days."""

    overdue: int
    due_soon: int


def count_deadlines(actions: Iterable[Action], today: dt.date) -> DeadlineCounts:
    """Count the overdue and soon-due open actions among `actions`."""
    found = [deadline(a, today) for a in actions]
    return DeadlineCounts(found.count("overdue"), found.count("due_soon"))
