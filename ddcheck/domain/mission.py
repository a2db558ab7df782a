"""A trade mission as RVO defines it once: names, destinations, dates, checklists, participants.

Strict like the received documents: a mission read from a pack is validated in full here (types,
ranges, ISO country codes, KvK numbers, dates in order, nothing named twice) before anything is
stored. Dossiers refer to a mission by its stable `id` (a UUID).
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    field_validator,
    model_validator,
)

from ddcheck.domain.text import Language

MISSION_ID_PATTERN = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
MAX_PARTICIPANTS = 5_000
MAX_CHECKLISTS = 200
MAX_DESTINATIONS = 50

MissionId = Annotated[str, StringConstraints(pattern=MISSION_ID_PATTERN)]
Line = Annotated[str, StringConstraints(max_length=300, pattern=r"^[^\x00-\x1f\x7f]*$")]
_NAME = r"^[^\x00-\x1f\x7f]*[^\x00-\x20\x7f][^\x00-\x1f\x7f]*$"  # one line, not blank
Name = Annotated[str, StringConstraints(min_length=1, max_length=300, pattern=_NAME)]
KvkNumber = Annotated[str, StringConstraints(pattern=r"^[0-9]{8}$")]
TemplateId = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9_.-]{0,79}$")]


def new_mission_id() -> str:
    """Return a new stable mission id (a random UUID)."""
    return str(uuid.uuid4())


def is_country(code: str) -> bool:
    """Return whether `code` is an assigned ISO 3166 alpha-2 country code."""
    import pycountry  # its database loads on first use only

    return pycountry.countries.get(alpha_2=code) is not None


class MissionName(BaseModel):
    """The mission's name in Dutch and in English."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    nl: Name
    en: Name

    def get(self, lang: Language) -> str:
        """Return the name in `lang`."""
        return self.nl if lang == "nl" else self.en


class RequestedChecklist(BaseModel):
    """A checklist (or briefing) the mission asks for, at the version RVO sent."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: TemplateId
    version: int = Field(ge=1, le=1_000_000)


class Participant(BaseModel):
    """A company expected to send its self-scan."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    company: Name
    kvk_number: KvkNumber


class MissionDefinition(BaseModel):
    """One trade mission with a stable id, as it travels in a `.ddmission` pack."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: MissionId
    name: MissionName
    destinations: list[Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]] = Field(
        min_length=1, max_length=MAX_DESTINATIONS
    )
    start: dt.date
    end: dt.date
    deadline: dt.date | None = None
    organiser: Line = ""
    contact: Line = ""
    checklists: list[RequestedChecklist] = Field(default_factory=list, max_length=MAX_CHECKLISTS)
    participants: list[Participant] = Field(default_factory=list, max_length=MAX_PARTICIPANTS)

    @field_validator("destinations")
    @classmethod
    def _countries(cls, codes: list[str]) -> list[str]:
        for code in codes:
            if not is_country(code):
                raise ValueError(f"'{code}' is not a country code (ISO 3166, e.g. SA, AE, CN)")
        if len(set(codes)) != len(codes):
            raise ValueError("a destination is named twice")
        return codes

    @model_validator(mode="after")
    def _consistent(self) -> MissionDefinition:
        if self.end < self.start:
            raise ValueError(f"the mission ends before it starts ({self.end} < {self.start})")
        ids = [c.id for c in self.checklists]
        if len(set(ids)) != len(ids):
            raise ValueError("a checklist is asked for twice")
        kvk = [p.kvk_number for p in self.participants]
        if len(set(kvk)) != len(kvk):
            twice = next(k for k in kvk if kvk.count(k) > 1)
            raise ValueError(f"KvK number {twice} is expected twice")
        return self

    def title(self, lang: Language) -> str:
        """Return the mission's name in `lang`."""
        return self.name.get(lang)

    def participant(self, kvk_number: str) -> Participant | None:
        """Return the expected participant with this KvK number, or None."""
        return next((p for p in self.participants if p.kvk_number == kvk_number), None)

    def days_to_deadline(self, today: dt.date) -> int | None:
        """Return how many days are left until the deadline (negative: past), or None."""
        return None if self.deadline is None else (self.deadline - today).days
