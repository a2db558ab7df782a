"""A company's dossier for one mission: profile, answers, evidence, actions and reviews."""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator, model_validator

from ddcheck.domain.mission import MISSION_ID_PATTERN
from ddcheck.domain.text import Language

Activity = Literal["export", "import_sourcing", "investment", "project", "services"]
ACTIVITIES: tuple[str, ...] = Activity.__args__  # type: ignore[attr-defined]
CompanySize = Literal["micro", "small", "medium", "large"]
Involvement = Literal["cause", "contribute", "linked"]
Priority = Literal["high", "medium", "low"]
ActionStatus = Literal["open", "in_progress", "done", "dropped"]
OPEN_STATUSES: frozenset[str] = frozenset({"open", "in_progress"})  # an action still to do
ItemAssessment = Literal["accepted", "question", "insufficient"]
Verdict = Literal["sufficient", "sufficient_with_actions", "insufficient"]
AnswerValue = str | float | list[str] | None

KVK_PATTERN = r"^\d{8}$"
# Validation context for profiles read back from the workspace: rules added later (assigned
# country codes, end after start) must not make a stored dossier unreadable.
STORED: dict[str, Any] = {"stored": True}


def _stored(info: ValidationInfo) -> bool:
    return bool(info.context and info.context.get("stored"))


def _is_country(code: str) -> bool:
    import pycountry  # its database loads on first use only

    return pycountry.countries.get(alpha_2=code) is not None


class Company(BaseModel):
    """Who fills in the dossier."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=300)
    kvk_number: str = Field(default="", json_schema_extra={"pattern": r"^(\d{8})?$"})
    sector: str = ""
    size: CompanySize | None = None
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""

    @field_validator("kvk_number", mode="before")
    @classmethod
    def _kvk_digits(cls, value: Any) -> Any:
        if not isinstance(value, str):
            return value
        digits = "".join(value.split())
        if digits and (len(digits) != 8 or not digits.isascii() or not digits.isdigit()):
            raise ValueError(f"A KvK number has exactly 8 digits ('{value}' does not)")
        return digits


class Mission(BaseModel):
    """The trade mission the dossier prepares for."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=300)
    destinations: list[str] = Field(default_factory=list)
    start: dt.date | None = None
    end: dt.date | None = None
    organiser: str = ""
    activities: list[Activity] = Field(default_factory=list)
    export_credit_insurance: bool = False
    # destinations the company or the mission marks as conflict-affected or high-risk areas
    high_risk_destinations: list[str] = Field(default_factory=list)
    # the stable id of the mission RVO defined (from a mission pack); None for older dossiers
    mission_id: str | None = Field(default=None, pattern=MISSION_ID_PATTERN)

    @field_validator("destinations", "high_risk_destinations")
    @classmethod
    def _iso_codes(cls, codes: list[str], info: ValidationInfo) -> list[str]:
        cleaned = [code.strip().upper() for code in codes]
        for code in cleaned:
            if len(code) != 2 or not code.isalpha():
                raise ValueError(f"'{code}' is not a two-letter ISO country code")
            if not _stored(info) and not _is_country(code):
                raise ValueError(f"'{code}' is not a country code (ISO 3166, e.g. SA, AE, CN)")
        return cleaned

    @model_validator(mode="after")
    def _high_risk_among_destinations(self, info: ValidationInfo) -> Mission:
        extra = [c for c in self.high_risk_destinations if c not in self.destinations]
        if extra and not _stored(info):
            raise ValueError(
                f"'{extra[0]}' is marked as a high-risk area but is not one of the destinations"
            )
        return self

    @model_validator(mode="after")
    def _dates_in_order(self, info: ValidationInfo) -> Mission:
        if self.start and self.end and self.end < self.start and not _stored(info):
            raise ValueError(
                f"The mission ends before it starts ({self.end} is before {self.start})"
            )
        return self


class Risk(BaseModel):
    """A risk rating: severity and likelihood on 1–4, and how the company is involved."""

    model_config = ConfigDict(extra="forbid")

    severity: int | None = Field(default=None, ge=1, le=4)
    likelihood: int | None = Field(default=None, ge=1, le=4)
    involvement: Involvement | None = None

    @property
    def is_empty(self) -> bool:
        """Return whether nothing was rated."""
        return self.severity is None and self.likelihood is None and self.involvement is None


class Answer(BaseModel):
    """The company's answer to one item, each aspect in its own field."""

    model_config = ConfigDict(extra="forbid")

    template_id: str
    item_id: str
    value: AnswerValue = None
    note: str = ""
    confidential: bool = False
    review: bool = False
    risk: Risk = Field(default_factory=Risk)
    evidence_ids: list[str] = Field(default_factory=list)
    needs_reconfirmation: bool = False
    item_fingerprint: str = ""
    updated_at: dt.datetime | None = None
    updated_by: str = ""

    @property
    def key(self) -> str:
        """Return the answer's key: template id and item id."""
        return item_key(self.template_id, self.item_id)

    @property
    def is_answered(self) -> bool:
        """Return whether a value was given (whitespace-only text is no answer)."""
        if isinstance(self.value, str):
            return bool(self.value.strip())
        return self.value not in (None, [])


# The answer's fields, named once: what a person edits (the app's undo steps), what the services
# store and record in the history, and what a received revision is compared on (with the value).
EDITABLE_ANSWER_FIELDS: tuple[str, ...] = ("value", "note", "confidential", "review", "risk")
RECORDED_ANSWER_FIELDS: tuple[str, ...] = (*EDITABLE_ANSWER_FIELDS, "needs_reconfirmation")
REVISION_ANSWER_FIELDS: tuple[str, ...] = (
    "note",
    "risk",
    "confidential",
    "evidence_ids",
    "needs_reconfirmation",
)


def editable_fields(answer: Answer | None) -> dict[str, Any]:
    """Return the fields a person edits of an answer (the defaults when there is none)."""
    if answer is None:
        return {"value": None, "note": "", "confidential": False, "review": False, "risk": Risk()}
    return {name: getattr(answer, name) for name in EDITABLE_ANSWER_FIELDS}


class Evidence(BaseModel):
    """A document kept as proof, stored in the workspace with its hash."""

    model_config = ConfigDict(extra="forbid")

    id: str
    name: str
    media_type: str = "application/octet-stream"
    size: int = Field(ge=0)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    added_at: dt.datetime
    note: str = ""
    # A URL or a path on the company drive: the document stays there and ddcheck keeps no copy
    # (size 0, the SHA-256 of no bytes). Never fetched or opened without asking.
    location: str = Field(default="", max_length=2000)
    dated: dt.date | None = None  # the document's own date
    valid_until: dt.date | None = None

    @property
    def is_link(self) -> bool:
        """Return whether the evidence is a link or path (kept where it is, not a stored copy)."""
        return bool(self.location)

    def expired_by(self, day: dt.date) -> bool:
        """Return whether the evidence is no longer valid on `day`."""
        return self.valid_until is not None and self.valid_until < day


class Action(BaseModel):
    """One row of the action plan (ESAP style)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    item_keys: list[str] = Field(default_factory=list)
    standard_ref: str = ""
    gap: str = ""
    action: str = Field(min_length=1)
    deliverable: str = ""
    owner: str = ""
    start: dt.date | None = None
    due: dt.date | None = None
    priority: Priority = "medium"
    status: ActionStatus = "open"
    budget: str = ""
    completion_evidence: str = ""
    progress_note: str = ""
    agreed_with_adviser: bool = False

    @property
    def is_open(self) -> bool:
        """Return whether the action still needs work (open or in progress)."""
        return self.status in OPEN_STATUSES

    def is_overdue(self, today: dt.date) -> bool:
        """Return whether the action is still open after its due date."""
        return self.due is not None and self.due < today and self.is_open


class ItemReview(BaseModel):
    """An adviser's assessment of one item."""

    model_config = ConfigDict(extra="forbid")

    template_id: str
    item_id: str
    assessment: ItemAssessment
    comment: str = ""

    @property
    def key(self) -> str:
        """Return the key of the reviewed item."""
        return item_key(self.template_id, self.item_id)


class Review(BaseModel):
    """An adviser's review of a dossier: per-item assessments, agreed actions and a verdict."""

    model_config = ConfigDict(extra="forbid")

    id: str
    reviewer: str = ""
    organisation: str = ""
    reviewed_at: dt.datetime | None = None
    items: list[ItemReview] = Field(default_factory=list)
    verdict: Verdict | None = None
    verdict_note: str = ""
    agreed_actions: list[Action] = Field(default_factory=list)


class TemplateUse(BaseModel):
    """Which template version a dossier was filled in against."""

    model_config = ConfigDict(extra="forbid")

    id: str
    version: int


class Dossier(BaseModel):
    """Everything a company records for one mission."""

    model_config = ConfigDict(extra="forbid")

    id: str
    company: Company
    mission: Mission
    language: Language = "nl"
    created_at: dt.datetime
    updated_at: dt.datetime
    templates: list[TemplateUse] = Field(default_factory=list)
    answers: list[Answer] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    actions: list[Action] = Field(default_factory=list)
    reviews: list[Review] = Field(default_factory=list)

    @property
    def title(self) -> str:
        """Return a display title: company and mission."""
        return f"{self.company.name} — {self.mission.name}"

    def answer(self, template_id: str, item_id: str) -> Answer | None:
        """Return the answer to an item, or None."""
        key = item_key(template_id, item_id)
        return next((a for a in self.answers if a.key == key), None)

    def answers_by_key(self) -> dict[str, Answer]:
        """Return answers keyed by `template_id/item_id`."""
        return {answer.key: answer for answer in self.answers}


ITEM_MARKER = "ID {key}"  # printed with every item by reports before 11/2026; `verify` reads it


def item_marker(key: str) -> str:
    """Return the marker older reports printed with an item (`verify` still reads it)."""
    return ITEM_MARKER.format(key=key)


def item_key(template_id: str, item_id: str) -> str:
    """Return the key that names one item across templates: `template_id/item_id`."""
    return f"{template_id}/{item_id}"


def split_item_key(key: str) -> tuple[str, str]:
    """Split `template_id/item_id` into its two parts."""
    template_id, _, item_id = key.partition("/")
    return template_id, item_id


def profile_values(company: Company, mission: Mission) -> dict[str, Any]:
    """Return the profile fields applicability conditions look at."""
    return {
        "export_credit_insurance": mission.export_credit_insurance,
        "destinations": list(mission.destinations),
        "activities": list(mission.activities),
        "sector": company.sector,
        "size": company.size,
        "high_risk_destinations": list(mission.high_risk_destinations),
        "high_risk_area": bool(mission.high_risk_destinations),
    }
