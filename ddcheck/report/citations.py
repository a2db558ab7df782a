"""The sources a report cites, numbered [1], [2], ... so pages cite them without internal ids."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.sources import Expectation, Source, SourceRegistry
from ddcheck.domain.templates import DatedSource, Reference, Template
from ddcheck.domain.text import Language


@dataclass(frozen=True)
class Citations:
    """The cited sources in print order, each with its number, and the expectations per letter."""

    sources: list[Source]
    by_letter: dict[str, list[Expectation]]
    briefing: list[tuple[Template, DatedSource]]
    unknown: set[str]
    numbers: dict[str, int] = field(default_factory=dict)  # source or briefing-source id -> n
    registry: SourceRegistry = field(default_factory=SourceRegistry)

    def ref_parts(self, ref: Reference, lang: Language) -> tuple[int | None, str]:
        """Return the number of the cited source and what in it is cited (plain text)."""
        if ref.expectation is not None:
            expectation = self.registry.expectation(ref.expectation)
            if expectation is None:
                return None, ref.expectation
            return self.numbers.get(expectation.letter), expectation.citation.get(lang)
        source_id = ref.source or ""
        number = self.numbers.get(source_id)
        if number is None:
            return None, " ".join(p for p in (source_id, ref.locator or "") if p)
        source = self.registry.source(source_id)
        return number, locator_text(source, ref.locator, lang) if source else ref.locator or ""


def locator_text(source: Source, locator: str | None, lang: Language) -> str:
    """Return a locator in the report's language (as written when the source has no words)."""
    return source.locator(locator, lang) if locator else ""


def cited(
    entries: Iterable[ItemApplicability],
    registry: SourceRegistry,
    templates: list[Template],
) -> Citations:
    """Return what the applicable items cite: registry sources (letters first), then the
    briefings' own sources, numbered in that order."""
    source_ids: set[str] = set()
    expectation_ids: set[str] = set()
    for entry in entries:
        for ref in entry.item.refs:
            if ref.source:
                source_ids.add(ref.source)
            elif ref.expectation:
                expectation_ids.add(ref.expectation)
    by_letter: dict[str, list[Expectation]] = defaultdict(list)
    unknown: set[str] = set()
    for expectation_id in expectation_ids:
        expectation = registry.expectation(expectation_id)
        if expectation is None:
            unknown.add(expectation_id)
            continue
        by_letter[expectation.letter].append(expectation)
        source_ids.add(expectation.letter)
    known = {s.id for s in registry.sources}
    unknown |= source_ids - known
    sources = [s for s in registry.sources if s.id in source_ids]
    sources.sort(key=lambda s: (s.kind != "letter", registry.sources.index(s)))
    for listed in by_letter.values():
        listed.sort(key=lambda e: _natural(e.id))
    briefing = [(template, dated) for template in templates for dated in template.sources]
    unknown -= {dated.id for _, dated in briefing}
    numbers: dict[str, int] = {}
    for source_id in [s.id for s in sources] + [dated.id for _, dated in briefing]:
        numbers.setdefault(source_id, len(numbers) + 1)
    return Citations(sources, dict(by_letter), briefing, unknown, numbers, registry)


def _natural(text: str) -> tuple[tuple[int, int | str], ...]:
    """Return a sort key that puts Q2 before Q10."""
    parts: list[tuple[int, int | str]] = []
    for part in text.split("-"):
        parts.append((0, int(part[1:])) if part[1:].isdigit() else (1, part))
    return tuple(parts)


def refs_text(citations: Citations, refs: tuple[Reference, ...], lang: Language) -> str:
    """Return an item's references as plain text: "[1] Answer to question 9; [3] 2.1"."""
    grouped: dict[int | None, list[str]] = {}
    for ref in refs:
        number, detail = citations.ref_parts(ref, lang)
        details = grouped.setdefault(number, [])
        if detail and detail not in details:
            details.append(detail)
    parts = []
    for number, details in sorted(grouped.items(), key=lambda pair: pair[0] or 1_000_000):
        shown = ", ".join(details)
        parts.append(f"[{number}] {shown}".rstrip() if number is not None else shown)
    return "; ".join(p for p in parts if p)
