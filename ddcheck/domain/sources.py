"""The letters' IMVO expectations and the framework sources items refer to."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from ddcheck.domain.scales import ID_PATTERN
from ddcheck.domain.text import Language, LocalizedText

_BARE_NUMBER = re.compile(r"[0-9]+(\.[0-9]+)*|[IVXL]+")

DatePrecision = Literal["day", "month", "year"]  # how much of `date` is known

SourceKind = Literal["letter", "framework", "law", "guidance", "report"]


class Source(BaseModel):
    """A document items cite: one of the two letters, or a framework such as the OECD Guidance."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    kind: SourceKind
    title: LocalizedText
    publisher: str = Field(min_length=1)
    date: dt.date | None = None
    date_precision: DatePrecision = "day"
    citation: str = ""  # the formal reference as written (one language)
    description: LocalizedText | None = None  # what the source is, in both languages
    url: str | None = None
    locator_label: LocalizedText | None = None  # what a bare number locates: "stap" / "step"
    locators: dict[str, LocalizedText] = Field(default_factory=dict)  # as checklists write them

    def locator(self, locator: str, lang: Language) -> str:
        """Return a checklist's locator in `lang`: its words from `locators` (ignoring case,
        each "; " part alone), a bare number after `locator_label`, otherwise as written."""
        known = {key.casefold(): text for key, text in self.locators.items()}
        whole = known.get(locator.casefold())
        if whole is not None:
            return whole.get(lang)
        parts = [known.get(part.casefold()) for part in locator.split("; ")]
        if len(parts) > 1 and all(parts):
            return "; ".join(part.get(lang) for part in parts if part)
        if self.locator_label is not None and _BARE_NUMBER.fullmatch(locator):
            return f"{self.locator_label.get(lang)} {locator}"
        return locator


class Expectation(BaseModel):
    """One passage of a letter in the project's own words (`text`), kept apart from ddcheck's
    advice on what it means for a company (`advice`); `informational` when it asks nothing of
    companies."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=r"^[A-Z0-9][A-Za-z0-9.-]*$")
    letter: str = Field(pattern=ID_PATTERN)
    citation: LocalizedText
    topic: str = Field(pattern=ID_PATTERN)
    text: LocalizedText
    advice: LocalizedText | None = None
    informational: bool = False


class SourceRegistry(BaseModel):
    """Every source and expectation items may refer to."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    sources: tuple[Source, ...] = ()
    expectations: tuple[Expectation, ...] = ()

    def source(self, source_id: str) -> Source | None:
        """Return the source with `source_id`, or None."""
        return next((s for s in self.sources if s.id == source_id), None)

    def expectation(self, expectation_id: str) -> Expectation | None:
        """Return the expectation with `expectation_id`, or None."""
        return next((e for e in self.expectations if e.id == expectation_id), None)
