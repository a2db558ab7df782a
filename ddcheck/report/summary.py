"""The summary: completion, scores per OECD step and IFC standard, heat map, flags, gate."""

from __future__ import annotations

from collections import Counter

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from ddcheck.domain.answer_words import answer_text
from ddcheck.report.charts import heat_map, progress_bar, score_bars
from ddcheck.report.context import ReportContext
from ddcheck.report.findings import findings_story
from ddcheck.report.labels import counted, oecd_step_label, value_label
from ddcheck.report.linked_items import linked_items
from ddcheck.report.styles import ACCENT, RULE, SHADE, font_table
from ddcheck.report.template import mark_outline

FRAME_WIDTH = 170 * mm


def summary_story(ctx: ReportContext) -> list[Flowable]:
    """Return the flowables of the summary part."""
    story: list[Flowable] = [
        mark_outline(ctx.para(ctx.t("summary"), "h1"), ctx.t("summary"), 0),
        *_completion(ctx),
        _h2(ctx, "gate"),
        *findings_story(ctx),
        *_red_flags(ctx),
        *_open_high(ctx),
        *_scores(ctx),
        *_heat(ctx),
        *_reviews(ctx),
    ]
    if ctx.redaction.withheld_items:
        story.extend(_redaction_summary(ctx))
    return story


def _h2(ctx: ReportContext, key: str) -> Paragraph:
    """Return a summary heading that also appears in the outline, under "Summary"."""
    return mark_outline(ctx.para(ctx.t(key), "h2"), ctx.t(key), 1)


def _grid(data: list[list[object]], widths: list[float | None], head: bool = True) -> Table:
    table = font_table(
        data, colWidths=widths, repeatRows=1 if head else 0, splitInRow=1, hAlign="LEFT"
    )
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("TOPPADDING", (0, 0), (-1, -1), 2.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.5),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    table.setStyle(TableStyle(commands))
    return table


def _completion(ctx: ReportContext) -> list[Flowable]:
    summary = ctx.summary
    withheld = Counter(key.partition("/")[0] for key in ctx.redaction.withheld_items)
    head = [
        ctx.para(ctx.t(k), "cell_head")
        for k in ("checklists", "answered", "applicable", "withheld_col")
    ] + [ctx.para("", "cell_head"), ctx.para("%", "cell_head")]
    rows: list[list[object]] = [head]
    totals = [0, 0, 0]
    for use in ctx.dossier.templates:
        template = ctx.snapshot.templates.get(use.id)
        progress = summary.by_template.get(use.id)
        if template is None or progress is None:
            continue
        held = withheld.get(use.id, 0)
        percent = _percent(progress.answered, progress.total - _in_entries(ctx, use.id))
        totals = [totals[0] + progress.answered, totals[1] + progress.total, totals[2] + held]
        rows.append(
            _completion_row(
                ctx,
                ctx.user(template.title.get(ctx.lang)),
                progress.answered,
                progress.total,
                held,
                percent,
            )
        )
    shown_withheld = sum(_in_entries(ctx, use.id) for use in ctx.dossier.templates)
    overall = _percent(totals[0], totals[1] - shown_withheld)
    rows.append(
        _completion_row(ctx, f"<b>{ctx.t('overall')}</b>", totals[0], totals[1], totals[2], overall)
    )
    table = _grid(rows, [None, 22 * mm, 23 * mm, 28 * mm, 23 * mm, 13 * mm])
    table.setStyle(TableStyle([("BACKGROUND", (0, -1), (-1, -1), SHADE)]))
    return [_h2(ctx, "completion"), table]


def _in_entries(ctx: ReportContext, template_id: str) -> int:
    """Return how many withheld items of a template are listed as applicable entries."""
    return sum(
        1
        for e in ctx.summary.entries
        if e.template.id == template_id and ctx.redaction.is_withheld(e.key)
    )


def _percent(answered: int, total: int) -> int | None:
    return round(100 * answered / total) if total > 0 else None


def _completion_row(
    ctx: ReportContext, title: str, answered: int, total: int, held: int, percent: int | None
) -> list[object]:
    return [
        ctx.para(title, "cell"),
        ctx.para(ctx.number(answered), "cell_right"),
        ctx.para(ctx.number(total), "cell_right"),
        ctx.para(ctx.number(held), "cell_right"),
        progress_bar(percent or 0, width=19 * mm),
        ctx.para("–" if percent is None else f"{percent} %", "cell_right"),
    ]


def _scores(ctx: ReportContext) -> list[Flowable]:
    summary = ctx.summary
    story: list[Flowable] = [_h2(ctx, "score_oecd")]
    oecd = [
        (oecd_step_label(step, ctx.lang), s.percent, s.scored)
        for step, s in summary.oecd_steps.items()
    ]
    story.append(score_bars(oecd, FRAME_WIDTH) if oecd else ctx.para(ctx.t("no_scores")))
    if summary.ifc_standards:
        story.append(_h2(ctx, "score_ifc"))
        ifc = [
            (f"IFC {standard}", s.percent, s.scored)
            for standard, s in summary.ifc_standards.items()
        ]
        story.append(score_bars(ifc, FRAME_WIDTH))
    story.append(ctx.para(ctx.t("score_note"), "muted"))
    return story


def _heat(ctx: ReportContext) -> list[Flowable]:
    counts: Counter[tuple[int, int]] = Counter()
    involvement: Counter[str] = Counter()
    for entry in ctx.summary.entries:
        answer = ctx.summary.answers.get(entry.key)
        if answer is None:
            continue
        risk = answer.risk
        if risk.severity and risk.likelihood:
            counts[(risk.severity, risk.likelihood)] += 1
        if risk.involvement:
            involvement[risk.involvement] += 1
    levels = [value_label("level", str(n), ctx.lang) for n in range(1, 5)]
    drawing = heat_map(counts, ctx.t("severity"), ctx.t("likelihood"), levels)
    legend = [
        ctx.para(ctx.t("heatmap_note"), "small"),
        Spacer(1, 6),
        ctx.para(f"<b>{ctx.t('involvement')}</b>", "small"),
    ]
    for kind in ("cause", "contribute", "linked"):
        legend.append(
            ctx.para(
                f"{value_label('involvement', kind, ctx.lang)}: <b>{involvement.get(kind, 0)}</b>",
                "small",
            )
        )
    table = font_table([[drawing, legend]], colWidths=[drawing.width + 12, None], hAlign="LEFT")
    table.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)])
    )
    return [_h2(ctx, "heatmap"), table]


def _bullets(
    ctx: ReportContext, lines: list[str], empty_key: str, limit: int | None = None
) -> list[Flowable]:
    """Return the lines as a bulleted list, cut after `limit` lines with a count of the rest."""
    if not lines:
        return [ctx.para(ctx.t(empty_key))]
    shown = [ctx.para(f"•  {line}", "detail") for line in lines[:limit]]
    if limit is not None and len(lines) > limit:
        shown.append(ctx.para(ctx.t("and_more", count=len(lines) - limit), "detail"))
    return shown


def _red_flags(ctx: ReportContext) -> list[Flowable]:
    lines = []
    for flag in ctx.summary.red_flags:
        entry = flag.entry
        text = answer_text(entry.template, entry.item, flag.answer, ctx.lang)
        number = ctx.numbers.get(entry.key, "")
        lines.append(
            f"<b>{number}</b> {ctx.user(entry.item.question.get(ctx.lang))} — {ctx.user(text)}"
        )
    return [_h2(ctx, "red_flags"), *_bullets(ctx, lines, "no_red_flags")]


def _open_high(ctx: ReportContext) -> list[Flowable]:
    lines = []
    for action in ctx.ordered_actions:
        if action.priority == "high" and action.is_open:
            who_when = [ctx.user(action.owner)] if action.owner else []
            if action.due:
                who_when.append(f"{ctx.t('col_due').lower()} {ctx.date(action.due)}")
            tail = f" — {', '.join(who_when)}" if who_when else ""
            linked = "".join(
                f'<br/><font size="7.5" color="#5A5A5A">{line}</font>'
                for line in linked_items(ctx, action)
            )
            number = ctx.action_numbers[action.id]
            text = ctx.user(ctx.action_text(action))
            lines.append(f"<b>{number}</b> {text}{tail}{linked}")
    return [_h2(ctx, "open_high"), *_bullets(ctx, lines, "no_open_high")]


def _reviews(ctx: ReportContext) -> list[Flowable]:
    if not ctx.dossier.reviews:
        return []
    story: list[Flowable] = [_h2(ctx, "reviews")]
    for review in ctx.dossier.reviews:
        who = " · ".join(ctx.user(x) for x in (review.reviewer, review.organisation) if x)
        verdict = value_label("verdict", review.verdict, ctx.lang) or "–"
        story.append(
            ctx.para(
                f"<b>{who or '–'}</b> ({ctx.date(review.reviewed_at)}) — "
                f"{ctx.t('verdict')}: {verdict}",
                "detail",
            )
        )
        if review.verdict_note:
            story += ctx.paragraphs.blocks(review.verdict_note, "detail")
    return story


def _redaction_summary(ctx: ReportContext) -> list[Flowable]:
    r = ctx.redaction
    story: list[Flowable] = [
        CondPageBreak(min(240, 110 + 24 * len(r.withheld_items))),
        _h2(ctx, "redaction"),
        ctx.para(ctx.t("redaction_intro")),
        ctx.para(
            ctx.t("redaction_counts", items=counted("question", len(r.withheld_items), ctx.lang))
        ),
    ]
    lines = []
    for key in sorted(r.withheld_items, key=lambda k: _sort_key(ctx.numbers.get(k, k))):
        template_id, _, item_id = key.partition("/")
        template = ctx.snapshot.templates.get(template_id)
        item = template.item(item_id) if template else None
        question = ctx.user(item.question.get(ctx.lang)) if item else ctx.user(key)
        dependent = "" if r.is_confidential(key) else f" <i>({ctx.t('redaction_dependent')})</i>"
        lines.append(f"<b>{ctx.numbers.get(key, '')}</b> {question}{dependent}")
    story.extend(ctx.para(f"•  {line}", "detail") for line in lines)
    return story


def _sort_key(number: str) -> tuple[int, ...]:
    return tuple(int(part) if part.isdigit() else 0 for part in number.split("."))
