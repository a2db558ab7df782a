"""Page 1 as a verdict aid: company and mission, status sentence, readiness panel, fingerprint."""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ddcheck import __version__
from ddcheck.domain.answer_words import answer_text
from ddcheck.domain.readiness import Readiness
from ddcheck.domain.sectors import sector_label
from ddcheck.report.context import ReportContext
from ddcheck.report.labels import counted, noun, value_label
from ddcheck.report.styles import RULE, SHADE, font_table

ALERT_HEX = "#9B1C1C"
ALERT = colors.HexColor(ALERT_HEX)
ALERT_SHADE = colors.HexColor("#F8E3E3")
GOOD = colors.HexColor("#1E5B3A")
GOOD_SHADE = colors.HexColor("#E2F0E7")
WARN_SHADE = colors.HexColor("#FBF0D9")
TILE_COLUMNS = 4


def grouped_fingerprint(fingerprint: str) -> str:
    """Return the hex fingerprint in groups of eight for reading aloud."""
    return " ".join(fingerprint[i : i + 8] for i in range(0, len(fingerprint), 8))


def cover_story(ctx: ReportContext) -> list[Flowable]:
    """Return the flowables of page 1."""
    d = ctx.dossier
    story: list[Flowable] = [
        Spacer(1, 6 * mm),
        ctx.para(ctx.t("report_title"), "cover_subtitle"),
        ctx.para(ctx.user(d.company.name), "cover_title"),
        ctx.para(ctx.user(d.mission.name), "cover_subtitle"),
        Spacer(1, 3 * mm),
    ]
    if ctx.redaction.audience == "internal":
        story.append(ctx.para(ctx.t("internal_banner"), "banner"))
    story.append(_facts_table(ctx))
    story.append(Spacer(1, 5 * mm))
    story.append(status_banner(ctx))
    story.append(Spacer(1, 2 * mm))
    story.append(_panel(ctx))
    story.extend(_worst_flag(ctx))
    story.append(_checklists(ctx))
    story.append(Spacer(1, 4 * mm))
    story.append(
        ctx.para(
            f"<b>{ctx.t('fingerprint_short')}</b> (SHA-256) {grouped_fingerprint(ctx.fingerprint)}",
            "fingerprint",
        )
    )
    story.append(ctx.para(ctx.t("fingerprint_see_about"), "muted"))
    return story


def status_sentence(ctx: ReportContext, r: Readiness) -> str:
    """Return the one plain sentence that states where the dossier stands."""
    lang = ctx.lang
    reasons = []
    if r.required_unanswered:
        reasons.append(counted("required_open", r.required_unanswered, lang))
    if r.red_flags_without_action:
        reasons.append(counted("red_flag_open", r.red_flags_without_action, lang))
    if r.status == "draft":
        answered = ctx.t("answered_of", answered=r.answered, applicable=r.applicable)
        return ctx.t("status_draft", reasons="; ".join([f"{answered} ({r.percent} %)", *reasons]))
    if r.status == "not_ready":
        return ctx.t("status_not_ready", reasons="; ".join(reasons))
    if r.status == "attention":
        notes = []
        if r.open_high:
            notes.append(counted("open_high", r.open_high, lang))
        if r.without_owner:
            notes.append(counted("no_owner", r.without_owner, lang))
        if r.without_due:
            notes.append(counted("no_due", r.without_due, lang))
        return ctx.t("status_attention", reasons="; ".join(notes))
    return ctx.t("status_ready")


def status_banner(ctx: ReportContext) -> Table:
    """Return the status sentence in a coloured box."""
    r = ctx.readiness
    shade = {"draft": ALERT_SHADE, "not_ready": ALERT_SHADE, "attention": WARN_SHADE}.get(
        r.status, GOOD_SHADE
    )
    edge = GOOD if r.status == "ready" else ALERT
    table = font_table([[ctx.para(status_sentence(ctx, r), "status")]], colWidths=[None])
    table.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), shade),
                ("LINEBEFORE", (0, 0), (0, -1), 3, edge),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return table


def _tiles(ctx: ReportContext, r: Readiness) -> list[tuple[str, str, bool]]:
    """Return (figure, caption, alarming) for every tile of the panel."""
    t = ctx.t
    n = ctx.number
    others = ", ".join(
        f"{n(r.open_actions.get(p, 0))} {value_label('priority', p, ctx.lang)}"
        for p in ("medium", "low")
    )
    return [
        (
            f"{r.percent} %",
            t("tile_answered", answered=n(r.answered), applicable=n(r.applicable)),
            r.is_draft,
        ),
        (
            n(r.required_unanswered),
            noun("required_open", r.required_unanswered, ctx.lang),
            r.required_unanswered > 0,
        ),
        (
            n(r.red_flags),
            t("tile_red_flags", open=n(r.red_flags_without_action)),
            r.red_flags_without_action > 0,
        ),
        (n(r.open_high), t("tile_open_high", others=others), r.open_high > 0),
        (
            n(r.without_owner),
            t("tile_no_owner", due=n(r.without_due)),
            False,
        ),
        (n(r.withheld), noun("withheld_question", r.withheld, ctx.lang), False),
        (n(r.evidence), noun("evidence", r.evidence, ctx.lang), False),
        (n(len(r.checklists)), noun("checklist", len(r.checklists), ctx.lang), False),
    ]


def _panel(ctx: ReportContext) -> Table:
    tiles = _tiles(ctx, ctx.readiness)
    cells = [
        ctx.para(
            f'<font size="17" color="{ALERT_HEX if alarming else "#1A1A1A"}"><b>{figure}</b></font>'
            f" {caption}",
            "tile",
        )
        for figure, caption, alarming in tiles
    ]
    rows = [cells[i : i + TILE_COLUMNS] for i in range(0, len(cells), TILE_COLUMNS)]
    table = font_table(rows, colWidths=[None] * TILE_COLUMNS, hAlign="LEFT")
    commands: list[tuple[object, ...]] = [
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("BACKGROUND", (0, 0), (-1, -1), SHADE),
        ("GRID", (0, 0), (-1, -1), 2, colors.white),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
        ("LEFTPADDING", (0, 0), (-1, -1), 7),
    ]
    for index, (_, _, alarming) in enumerate(tiles):
        if alarming:
            cell = (index % TILE_COLUMNS, index // TILE_COLUMNS)
            commands += [
                ("BACKGROUND", cell, cell, ALERT_SHADE),
            ]
    table.setStyle(TableStyle(commands))
    return table


def _worst_flag(ctx: ReportContext) -> list[Flowable]:
    key = ctx.readiness.worst_red_flag
    entry = ctx.entries_by_key.get(key) if key else None
    if entry is None:
        return []
    answer = ctx.summary.answers.get(entry.key)
    text = answer_text(entry.template, entry.item, answer, ctx.lang)
    number = ctx.numbers.get(entry.key, "")
    question = ctx.user(entry.item.question.get(ctx.lang))
    return [
        Spacer(1, 2 * mm),
        ctx.para(
            f"<b>{ctx.t('worst_flag')}:</b> {number} {question} — <b>{ctx.user(text)}</b>",
            "small",
        ),
    ]


def _checklists(ctx: ReportContext) -> Flowable:
    lines = []
    for use in ctx.dossier.templates:
        template = ctx.snapshot.templates.get(use.id)
        title = ctx.user(template.title.get(ctx.lang)) if template else ctx.t("unknown_checklist")
        valid = ""
        if template is not None and template.valid_until is not None:
            valid = f"; {ctx.t('valid_until')} {ctx.date(template.valid_until)}"
        lines.append(f"{title} ({ctx.t('version')} {use.version}{valid})")
    return ctx.para(f"<b>{ctx.t('checklists')}:</b> " + " · ".join(lines), "small")


def _facts_table(ctx: ReportContext) -> Table:
    d = ctx.dossier
    company, mission = d.company, d.mission
    lang = ctx.lang
    contact = " · ".join(
        x for x in (company.contact_name, company.contact_email, company.contact_phone) if x
    )
    dates = " – ".join(ctx.date(x) for x in (mission.start, mission.end) if x) or "–"
    audience_key = (
        "audience_adviser" if ctx.redaction.audience == "adviser" else "audience_internal"
    )
    pairs = [
        ("kvk", ctx.user(company.kvk_number or "–")),
        ("destinations", ctx.user(", ".join(ctx.country(c) for c in mission.destinations) or "–")),
        ("sector", ctx.user(sector_label(company.sector, ctx.lang) or "–")),
        ("dates", dates),
        ("size", value_label("size", company.size, lang) or "–"),
        ("organiser", ctx.user(mission.organiser or "–")),
        ("contact", ctx.user(contact or "–")),
        (
            "activities",
            ", ".join(value_label("activity", a, lang) for a in mission.activities) or "–",
        ),
        ("audience", ctx.t(audience_key)),
        ("eci", ctx.t("eci_yes" if mission.export_credit_insurance else "eci_no")),
        ("generated_on", ctx.date(ctx.snapshot.generated_at)),
        ("app_version", ctx.user(ctx.snapshot.app_version or __version__)),
    ]
    cells = [
        [ctx.para(ctx.t(key), "cover_label"), ctx.para(value, "cover_value")]
        for key, value in pairs
    ]
    rows = [cells[i] + cells[i + 1] for i in range(0, len(cells), 2)]
    table = font_table(
        rows, colWidths=[27 * mm, 58 * mm, 27 * mm, None], hAlign="LEFT", splitInRow=1
    )
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (2, 0), (2, -1), 6),
            ]
        )
    )
    return table
