"""Checklist and briefing templates: sections, items, scales, references, applicability."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterator
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ddcheck.domain.conditions import (
    MAX_CONDITION_DEPTH,
    MAX_CONDITION_PARTS,
    Condition,
    condition_shape,
    referenced_answers,
)
from ddcheck.domain.scales import BUILTIN_SCALES, ID_PATTERN, AnswerScale
from ddcheck.domain.sources import DatePrecision
from ddcheck.domain.text import LocalizedText

FORMAT_VERSION: Literal[1] = 1
TemplateKind = Literal["checklist", "briefing"]
OECD_STEP_PATTERN = r"^[0-7](\.[1-4])?$"
IFC_STANDARD_PATTERN = r"^PS[1-8]$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
MAX_TEMPLATE_ID = 64
"""A template id names files and keys: at most 64 characters."""


class Reference(BaseModel):
    """A pointer from an item to a letter's expectation (`seeds/`) or a framework source."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    expectation: str | None = None
    source: str | None = None
    locator: str | None = None

    @model_validator(mode="after")
    def _one_target(self) -> Reference:
        if (self.expectation is None) == (self.source is None):
            raise ValueError("a reference names exactly one of 'expectation' or 'source'")
        if self.expectation is not None and self.locator is not None:
            raise ValueError("an expectation reference carries its own citation; drop 'locator'")
        return self

    @property
    def target(self) -> str:
        """Return the id this reference points to."""
        return self.expectation or self.source or ""


class DatedSource(BaseModel):
    """A publication a briefing relies on, with its date."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    title: LocalizedText
    publisher: str = Field(min_length=1)
    date: dt.date
    date_precision: DatePrecision = "day"
    url: str | None = None


class Item(BaseModel):
    """One question of a checklist."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    question: LocalizedText
    guidance: LocalizedText
    scale: str = Field(pattern=r"^[a-z0-9_-]+$")
    required: bool = True
    refs: tuple[Reference, ...] = Field(min_length=1)
    applies_if: Condition | None = None
    red_flags: tuple[str, ...] = ()
    gaps: tuple[str, ...] = ()
    evidence_hints: tuple[LocalizedText, ...] = ()
    oecd_step: str | None = Field(default=None, pattern=OECD_STEP_PATTERN)
    ifc_standard: str | None = Field(default=None, pattern=IFC_STANDARD_PATTERN)
    gap_action: LocalizedText | None = None
    # For the RVO adviser: what a red flag on this item means for the mission decision and what
    # to agree with the company (falls back to the section's note).
    adviser_note: LocalizedText | None = None


class Section(BaseModel):
    """A titled group of items; its OECD step and IFC standard are the default for its items."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(pattern=ID_PATTERN)
    title: LocalizedText
    intro: LocalizedText | None = None
    applies_if: Condition | None = None
    oecd_step: str | None = Field(default=None, pattern=OECD_STEP_PATTERN)
    ifc_standard: str | None = Field(default=None, pattern=IFC_STANDARD_PATTERN)
    adviser_note: LocalizedText | None = None  # the default adviser note of its items
    items: tuple[Item, ...] = Field(min_length=1)


class Template(BaseModel):
    """A checklist or a country briefing as shipped or imported."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    format: Literal[1] = FORMAT_VERSION
    id: str = Field(pattern=ID_PATTERN, max_length=MAX_TEMPLATE_ID)
    version: int = Field(ge=1)
    kind: TemplateKind = "checklist"
    title: LocalizedText
    description: LocalizedText
    applies_if: Condition | None = None
    countries: tuple[str, ...] = ()
    valid_until: dt.date | None = None
    sources: tuple[DatedSource, ...] = ()
    scales: tuple[AnswerScale, ...] = ()
    sections: tuple[Section, ...] = Field(min_length=1)

    def iter_items(self) -> Iterator[tuple[Section, Item]]:
        """Yield every (section, item) pair in order."""
        for section in self.sections:
            for item in section.items:
                yield section, item

    @cached_property
    def _items_by_id(self) -> dict[str, tuple[Section, Item]]:
        return {item.id: (section, item) for section, item in self.iter_items()}

    def item(self, item_id: str) -> Item | None:
        """Return the item with `item_id`, or None."""
        found = self._items_by_id.get(item_id)
        return found[1] if found else None

    def section_of(self, item_id: str) -> Section | None:
        """Return the section holding `item_id`, or None."""
        found = self._items_by_id.get(item_id)
        return found[0] if found else None

    @cached_property
    def _scales_by_id(self) -> dict[str, AnswerScale]:
        return {**BUILTIN_SCALES, **{scale.id: scale for scale in self.scales}}

    def scale_for(self, item: Item) -> AnswerScale:
        """Return the answer scale an item uses (its own template's or a built-in one)."""
        return self._scales_by_id[item.scale]

    @property
    def item_count(self) -> int:
        """Return how many items the template has."""
        return sum(len(section.items) for section in self.sections)

    def oecd_step_of(self, item: Item) -> str | None:
        """Return the OECD step an item scores towards (its own or its section's)."""
        section = self.section_of(item.id)
        return item.oecd_step or (section.oecd_step if section else None)

    def ifc_standard_of(self, item: Item) -> str | None:
        """Return the IFC standard an item scores towards (its own or its section's)."""
        section = self.section_of(item.id)
        return item.ifc_standard or (section.ifc_standard if section else None)

    def adviser_note_of(self, item: Item) -> LocalizedText | None:
        """Return the adviser note for a red flag on an item (its own or its section's)."""
        section = self.section_of(item.id)
        return item.adviser_note or (section.adviser_note if section else None)

    def can_red_flag(self, item: Item) -> bool:
        """Return whether some answer to the item is a red flag."""
        scale = self.scale_for(item)
        return bool(item.red_flags) or any(
            o.red_flag and not o.information_requested for o in scale.options
        )

    def item_fingerprint(self, item: Item) -> str:
        """Return a short hash of what an answer depends on: the question and the scale."""
        payload = json.dumps(
            [item.question.model_dump(), _answer_relevant(self.scale_for(item))], sort_keys=True
        )
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _answer_relevant(scale: AnswerScale) -> dict[str, object]:
    """Return the scale as an answer depends on it: without 'not yet known' options, which
    never change what an earlier answer means."""
    dumped = scale.model_dump(mode="json")
    dumped["options"] = [
        {k: v for k, v in option.items() if k != "information_requested"}
        for option in dumped["options"]
        if not option["information_requested"]
    ]
    return dumped


Path = tuple[str | int, ...]


class Problem(BaseModel):
    """A consistency problem in a template, with the path of the field at fault."""

    model_config = ConfigDict(frozen=True)

    path: Path
    message: str


def template_problems(template: Template) -> list[Problem]:
    """Return every consistency problem a structurally valid template still has."""
    return [
        *_briefing_problems(template),
        *_duplicate_problems(template),
        *_scale_and_condition_problems(template),
        *condition_shape_problems(template),
        *_cycle_problems(template),
    ]


def _briefing_problems(template: Template) -> Iterator[Problem]:
    if template.kind == "briefing":
        if not template.countries and template.applies_if is None:
            yield Problem(
                path=("kind",),
                message="a briefing names the countries it is for in 'countries', "
                "or when it applies in 'applies_if'",
            )
        if template.valid_until is None:
            yield Problem(path=("kind",), message="a briefing needs a 'valid_until' date")
        if not template.sources:
            yield Problem(path=("kind",), message="a briefing lists its dated 'sources'")
    for index, code in enumerate(template.countries):
        if len(code) != 2 or not code.isalpha() or not code.isupper():
            yield Problem(
                path=("countries", index),
                message=f"country '{code}' is not a two-letter ISO code such as SA or CN",
            )


def _duplicate_problems(template: Template) -> Iterator[Problem]:
    sections: set[str] = set()
    items: set[str] = set()
    for s_index, section in enumerate(template.sections):
        if section.id in sections:
            yield Problem(
                path=("sections", s_index, "id"), message=f"section id '{section.id}' is used twice"
            )
        sections.add(section.id)
        for i_index, item in enumerate(section.items):
            if item.id in items:
                yield Problem(
                    path=("sections", s_index, "items", i_index, "id"),
                    message=f"item id '{item.id}' is used twice",
                )
            items.add(item.id)
    scale_ids: set[str] = set()
    for index, scale in enumerate(template.scales):
        if scale.id in BUILTIN_SCALES:
            yield Problem(
                path=("scales", index, "id"),
                message=f"scale id '{scale.id}' is a built-in scale; choose another id",
            )
        elif scale.id in scale_ids:
            yield Problem(
                path=("scales", index, "id"), message=f"scale '{scale.id}' is defined twice"
            )
        scale_ids.add(scale.id)


def _scale_and_condition_problems(template: Template) -> Iterator[Problem]:
    own_scales = {scale.id: scale for scale in template.scales}
    item_ids = {item.id for _, item in template.iter_items()}
    known = ", ".join(sorted(set(BUILTIN_SCALES) | set(own_scales)))
    conditions: list[tuple[Path, Condition | None]] = [(("applies_if",), template.applies_if)]
    for s_index, section in enumerate(template.sections):
        conditions.append((("sections", s_index, "applies_if"), section.applies_if))
        for i_index, item in enumerate(section.items):
            at: Path = ("sections", s_index, "items", i_index)
            conditions.append(((*at, "applies_if"), item.applies_if))
            scale = own_scales.get(item.scale) or BUILTIN_SCALES.get(item.scale)
            if scale is None:
                yield Problem(
                    path=(*at, "scale"),
                    message=f"item '{item.id}' uses unknown scale '{item.scale}' (known: {known})",
                )
                continue
            for field, what in (("red_flags", "a red flag"), ("gaps", "a gap")):
                for f_index, option_id in enumerate(getattr(item, field)):
                    if scale.option(option_id) is None:
                        yield Problem(
                            path=(*at, field, f_index),
                            message=f"item '{item.id}' marks '{option_id}' as {what}, "
                            f"but scale '{scale.id}' has no such option",
                        )
    for path, condition in conditions:
        for target in sorted(referenced_answers(condition) - item_ids):
            yield Problem(path=path, message=f"the condition refers to unknown item '{target}'")


def _conditions(template: Template) -> Iterator[tuple[Path, Condition | None]]:
    yield ("applies_if",), template.applies_if
    for s_index, section in enumerate(template.sections):
        yield ("sections", s_index, "applies_if"), section.applies_if
        for i_index, item in enumerate(section.items):
            yield ("sections", s_index, "items", i_index, "applies_if"), item.applies_if


def condition_shape_problems(template: Template) -> Iterator[Problem]:
    """Yield a problem for conditions nested too deep or too large in all."""
    total = 0
    for path, condition in _conditions(template):
        depth, parts = condition_shape(condition)
        total += parts
        if depth > MAX_CONDITION_DEPTH:
            yield Problem(
                path=path,
                message=f"the condition is nested {depth} levels deep; "
                f"at most {MAX_CONDITION_DEPTH} are allowed",
            )
        if total > MAX_CONDITION_PARTS:
            yield Problem(
                path=path,
                message=f"the conditions have more than {MAX_CONDITION_PARTS} parts in all; "
                "simplify them",
            )
            return


def _cycle_problems(template: Template) -> Iterator[Problem]:
    """An item whose condition (its own, its section's or the template's) needs its own answer,
    directly or through other items, could never be shown: refuse such cycles."""
    depends: dict[str, set[str]] = {}
    where: dict[str, Path] = {}
    shared = referenced_answers(template.applies_if)
    for s_index, section in enumerate(template.sections):
        on_section = shared | referenced_answers(section.applies_if)
        for i_index, item in enumerate(section.items):
            depends[item.id] = on_section | referenced_answers(item.applies_if)
            where[item.id] = ("sections", s_index, "items", i_index, "applies_if")
    reported: set[str] = set()
    for start in depends:
        cycle = _find_cycle(start, depends)
        if cycle is None or cycle[0] in reported:
            continue
        reported.update(cycle)
        if len(cycle) == 1:
            message = f"item '{cycle[0]}' is shown only after an answer to itself, so never"
        else:
            loop = " -> ".join([*cycle, cycle[0]])
            message = f"the conditions go round in a circle ({loop}); these items would never show"
        yield Problem(path=where[cycle[0]], message=message)


def _find_cycle(start: str, depends: dict[str, set[str]]) -> list[str] | None:
    """Return the items of a cycle through `start` (in order), or None; iterative search."""
    parent: dict[str, str] = {}
    stack = [start]
    seen: set[str] = set()
    while stack:
        node = stack.pop()
        for target in sorted(depends.get(node, ())):
            if target == start:
                path = [node]
                while path[-1] != start:
                    path.append(parent[path[-1]])
                return path[::-1]
            if target not in seen and target in depends:
                seen.add(target)
                parent[target] = node
                stack.append(target)
    return None
