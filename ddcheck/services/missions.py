"""Missions with a stable id: define one (adviser), list them, name one by id or its start."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

from pydantic import ValidationError

from ddcheck.bounded_read import UnreadableFile, read_regular_file
from ddcheck.domain.mission import MissionDefinition, MissionName, Participant, RequestedChecklist
from ddcheck.domain.mission import new_mission_id as _new_mission_id
from ddcheck.domain.vocabulary import Entry, Wording, catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.errors import AmbiguousId, InvalidInput, NotFound
from ddcheck.store import missions as mission_rows


class ParticipantsRefused(InvalidInput):
    """A participants file that cannot be used; `problems` names every bad line."""

    def __init__(
        self, message: Entry | Wording, problems: tuple[str, ...] = (), /, **fields: object
    ) -> None:
        super().__init__(message, **fields)
        self.problems = problems


def read_participants(path: Path | str) -> list[Participant]:
    """Read a participants CSV (bounded, a regular file); raise ParticipantsRefused."""
    from ddcheck.exchange.participants import (
        MAX_CSV_BYTES,
        ParticipantsError,
        read_participants_csv,
    )

    source = Path(path)
    try:
        data = read_regular_file(source, MAX_CSV_BYTES)
        return read_participants_csv(data)
    except UnreadableFile as error:
        raise ParticipantsRefused(
            catalog_entry("error", "{file} cannot be used: {reason}."),
            file=source.name,
            reason=error,
        ) from error
    except ParticipantsError as error:
        raise ParticipantsRefused(
            catalog_entry("participants error", "{file}: {error}"),
            error.problems,
            file=source.name,
            error=error,
        ) from error


class MissionOps(WorkspaceBase):
    """Define missions and look them up."""

    def create_mission(
        self,
        name: str,
        *,
        destinations: Sequence[str],
        start: dt.date,
        end: dt.date,
        name_en: str = "",
        deadline: dt.date | None = None,
        organiser: str = "",
        contact: str = "",
        checklists: Sequence[str] = (),
        participants: Sequence[Participant] = (),
    ) -> MissionDefinition:
        """Define a mission (checklists at the versions in this workspace) and store it."""
        from ddcheck.exchange.border import first_problem

        requested = []
        for template_id in checklists:
            template = self._template(template_id)
            requested.append(RequestedChecklist(id=template.id, version=template.version))
        nl = " ".join(name.split())
        en = " ".join(name_en.split()) or nl
        try:
            mission = MissionDefinition(
                id=_new_mission_id(),
                name=MissionName(nl=nl, en=en),
                destinations=[code.strip().upper() for code in destinations],
                start=start,
                end=end,
                deadline=deadline,
                organiser=" ".join(organiser.split()),
                contact=" ".join(contact.split()),
                checklists=requested,
                participants=list(participants),
            )
        except ValidationError as error:
            problem = _plain(first_problem(error))
            raise InvalidInput(
                catalog_entry("error", "The mission {problem}."), problem=problem
            ) from error
        with self._transaction():
            mission_rows.save_mission(self._store.conn, mission, "own", self._now())
        return mission

    def list_missions(self) -> list[MissionDefinition]:
        """Return the missions of this workspace (defined here or from packs)."""
        return mission_rows.list_missions(self._store.conn)

    def get_mission(self, mission_id: str) -> MissionDefinition:
        """Return a mission, or raise NotFound."""
        return mission_rows.get_mission(self._store.conn, mission_id)

    def resolve_mission(self, reference: str) -> str:
        """Return the mission id `reference` names: a whole id or a unique start of one."""
        reference = reference.strip().lower()
        if not reference:
            raise InvalidInput(
                catalog_entry("error", "Name a mission by its id (or the first characters of it).")
            )
        found = mission_rows.ids_starting_with(self._store.conn, reference)
        if reference in found:
            return reference
        if not found:
            raise NotFound(
                catalog_entry(
                    "error",
                    "No mission id starts with '{reference}'; 'ddcheck mission list' shows them.",
                ),
                reference=reference,
            )
        if len(found) > 1:
            raise AmbiguousId(
                catalog_entry(
                    "error", "'{reference}' matches {count} missions ({ids}); type more of the id."
                ),
                reference=reference,
                count=len(found),
                ids=", ".join(found[:5]),
            )
        return found[0]


def _plain(problem: str) -> str:
    """Return a validation problem without pydantic's 'Value error, ' prefix."""
    return problem.replace("Value error, ", "")
