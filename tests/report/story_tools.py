"""Reading the story (list of flowables) back as text, without laying it out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from reportlab.platypus import Flowable, KeepTogether, Paragraph, Table

from ddcheck.domain.redaction import Audience, redact
from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.text import Language
from ddcheck.report.builder import build_story, make_context
from ddcheck.report.paged_table import PageTopTable

FAKE_FINGERPRINT = "ab" * 32


def story_for(
    snapshot: DossierSnapshot, lang: Language = "en", audience: Audience = "adviser"
) -> list[Flowable]:
    """Return the story of a report."""
    return build_story(make_context(redact(snapshot, audience), lang, FAKE_FINGERPRINT))


def paragraphs(story: Iterable[object]) -> Iterator[Paragraph]:
    """Yield every paragraph, also inside tables and keep-together groups."""
    for flowable in story:
        if isinstance(flowable, Paragraph):
            yield flowable
        elif isinstance(flowable, Table | PageTopTable):
            cells = flowable.cell_values if isinstance(flowable, PageTopTable) else None
            for row in cells or flowable._cellvalues:
                for cell in row:
                    yield from paragraphs(cell if isinstance(cell, list | tuple) else [cell])
        elif isinstance(flowable, KeepTogether):
            yield from paragraphs(flowable._content)


def texts(story: Iterable[object]) -> list[str]:
    """Return the markup of every paragraph in order."""
    return [p.text for p in paragraphs(story)]


def headings(story: Iterable[object], style: str) -> list[str]:
    """Return the text of the paragraphs in one style (h1, h2, h3)."""
    return [p.text for p in paragraphs(story) if p.style.name == style]


def outline(story: Iterable[object]) -> list[tuple[str, int]]:
    """Return the outline entries the story carries."""
    return [
        (entry.title, entry.level)
        for f in story
        if (entry := getattr(f, "_ddcheck_outline", None)) is not None
    ]
