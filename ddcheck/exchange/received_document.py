"""The one strict model of a dossier document that comes from outside (PDF, bundle, stored row).

Types, ranges and counts are checked here, together with what must agree inside the document
(unique answers, evidence, actions and reviews), so that a document that
passes can be shown, counted and compared by every later command. Sizes, depth, text lengths and
finite numbers are checked before this, on the raw JSON (`exchange.border`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, model_validator

from ddcheck.domain.dossier import Dossier, TemplateUse

DOSSIER_FORMAT = "ddcheck-dossier"
DOSSIER_FORMAT_VERSION = 1
MAX_ENTRIES = 20_000  # answers, evidence files, actions, withheld or rendered items

ItemKeyText = Annotated[str, StringConstraints(min_length=3, max_length=300, pattern=r"^[^/]+/.+$")]
Count = Annotated[int, Field(ge=0, le=1_000_000)]


class Withheld(BaseModel):
    """What the company withheld: item keys (older files also counted evidence and actions)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    items: list[ItemKeyText] = Field(default_factory=list, max_length=MAX_ENTRIES)
    evidence: Count | None = None
    actions: Count | None = None


class Heading(BaseModel):
    """An item's number and question as the report printed them (how `verify` finds it)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    number: Annotated[str, StringConstraints(max_length=40)]
    question: Annotated[str, StringConstraints(max_length=20_000)]


class Rendered(BaseModel):
    """The answers as the report printed them, by item key, and the items' headings."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    answer_label: Annotated[str, StringConstraints(max_length=200)] = "Answer"
    answers: dict[ItemKeyText, str] = Field(default_factory=dict, max_length=MAX_ENTRIES)
    headings: dict[ItemKeyText, Heading] = Field(default_factory=dict, max_length=MAX_ENTRIES)


class DossierDocument(BaseModel):
    """A dossier JSON as embedded in a PDF or packed in a bundle, validated in full."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    format: Literal["ddcheck-dossier"]
    format_version: int = Field(ge=1, le=DOSSIER_FORMAT_VERSION)
    audience: Literal["adviser", "internal"]
    lang: Literal["nl", "en"]
    app_version: Annotated[str, StringConstraints(max_length=64)]
    generated_at: dt.datetime
    templates: list[TemplateUse] = Field(max_length=200)
    dossier: Dossier
    withheld: Withheld
    rendered: Rendered

    @model_validator(mode="after")
    def _consistent(self) -> DossierDocument:
        dossier = self.dossier
        _at_most("answers", len(dossier.answers))
        _at_most("evidence", len(dossier.evidence))
        _at_most("actions", len(dossier.actions))
        _unique("answer", [a.key for a in dossier.answers])
        _unique("evidence id", [e.id for e in dossier.evidence])
        _unique("action id", [a.id for a in dossier.actions])
        _unique("review id", [r.id for r in dossier.reviews])
        _unique("withheld item", self.withheld.items)
        return self


def _at_most(what: str, count: int) -> None:
    if count > MAX_ENTRIES:
        raise ValueError(f"more {what} than ddcheck accepts ({MAX_ENTRIES:,})")


def _unique(what: str, values: list[str]) -> None:
    if len(set(values)) != len(values):
        raise ValueError(f"the same {what} appears twice")
