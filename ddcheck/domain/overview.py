"""The mission overview's rows: every received dossier of one mission side by side."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the app's overview model imports SORT_KEYS at start-up, without pydantic
    from ddcheck.domain.dossier import Verdict
    from ddcheck.domain.mission import MissionDefinition

SORT_KEYS: tuple[str, ...] = (
    "company",
    "mission",
    "completion",
    "red_flags",
    "open_high_actions",
    "overdue_actions",
    "due_soon_actions",
    "withheld_items",
    "verdict",
    "received",
)
VERDICT_ORDER = {"insufficient": 0, "sufficient_with_actions": 1, "sufficient": 2, None: 3}


@dataclass(frozen=True)
class OverviewRow:
    """One company in the mission overview."""

    received_id: str
    dossier_id: str
    company: str
    mission: str
    revision: int
    exported_at: dt.datetime
    answered: int
    total: int
    red_flags: int
    open_high_actions: int
    withheld_items: int
    verdict: Verdict | None
    kvk: str = ""
    mission_id: str | None = None  # from the dossier, or attached by the adviser
    required_unanswered: int = 0  # required questions neither answered nor withheld
    overdue_actions: int = 0  # open actions past their due date (on the day the overview is made)
    due_soon_actions: int = 0  # open actions due today or within 14 days
    signature: str = "unsigned"  # of the newest revision: signed | other_key | unsigned

    @property
    def completion(self) -> int:
        """Return the share of applicable items answered (withheld ones count), in percent."""
        return 100 * self.answered // self.total if self.total else 0


@dataclass(frozen=True)
class MissionGroup:
    """One mission among the received dossiers."""

    key: str
    name: str
    dossiers: int


@dataclass(frozen=True)
class MissionOverview:
    """The rows of one mission (or of all, when `mission` is None)."""

    mission: str | None
    rows: tuple[OverviewRow, ...]
    status: MissionStatus | None = None  # a mission with a stable id: expected and missing


def sort_rows(
    rows: Iterable[OverviewRow], key: str = "company", descending: bool = False
) -> list[OverviewRow]:
    """Return the rows sorted by one column (ties by company name)."""
    if key not in SORT_KEYS:
        raise ValueError(f"Cannot sort by '{key}'; choose one of {', '.join(SORT_KEYS)}.")
    by_name = sorted(rows, key=lambda r: (r.company.casefold(), r.received_id))
    value = {
        "company": lambda r: r.company.casefold(),
        "mission": lambda r: r.mission.casefold(),
        "completion": lambda r: r.completion,
        "red_flags": lambda r: r.red_flags,
        "open_high_actions": lambda r: r.open_high_actions,
        "overdue_actions": lambda r: r.overdue_actions,
        "due_soon_actions": lambda r: r.due_soon_actions,
        "withheld_items": lambda r: r.withheld_items,
        "verdict": lambda r: VERDICT_ORDER[r.verdict],
        "received": lambda r: r.exported_at,
    }[key]
    return sorted(by_name, key=value, reverse=descending)


def filter_rows(
    rows: Iterable[OverviewRow],
    text: str = "",
    *,
    verdict: str | None = None,
    red_flags_only: bool = False,
) -> list[OverviewRow]:
    """Return rows whose company or mission contains `text`, with a verdict ('none': none yet)."""
    needle = text.casefold().strip()
    result = []
    for row in rows:
        if needle and needle not in row.company.casefold() and needle not in row.mission.casefold():
            continue
        if verdict is not None and (row.verdict or "none") != verdict:
            continue
        if red_flags_only and not row.red_flags:
            continue
        result.append(row)
    return result


@dataclass(frozen=True)
class Expected:
    """A company a mission expects a dossier from."""

    kvk: str
    company: str


@dataclass(frozen=True)
class MissionStatus:
    """One mission: who was expected, whose dossier came in, who is missing, the deadline."""

    mission_id: str
    name: str
    known: bool  # False: dossiers name a mission this workspace has no definition of
    deadline: dt.date | None
    days_to_deadline: int | None
    expected: tuple[Expected, ...]
    received: tuple[OverviewRow, ...]
    missing: tuple[Expected, ...]

    @property
    def unexpected(self) -> tuple[OverviewRow, ...]:
        """Return received dossiers whose KvK number the mission did not list."""
        listed = {e.kvk for e in self.expected}
        return tuple(r for r in self.received if r.kvk not in listed)


def mission_status(
    mission: MissionDefinition | None,
    mission_id: str,
    rows: Iterable[OverviewRow],
    today: dt.date,
    name: str = "",
) -> MissionStatus:
    """Return a mission's status from the overview rows attached to it (by mission id)."""
    received = tuple(sorted((r for r in rows if r.mission_id == mission_id), key=_by_company))
    if mission is None:
        return MissionStatus(mission_id, name, False, None, None, (), received, ())
    expected = tuple(Expected(p.kvk_number, p.company) for p in mission.participants)
    arrived = {r.kvk for r in received}
    missing = tuple(e for e in expected if e.kvk not in arrived)
    return MissionStatus(
        mission_id,
        mission.name.nl,
        True,
        mission.deadline,
        mission.days_to_deadline(today),
        expected,
        received,
        missing,
    )


def _by_company(row: OverviewRow) -> tuple[str, str]:
    return (row.company.casefold(), row.received_id)


def proposed_for(
    kvk: str, start: dt.date | None, end: dt.date | None, missions: Iterable[MissionDefinition]
) -> list[str]:
    """Return the missions a dossier without mission id may belong to: KvK listed, dates overlap.

    Both must hold; names are never compared (free text is not evidence).
    """
    if not kvk or start is None:
        return []
    last = end or start
    return [
        m.id
        for m in missions
        if m.participant(kvk) is not None and start <= m.end and last >= m.start
    ]
