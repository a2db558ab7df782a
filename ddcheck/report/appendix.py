"""The action plan as an ESAP table and the evidence register."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from ddcheck.domain.dossier import Action
from ddcheck.report.context import ReportContext
from ddcheck.report.labels import value_label
from ddcheck.report.styles import ACCENT, RULE, SHADE
from ddcheck.report.template import mark_outline

# No. | action and gap | deliverable | owner | due | priority | status  = 170 mm
ESAP_WIDTHS = [9 * mm, 60 * mm, 28 * mm, 22 * mm, 18.5 * mm, 13.5 * mm, 19 * mm]
REGISTER_WIDTHS = [62 * mm, 16 * mm, 70 * mm, 22 * mm]


def _table_style(zebra_rows: int) -> TableStyle:
    commands: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), ACCENT),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.6, ACCENT),
        ("TOPPADDING", (0, 0), (-1, -1), 3),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 3),
        ("RIGHTPADDING", (0, 0), (-1, -1), 3),
    ]
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
    rows: list[list[object]] = [head]
    for action in actions:
        rows.append(_esap_row(ctx, action))
    table = Table(rows, colWidths=ESAP_WIDTHS, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(_table_style(len(rows) - 1))
    story.append(table)
    return story


def _esap_row(ctx: ReportContext, action: Action) -> list[object]:
    lang = ctx.lang
    lines = [f"<b>{ctx.user(action.action)}</b>"]
    if action.gap:
        lines.append(ctx.user(action.gap))
    refs = [ctx.numbers.get(key, key) for key in action.item_keys]
    meta = []
    if refs:
        meta.append(f"{ctx.t('linked_items')}: {ctx.safety.line(', '.join(refs))}")
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
    deliverable = ctx.user(action.deliverable) if action.deliverable else "–"
    if action.completion_evidence:
        deliverable += (
            f"<br/><i>{ctx.t('completion_evidence')}:</i> {ctx.user(action.completion_evidence)}"
        )
    due = ctx.date(action.due)
    if action.is_overdue(ctx.today):
        due += f"<br/><b>{ctx.t('overdue')}</b>"
    priority = value_label("priority", action.priority, lang)
    if action.priority == "high":
        priority = f"<b>{priority}</b>"
    return [
        ctx.para(f"<b>{ctx.action_numbers[action.id]}</b>", "cell"),
        ctx.para("<br/>".join(lines), "cell"),
        ctx.para(deliverable, "cell"),
        ctx.para(ctx.user(action.owner) if action.owner else "–", "cell"),
        ctx.para(due, "cell"),
        ctx.para(priority, "cell"),
        ctx.para(value_label("status", action.status, lang), "cell"),
    ]


def _size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"


def register_story(ctx: ReportContext) -> list[Flowable]:
    """Return the evidence register part."""
    title = ctx.t("register")
    story: list[Flowable] = [mark_outline(ctx.para(title, "h1"), title, 0)]
    evidence = ctx.dossier.evidence
    if not evidence:
        return [*story, ctx.para(ctx.t("register_none"))]
    head = [
        ctx.para(ctx.t(k), "cell_head") for k in ("col_name", "col_size", "col_sha", "col_date")
    ]
    rows: list[list[object]] = [head]
    for item in evidence:
        name = f"<b>{ctx.user(item.name)}</b>"
        if item.note:
            name += f"<br/>{ctx.user(item.note)}"
        digest = f"{item.sha256[:32]}<br/>{item.sha256[32:]}"
        rows.append(
            [
                ctx.para(name, "cell"),
                ctx.para(_size(item.size), "cell_right"),
                ctx.para(digest, "mono"),
                ctx.para(ctx.date(item.added_at), "cell"),
            ]
        )
    table = Table(rows, colWidths=REGISTER_WIDTHS, repeatRows=1, splitInRow=1, hAlign="LEFT")
    table.setStyle(_table_style(len(rows) - 1))
    story.append(table)
    return story
