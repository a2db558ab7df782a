"""The sources the items cite (letters with their expectations, frameworks), numbered, and the
glossary."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, TableStyle

from ddcheck.report.context import ReportContext
from ddcheck.report.glossary import glossary
from ddcheck.report.labels import partial_date
from ddcheck.report.styles import RULE, font_table
from ddcheck.report.template import mark_outline


def sources_story(ctx: ReportContext) -> list[Flowable]:
    """Return the sources part."""
    title = ctx.t("sources")
    story: list[Flowable] = [
        PageBreak(),
        mark_outline(ctx.para(title, "h1"), title, 0),
        ctx.para(ctx.t("sources_intro"), "muted"),
    ]
    citations = ctx.citations
    for source in citations.sources:
        number = citations.numbers[source.id]
        title_markup = f"[{number}]&nbsp;&nbsp;<b>{ctx.user(source.title.get(ctx.lang))}</b>"
        block = [ctx.para(title_markup, "source")]
        details = [ctx.user(source.publisher)]
        if source.date:
            details.append(partial_date(source.date, source.date_precision, ctx.lang))
        if source.description is not None:  # the one-language `citation` is not printed
            details.append(ctx.user(source.description.get(ctx.lang)))
        block.append(ctx.para(" · ".join(details), "detail"))
        if source.url:
            block.append(ctx.para(ctx.user(source.url), "item_meta"))
        story.append(KeepTogether(block))
        expectations = citations.by_letter.get(source.id)
        if expectations:
            lines = [
                f"<b>{ctx.user(e.citation.get(ctx.lang))}:</b> {ctx.user(e.text.get(ctx.lang))}"
                + (
                    f" <i>{ctx.t('advice')}: {ctx.user(e.advice.get(ctx.lang))}</i>"
                    if e.advice is not None
                    else ""
                )
                for e in expectations
            ]
            story.append(ctx.para(f"<i>{ctx.t('expectations')}:</i>", "detail"))
            story.extend(ctx.para(line, "expectation") for line in lines)
    briefing_sources = citations.briefing
    if briefing_sources:
        story.append(ctx.para(ctx.t("briefing_sources"), "h3"))
    for template, dated in briefing_sources:
        story.append(
            ctx.para(
                f"[{citations.numbers[dated.id]}]&nbsp;&nbsp;"
                f"<b>{ctx.user(dated.title.get(ctx.lang))}</b> — {ctx.user(dated.publisher)}, "
                f"{partial_date(dated.date, dated.date_precision, ctx.lang)} "
                f"({ctx.user(template.title.get(ctx.lang))})",
                "source",
            )
        )
    if citations.unknown:
        listed = ctx.safety.line(", ".join(sorted(citations.unknown)))
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
