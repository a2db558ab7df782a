"""The cover page: company, mission, checklists, versions and the data fingerprint."""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from ddcheck import __version__
from ddcheck.domain.sectors import sector_label
from ddcheck.report.context import ReportContext
from ddcheck.report.labels import counted, value_label
from ddcheck.report.styles import ACCENT, RULE, SHADE, font_table


def grouped_fingerprint(fingerprint: str) -> str:
    """Return the hex fingerprint in groups of eight for reading aloud."""
    return " ".join(fingerprint[i : i + 8] for i in range(0, len(fingerprint), 8))


def cover_story(ctx: ReportContext) -> list[Flowable]:
    """Return the flowables of the cover page."""
    d = ctx.dossier
    company, mission = d.company, d.mission
    story: list[Flowable] = [
        Spacer(1, 14 * mm),
        ctx.para(ctx.t("report_title"), "cover_subtitle"),
        ctx.para(ctx.user(company.name), "cover_title"),
        ctx.para(ctx.user(mission.name), "cover_subtitle"),
        Spacer(1, 8 * mm),
    ]
    if ctx.redaction.audience == "internal":
        story.append(ctx.para(ctx.t("internal_banner"), "banner"))
    story.append(_facts_table(ctx))
    story.append(Spacer(1, 10 * mm))
    story.append(_fingerprint_box(ctx))
    return story


def _facts_table(ctx: ReportContext) -> Table:
    d = ctx.dossier
    company, mission = d.company, d.mission
    lang = ctx.lang
    contact = " · ".join(
        x for x in (company.contact_name, company.contact_email, company.contact_phone) if x
    )
    dates = " – ".join(ctx.date(x) for x in (mission.start, mission.end) if x) or "–"
    checklists = []
    for use in d.templates:
        template = ctx.snapshot.templates.get(use.id)
        title = template.title.get(lang) if template else use.id
        valid = ""
        if template is not None and template.valid_until is not None:
            valid = f"; {ctx.t('valid_until')} {ctx.date(template.valid_until)}"
        checklists.append(f"{ctx.user(title)} ({ctx.t('version')} {use.version}{valid})")
    audience_key = (
        "audience_adviser" if ctx.redaction.audience == "adviser" else "audience_internal"
    )
    rows = [
        ("company", ctx.user(company.name)),
        ("kvk", ctx.user(company.kvk_number or "–")),
        ("sector", ctx.user(sector_label(company.sector, ctx.lang) or "–")),
        ("size", value_label("size", company.size, lang) or "–"),
        ("contact", ctx.user(contact or "–")),
        ("mission", ctx.user(mission.name)),
        ("destinations", ctx.user(", ".join(ctx.country(c) for c in mission.destinations) or "–")),
        ("dates", dates),
        ("organiser", ctx.user(mission.organiser or "–")),
        (
            "activities",
            ", ".join(value_label("activity", a, lang) for a in mission.activities) or "–",
        ),
        ("eci", ctx.t("eci_yes" if mission.export_credit_insurance else "eci_no")),
        ("checklists", "<br/>".join(checklists) or "–"),
        ("audience", ctx.t(audience_key) + _withheld_note(ctx)),
        ("generated_on", ctx.date(ctx.snapshot.generated_at)),
        ("app_version", ctx.user(ctx.snapshot.app_version or __version__)),
    ]
    data = [
        [ctx.para(ctx.t(key), "cover_label"), ctx.para(value, "cover_value")] for key, value in rows
    ]
    table = font_table(data, colWidths=[48 * mm, None], hAlign="LEFT", splitInRow=1)
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ]
        )
    )
    return table


def _withheld_note(ctx: ReportContext) -> str:
    count = len(ctx.redaction.withheld_items)
    return (
        f" — {ctx.t('cover_withheld', questions=counted('question', count, ctx.lang))}"
        if count
        else ""
    )


def _fingerprint_box(ctx: ReportContext) -> Table:
    rows = [
        [ctx.para(f"<b>{ctx.t('fingerprint')}</b>", "small")],
        [ctx.para(grouped_fingerprint(ctx.fingerprint), "mono")],
        [ctx.para(ctx.t("fingerprint_note"), "muted")],
    ]
    table = font_table(rows, colWidths=[None])
    table.setStyle(
        TableStyle(
            [
                ("BOX", (0, 0), (-1, -1), 0.8, ACCENT),
                ("BACKGROUND", (0, 0), (-1, -1), SHADE),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
                ("TOPPADDING", (0, 0), (0, 0), 7),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 6),
            ]
        )
    )
    return table
