"""The overview per mission: expected, received and missing participants; proposals to attach."""

from __future__ import annotations

from dataclasses import dataclass

from ddcheck.domain.formatting import local_date
from ddcheck.domain.overview import (
    SORT_KEYS,
    MissionOverview,
    MissionStatus,
    OverviewRow,
    filter_rows,
    mission_status,
    proposed_for,
    sort_rows,
)
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.errors import InvalidInput
from ddcheck.services.missions import MissionOps
from ddcheck.services.overview import OverviewOps
from ddcheck.store import missions as mission_rows
from ddcheck.store import received as received_rows


@dataclass(frozen=True)
class Proposal:
    """A received dossier without mission id that may belong to a mission (KvK and dates)."""

    received_id: str
    company: str
    kvk: str
    mission_id: str
    mission: str


class MissionStatusOps(MissionOps, OverviewOps):
    """Which companies of a mission sent their dossier; attach older dossiers on confirmation."""

    def _all_rows(self) -> list[OverviewRow]:
        return [
            self.overview_row(self.get_received(row.id))
            for row in received_rows.list_received(self._store.conn)
        ]

    def mission_statuses(self, rows: list[OverviewRow] | None = None) -> list[MissionStatus]:
        """Return every mission's status: the defined ones, then ids only dossiers name."""
        rows = self._all_rows() if rows is None else rows
        today = local_date(self._now())
        result = []
        known = set()
        for mission in self.list_missions():
            known.add(mission.id)
            result.append(mission_status(mission, mission.id, rows, today))
        named = {
            r.mission_id: r.mission for r in rows if r.mission_id and r.mission_id not in known
        }
        for mission_id, name in sorted(named.items(), key=lambda pair: pair[1].casefold()):
            result.append(mission_status(None, mission_id, rows, today, name))
        return result

    def mission_overview_by_id(
        self,
        mission_id: str,
        *,
        sort: str = "company",
        descending: bool = False,
        text: str = "",
        verdict: str | None = None,
        red_flags_only: bool = False,
    ) -> MissionOverview:
        """Return the overview of one mission by its id, with who is expected and missing."""
        if sort not in SORT_KEYS:
            raise InvalidInput(
                catalog_entry("error", "Cannot sort by '{sort}'; choose one of {keys}."),
                sort=sort,
                keys=", ".join(SORT_KEYS),
            )
        rows = [r for r in self._all_rows() if r.mission_id == mission_id]
        known = mission_rows.find_mission(self._store.conn, mission_id)
        name = known.name.nl if known else (rows[0].mission if rows else mission_id)
        status = mission_status(known, mission_id, rows, local_date(self._now()), name)
        shown = filter_rows(rows, text, verdict=verdict, red_flags_only=red_flags_only)
        return MissionOverview(name, tuple(sort_rows(shown, sort, descending)), status)

    def mission_proposals(self) -> list[Proposal]:
        """Return, for received dossiers without a mission id, the missions they may belong to."""
        missions = {m.id: m for m in self.list_missions()}
        proposals = []
        for row in received_rows.list_received(self._store.conn):
            received = self.get_received(row.id)
            details = received.dossier.mission
            if details.mission_id or mission_rows.received_mission_id(self._store.conn, row.id):
                continue
            kvk = received.dossier.company.kvk_number
            for mission_id in proposed_for(kvk, details.start, details.end, missions.values()):
                proposals.append(
                    Proposal(row.id, row.company, kvk, mission_id, missions[mission_id].name.nl)
                )
        return proposals

    def attach_received(self, mission_id: str, received_id: str) -> None:
        """Attach a received dossier that names no mission id to a mission (the adviser's call)."""
        mission = self.get_mission(mission_id)
        received = self.get_received(received_id)
        own = received.dossier.mission.mission_id
        if own is not None and own != mission.id:
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "This dossier names mission {mission} itself; it cannot be attached to "
                    "another.",
                ),
                mission=own,
            )
        with self._transaction():
            mission_rows.set_received_mission(self._store.conn, received.id, mission.id)
