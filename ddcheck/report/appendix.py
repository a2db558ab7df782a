"""The action plan as an ESAP table (the evidence register follows it on landscape pages)."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    TableStyle,
)

from ddcheck.domain.direction import has_rtl
from ddcheck.domain.dossier import Action
from ddcheck.report.context import ReportContext
from ddcheck.report.labels import value_label
from ddcheck.report.linked_items import short_linked_item
from ddcheck.report.paged_table import paged_tables
from ddcheck.report.styles import ACCENT, FONT, FONT_BOLD, INK, RULE, SHADE
from ddcheck.report.template import mark_outline

# The action plan is set on landscape pages: No. | action | from item | deliverable | owner |
# due | priority | status = 257 mm. Short fixed values are plain strings, not paragraphs, which
# tables measure much faster.
ESAP_WIDTHS = [10 * mm, 74 * mm, 62 * mm, 37 * mm, 24 * mm, 18 * mm, 14 * mm, 18 * mm]


def chunked_tables(
    head: list[object],
    rows: list[list[object]],
    widths: Sequence[float | None],
    split_in_row: bool = True,
) -> list[Flowable]:
    """Return the rows as table chunks; the header stands only at the top of a page."""
    return paged_tables(head, rows, widths, _table_style, split_in_row)


def spread_rows(row: list[object], blocks: dict[int, list[Flowable]]) -> list[list[object]]:
    """Return `row` with the first block of each long text, and one more row per further block.

    A table row split over pages is laid out again for each page, so a cell of thousands of
    lines takes quadratic time; rows of one block each keep it linear and split between rows.
    """
    rows = [[blocks[c][0] if blocks.get(c) else cell for c, cell in enumerate(row)]]
    extra = max((len(b) for b in blocks.values()), default=1)
    for index in range(1, extra):
        rows.append(
            [
                blocks[c][index] if c in blocks and index < len(blocks[c]) else ""
                for c in range(len(row))
            ]
        )
    return rows


CELL_PADDING = 3  # points on each side of a table cell's text


def cell_room(column: float) -> float:
    """Return the room for text in a table column of this width (less the cell's padding)."""
    return column - 2 * CELL_PADDING


def _table_style(rows: int, headed: bool, offset: int) -> TableStyle:
    first = 1 if headed else 0
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, first), (-1, -1), FONT, 7.5, 9.5),
        ("TEXTCOLOR", (0, first), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("FONT", (0, first), (0, -1), FONT_BOLD, 7.5, 9.5),
    ]
    if headed:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), ACCENT))
    for index in range(rows):
        if (offset + index) % 2:
            commands.append(("BACKGROUND", (0, first + index), (-1, first + index), SHADE))
    return TableStyle(commands)


def esap_story(ctx: ReportContext) -> list[Flowable]:
    """Return the action plan part, on landscape pages, sorted by priority and due date.

    The pages stay landscape for the evidence register, which switches back to portrait.
    """
    title = ctx.t("esap")
    story: list[Flowable] = [
        NextPageTemplate("landscape"),
        PageBreak(),
        mark_outline(ctx.para(title, "h1"), title, 0),
    ]
    actions = ctx.ordered_actions
    if not actions:
        return [*story, ctx.para(ctx.t("esap_none"))]
    story.append(ctx.para(ctx.t("esap_intro"), "muted"))
    head = [
        ctx.para(ctx.t(k), "cell_head")
        for k in (
            "col_no",
            "col_action",
            "col_item",
            "col_deliverable",
            "col_owner",
            "col_due",
            "col_priority",
            "col_status",
        )
    ]
    rows = [_esap_row(ctx, action) for action in actions]
    return [*story, *chunked_tables(head, rows, ESAP_WIDTHS)]


def _esap_row(ctx: ReportContext, action: Action) -> list[object]:
    lang = ctx.lang
    text_width = cell_room(ESAP_WIDTHS[1])
    cell: list[Flowable] = [
        ctx.user_para(ctx.action_text(action), "cell", width=text_width, bold=True)
    ]
    gap = ctx.gap_text(action)
    if gap:
        cell.append(ctx.user_para(gap, "cell_muted", width=text_width))
    notes = []
    if action.budget:
        notes.append(f"{ctx.t('budget')}: {ctx.user(action.budget)}")
    if action.agreed_with_adviser:
        notes.append(f"<i>{ctx.t('agreed')}</i>")
    if action.progress_note:
        notes.append(f"<i>{ctx.t('progress_note')}:</i> {ctx.user(action.progress_note)}")
    if notes:
        cell.append(ctx.para("<br/>".join(notes), "cell"))
    deliverable = _cell(ctx, action.deliverable, ESAP_WIDTHS[3])
    if action.completion_evidence:
        deliverable = ctx.para(
            f"{ctx.user(action.deliverable or '–')}<br/><i>{ctx.t('completion_evidence')}:</i> "
            f"{ctx.user(action.completion_evidence)}",
            "cell",
        )
    due = ctx.date(action.due)
    if action.is_overdue(ctx.today):
        due += f"\n{ctx.t('overdue')}"
    priority = value_label("priority", action.priority, lang)
    if action.priority == "high":
        priority = priority.upper()
    return [
        ctx.action_numbers[action.id],
        cell,
        _item_cell(ctx, action),
        deliverable,
        _cell(ctx, action.owner, ESAP_WIDTHS[4]),
        due,
        priority,
        value_label("status", action.status, lang),
    ]


def _item_cell(ctx: ReportContext, action: Action) -> object:
    """Return the items an action comes from: number and a short form of the question."""
    lines = [short_linked_item(ctx, key) for key in action.item_keys]
    standards = ctx.standards_text(action)
    if standards:
        lines.append(f'<font color="#5A5A5A">{standards}</font>')
    return ctx.para("<br/>".join(lines), "cell") if lines else "–"


def _cell(ctx: ReportContext, text: str, width: float, bold: bool = False) -> object:
    """Return user text for a table cell: a plain string when it fits one line, else a paragraph."""
    if not text:
        return "–"
    if has_rtl(text):
        return ctx.user_para(text, "cell", width=cell_room(width), bold=bold)
    line = ctx.safety.plain(" ".join(text.split()))
    if "\n" not in text and stringWidth(line, FONT_BOLD if bold else FONT, 7.5) <= width - 7:
        return line
    return ctx.para(f"<b>{ctx.user(text)}</b>" if bold else ctx.user(text), "cell")
