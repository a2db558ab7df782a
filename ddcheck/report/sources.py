"""The sources the items cite (letters with their expectation ids, frameworks) and the glossary."""

from __future__ import annotations

from collections import defaultdict

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, TableStyle

from ddcheck.domain.sources import Expectation, Source
from ddcheck.report.context import ReportContext
from ddcheck.report.glossary import glossary
from ddcheck.report.labels import partial_date
from ddcheck.report.styles import RULE, font_table
from ddcheck.report.template import mark_outline


def _cited(ctx: ReportContext) -> tuple[list[Source], dict[str, list[Expectation]], set[str]]:
    """Return the cited sources in registry order, expectations per letter, unknown ids."""
    registry = ctx.snapshot.registry
    source_ids: set[str] = set()
    expectation_ids: set[str] = set()
    for entry in ctx.summary.entries:
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
        listed.sort(key=lambda e: e.id)
    return sources, by_letter, unknown


def sources_story(ctx: ReportContext) -> list[Flowable]:
    """Return the sources part."""
    title = ctx.t("sources")
    story: list[Flowable] = [
        PageBreak(),
        mark_outline(ctx.para(title, "h1"), title, 0),
        ctx.para(ctx.t("sources_intro"), "muted"),
    ]
    sources, by_letter, unknown = _cited(ctx)
    for source in sources:
        block = [
            ctx.para(
                f"<b>{ctx.user(source.title.get(ctx.lang))}</b>  "
                f'<font color="#5A5A5A">[{ctx.safety.line(source.id)}]</font>',
                "body",
            )
        ]
        details = [ctx.user(source.publisher)]
        if source.date:
            details.append(partial_date(source.date, source.date_precision, ctx.lang))
        if source.description is not None:  # the one-language `citation` is not printed
            details.append(ctx.user(source.description.get(ctx.lang)))
        block.append(ctx.para(" · ".join(details), "detail"))
        if source.url:
            block.append(ctx.para(ctx.user(source.url), "item_meta"))
        story.append(KeepTogether(block))
        expectations = by_letter.get(source.id)
        if expectations:
            lines = [
                f"<b>{ctx.safety.line(e.id)}</b> ({ctx.user(e.citation.get(ctx.lang))}) "
                f"{ctx.user(e.text.get(ctx.lang))}"
                + (
                    f" <i>{ctx.t('advice')}: {ctx.user(e.advice.get(ctx.lang))}</i>"
                    if e.advice is not None
                    else ""
                )
                for e in expectations
            ]
            story.append(ctx.para(f"<i>{ctx.t('expectations')}:</i>", "detail"))
            story.extend(ctx.para(line, "expectation") for line in lines)
    briefing_sources = [
        (template, dated)
        for template in (ctx.snapshot.templates.get(u.id) for u in ctx.dossier.templates)
        if template is not None
        for dated in template.sources
    ]
    if briefing_sources:
        story.append(ctx.para(ctx.t("briefing_sources"), "h3"))
    for template, dated in briefing_sources:
        story.append(
            ctx.para(
                f"<b>{ctx.user(dated.title.get(ctx.lang))}</b> — {ctx.user(dated.publisher)}, "
                f"{partial_date(dated.date, dated.date_precision, ctx.lang)} "
                f"({ctx.user(template.title.get(ctx.lang))})",
                "detail",
            )
        )
    unknown -= {dated.id for _, dated in briefing_sources}
    if unknown:
        listed = ctx.safety.line(", ".join(sorted(unknown)))
        story.append(ctx.para(f"{ctx.t('sources_unknown')}: {listed}", "muted"))
    return story


def glossary_story(ctx: ReportContext) -> list[Flowable]:
    """Return the glossary part."""
    title = ctx.t("glossary")
    rows = [
        [ctx.para(f"<b>{term}</b>", "cell"), ctx.para(text, "body")]
        for term, text in glossary(ctx.lang)
    ]
    table = font_table(rows, colWidths=[30 * mm, None], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return [mark_outline(ctx.para(title, "h1"), title, 0), table]
