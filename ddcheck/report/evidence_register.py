"""The evidence register: each item, where it is kept, its dates and the questions it supports."""

from __future__ import annotations

import datetime as dt

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, NextPageTemplate, Spacer

from ddcheck.domain.direction import has_rtl
from ddcheck.domain.dossier import Evidence
from ddcheck.domain.formatting import format_size
from ddcheck.domain.gate import mission_day
from ddcheck.report.appendix import cell_room, chunked_tables
from ddcheck.report.context import ReportContext
from ddcheck.report.cover import ALERT_HEX
from ddcheck.report.linked_items import shorten
from ddcheck.report.styles import FONT, FONT_BOLD
from ddcheck.report.template import mark_outline

# Set on the action plan's landscape pages (257 mm): name | kept as | document date |
# valid until | supports. A SHA-256 (64 hex digits) fits the second column in two lines.
REGISTER_WIDTHS = [60 * mm, 58 * mm, 20 * mm, 29 * mm, 90 * mm]
SUPPORT_QUESTION = 90  # characters of a supported question at most (then: one line)
MIN_QUESTION = 24
WHOLE_ROW = 1500  # characters of name, note and location that surely fit one page's height
_SIZE = 7.5  # the table's font size (points)


def register_story(ctx: ReportContext) -> list[Flowable]:
    """Return the evidence register part (it follows the action plan on landscape pages)."""
    title = ctx.t("register")
    story: list[Flowable] = [
        Spacer(1, 14),
        CondPageBreak(160),
        mark_outline(ctx.para(title, "h1"), title, 0),
    ]
    evidence = ctx.dossier.evidence
    if not evidence:
        return [*story, ctx.para(ctx.t("register_none")), NextPageTemplate("body")]
    story.append(ctx.para(ctx.t("register_intro"), "muted"))
    head = [
        ctx.para(ctx.t(k), "cell_head")
        for k in ("col_name", "col_kept", "col_dated", "col_valid_until", "col_supports")
    ]
    supports = _supported_questions(ctx)
    day = mission_day(ctx.dossier)
    rows = [
        [
            _name_cell(ctx, item),
            _kept_cell(ctx, item),
            ctx.date(item.dated),
            _valid_cell(ctx, item, day),
            _supports_cell(ctx, supports.get(item.id, [])),
        ]
        for item in evidence
    ]
    # A page breaks between rows (a SHA-256 or a location stays whole) unless a row could be
    # taller than a page: then, and only then, rows may split.
    whole = all(len(e.name) + len(e.note) + len(e.location) <= WHOLE_ROW for e in evidence)
    tables = chunked_tables(head, rows, REGISTER_WIDTHS, split_in_row=not whole)
    return [*story, *tables, NextPageTemplate("body")]


def _supported_questions(ctx: ReportContext) -> dict[str, list[str]]:
    """Return, per evidence id, the keys of the items it supports in the report's order."""
    order = {key: index for index, key in enumerate(ctx.numbers)}
    shown = ctx.entries_by_key  # an item that no longer applies is not in the report
    found: dict[str, list[str]] = {}
    for answer in ctx.dossier.answers:  # the redacted dossier: withheld items link nothing
        key = answer.key
        if key not in order or key not in shown:
            continue
        for evidence_id in answer.evidence_ids:
            found.setdefault(evidence_id, []).append(key)
    for keys in found.values():
        keys.sort(key=order.__getitem__)
    return found


def _fits(ctx: ReportContext, text: str, column: float, font: str = FONT) -> str | None:
    """Return `text` as a safe plain table string when it fits one line of `column`, else None."""
    if not text or "\n" in text or has_rtl(text):
        return None
    line = ctx.safety.plain(text)
    return line if stringWidth(line, font, _SIZE) <= cell_room(column) else None


def _name_cell(ctx: ReportContext, item: Evidence) -> object:
    """Return the evidence's name (bold) with the company's note on it below."""
    if not item.note:
        plain = _fits(ctx, " ".join(item.name.split()), REGISTER_WIDTHS[0], FONT_BOLD)
        if plain is not None:
            return plain
    markup = f"<b>{ctx.user(item.name)}</b>"
    if item.note:
        markup += f"<br/>{ctx.user(item.note)}"
    return ctx.para(markup, "cell")


def _kept_cell(ctx: ReportContext, item: Evidence) -> object:
    """Return a link's location (plain text, not clickable), or a copy's size and SHA-256."""
    if not item.is_link:
        digest = f"{item.sha256[:32]}\n{item.sha256[32:]}"
        return f"{ctx.t('kept_copy', size=format_size(item.size, ctx.lang))}\n{digest}"
    kind = ctx.t("kept_link")
    plain = _fits(ctx, item.location, REGISTER_WIDTHS[1])
    if plain is not None:
        return f"{kind}\n{plain}"
    if has_rtl(item.location):
        room = cell_room(REGISTER_WIDTHS[1])
        return [ctx.para(kind, "cell"), ctx.user_para(item.location, "cell", width=room)]
    return ctx.para(f"{kind}<br/>{ctx.user(item.location)}", "cell")


def _valid_cell(ctx: ReportContext, item: Evidence, day: dt.date | None) -> object:
    """Return the 'valid until' date, marked when it lies before the mission's (last) day."""
    until = ctx.date(item.valid_until)
    if day is None or not item.expired_by(day):
        return until
    mark = ctx.t("expired_by_mission", day=ctx.date(day))
    return ctx.para(f'{until}<br/><font color="{ALERT_HEX}"><b>{mark}</b></font>', "cell")


def _supports_cell(ctx: ReportContext, keys: list[str]) -> object:
    """Return the supported questions, one line each: display number and a short question.

    The lines are a plain table string (a paragraph per row would cost the long export).
    """
    if not keys:
        return ctx.t("supports_none")
    questions = [(ctx.numbers[key], _question(ctx, key)) for key in keys]
    lines = [_one_line(ctx, number, question) for number, question in questions]
    if all(line is not None for line in lines):
        return "\n".join(line for line in lines if line is not None)
    shown = (f"{number} {shorten(question, SUPPORT_QUESTION)}" for number, question in questions)
    return ctx.para("<br/>".join(ctx.user(line) for line in shown), "cell")  # right to left


def _question(ctx: ReportContext, key: str) -> str:
    """Return an item's question in the report's language ("" when not in its template)."""
    template_id, _, item_id = key.partition("/")
    template = ctx.snapshot.templates.get(template_id)
    item = template.item(item_id) if template else None
    return item.question.get(ctx.lang) if item else ""


def _one_line(ctx: ReportContext, number: str, question: str) -> str | None:
    """Return "1.6.2 Short question…" cut to one line of the column, or None if unmeasurable."""
    if has_rtl(question):
        return None
    room = cell_room(REGISTER_WIDTHS[4])
    limit = SUPPORT_QUESTION
    while True:
        line = ctx.safety.plain(f"{number} {shorten(question, limit)}")
        width = stringWidth(line, FONT, _SIZE)
        if width <= room:
            return line
        if limit <= MIN_QUESTION:
            return None
        # cut in proportion to the overflow (one more step at most, as a rule)
        limit = max(MIN_QUESTION, min(limit - 3, int(len(line) * room / width) - len(number)))
