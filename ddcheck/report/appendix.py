"""The action plan as an ESAP table and the evidence register."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Spacer, TableStyle

from ddcheck.domain.dossier import Action
from ddcheck.domain.formatting import format_size
from ddcheck.exchange.direction import has_rtl
from ddcheck.report.context import ReportContext
from ddcheck.report.labels import value_label
from ddcheck.report.linked_items import linked_items
from ddcheck.report.styles import ACCENT, FONT, FONT_BOLD, INK, RULE, SHADE, font_table
from ddcheck.report.template import mark_outline

# No. | action and gap | deliverable | owner | due | priority | status  = 170 mm
# Long tables are set as several tables (reportlab re-measures every row on each split), and
# short fixed values are plain strings, not paragraphs, which tables measure much faster.
CHUNK_ROWS = 24
ESAP_WIDTHS = [9 * mm, 60 * mm, 28 * mm, 22 * mm, 18.5 * mm, 13.5 * mm, 19 * mm]
REGISTER_WIDTHS = [62 * mm, 16 * mm, 70 * mm, 22 * mm]


def chunked_tables(
    head: list[object], rows: list[list[object]], widths: list[float]
) -> list[Flowable]:
    """Return the rows as tables of at most CHUNK_ROWS rows, each repeating the header."""
    tables: list[Flowable] = []
    for start in range(0, len(rows), CHUNK_ROWS):
        chunk = [head, *rows[start : start + CHUNK_ROWS]]
        table = font_table(chunk, colWidths=widths, repeatRows=1, splitInRow=1, hAlign="LEFT")
        table.setStyle(_table_style(len(chunk) - 1))
        tables.append(table)
    return tables


CELL_PADDING = 3  # points on each side of a table cell's text


def cell_room(column: float) -> float:
    """Return the room for text in a table column of this width (less the cell's padding)."""
    return column - 2 * CELL_PADDING


def _table_style(zebra_rows: int) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("FONT", (0, 1), (-1, -1), FONT, 7.5, 9.5),
        ("TEXTCOLOR", (0, 1), (-1, -1), INK),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    commands.append(("FONT", (0, 1), (0, -1), FONT_BOLD, 7.5, 9.5))
    for row in range(2, zebra_rows + 1, 2):
        commands.append(("BACKGROUND", (0, row), (-1, row), SHADE))
    return TableStyle(commands)


def esap_story(ctx: ReportContext) -> list[Flowable]:
    """Return the action plan part."""
    title = ctx.t("esap")
    story: list[Flowable] = [PageBreak(), mark_outline(ctx.para(title, "h1"), title, 0)]
    actions = ctx.dossier.actions
    if not actions:
        return [*story, ctx.para(ctx.t("esap_none"))]
    head = [
        ctx.para(ctx.t(k), "cell_head")
        for k in (
            "col_no",
            "col_action",
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
    cell: list[Flowable] = [ctx.user_para(action.action, "cell", width=text_width, bold=True)]
    lines = linked_items(ctx, action)
    if action.gap and has_rtl(action.gap):
        lines.append(f"<i>{ctx.t('gap_note')}:</i>")
        cell += [
            ctx.para("<br/>".join(lines), "cell"),
            ctx.user_para(action.gap, "cell", width=text_width),
        ]
        lines = []
    elif action.gap:
        lines.append(f"<i>{ctx.t('gap_note')}:</i> {ctx.user(action.gap)}")
    meta = []
    if action.standard_ref:
        meta.append(f"{ctx.t('col_standard')}: {ctx.user(action.standard_ref)}")
    if action.budget:
        meta.append(f"{ctx.t('budget')}: {ctx.user(action.budget)}")
    if action.agreed_with_adviser:
        meta.append(f"<i>{ctx.t('agreed')}</i>")
    if meta:
        lines.append(f'<font color="#5A5A5A">{" · ".join(meta)}</font>')
    if action.progress_note:
        lines.append(f"<i>{ctx.t('progress_note')}:</i> {ctx.user(action.progress_note)}")
    deliverable = _cell(ctx, action.deliverable, ESAP_WIDTHS[2])
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
    if lines:
        cell.append(ctx.para("<br/>".join(lines), "cell"))
    return [
        ctx.action_numbers[action.id],
        cell,
        deliverable,
        _cell(ctx, action.owner, ESAP_WIDTHS[3]),
        due,
        priority,
        value_label("status", action.status, lang),
    ]


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


def register_story(ctx: ReportContext) -> list[Flowable]:
    """Return the evidence register part."""
    title = ctx.t("register")
    story: list[Flowable] = [
        Spacer(1, 14),
        CondPageBreak(220),
        mark_outline(ctx.para(title, "h1"), title, 0),
    ]
    evidence = ctx.dossier.evidence
    if not evidence:
        return [*story, ctx.para(ctx.t("register_none"))]
    head = [
        ctx.para(ctx.t(k), "cell_head") for k in ("col_name", "col_size", "col_sha", "col_date")
    ]
    rows: list[list[object]] = []
    for item in evidence:
        name = _cell(ctx, item.name, REGISTER_WIDTHS[0], bold=True)
        if item.note:
            name = ctx.para(f"<b>{ctx.user(item.name)}</b><br/>{ctx.user(item.note)}", "cell")
        digest = f"{item.sha256[:32]}\n{item.sha256[32:]}"
        rows.append(
            [
                name,
                format_size(item.size, ctx.lang),
                digest,
                ctx.date(item.added_at),
            ]
        )
    return [*story, *chunked_tables(head, rows, REGISTER_WIDTHS)]
