"""Snapshot → story → PDF bytes: the report's entry point."""

from __future__ import annotations

import io
from dataclasses import dataclass

from reportlab.platypus import Flowable, NextPageTemplate, PageBreak

from ddcheck import __version__
from ddcheck.domain.formatting import written_in
from ddcheck.domain.redaction import Redaction
from ddcheck.domain.text import Language
from ddcheck.report.about import about_story
from ddcheck.report.appendix import esap_story
from ddcheck.report.attachment import Attachment
from ddcheck.report.context import ReportContext
from ddcheck.report.cover import cover_story
from ddcheck.report.errors import ExportCancelled
from ddcheck.report.evidence_register import register_story
from ddcheck.report.items import items_story
from ddcheck.report.labels import label
from ddcheck.report.sources import glossary_story, sources_story
from ddcheck.report.styles import make_styles, register_fonts
from ddcheck.report.summary import summary_story
from ddcheck.report.template import Cancel, PageFurniture, Progress, ReportDocTemplate
from ddcheck.report.text_safety import TextSafety

PROGRESS_SCALE = 1000
BUILD_SHARE = 100  # the first tenth of the progress is story building, the rest layout


@dataclass(frozen=True)
class RenderedReport:
    """The PDF bytes of a report and how many pages it has."""

    pdf: bytes
    pages: int


def make_context(redaction: Redaction, lang: Language, fingerprint: str) -> ReportContext:
    """Return the builder context for a redacted snapshot (registers the fonts)."""
    covered = register_fonts()
    return ReportContext(redaction, lang, fingerprint, make_styles(), TextSafety(covered))


def build_story(
    ctx: ReportContext, progress: Progress | None = None, cancel: Cancel | None = None
) -> list[Flowable]:
    """Return the whole report as a list of flowables, in reading order."""
    total = max(1, len(ctx.summary.entries))
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if done % 32:
            return
        if cancel is not None and cancel():
            raise ExportCancelled("the export was cancelled")
        if progress is not None:
            progress(BUILD_SHARE * done // total, PROGRESS_SCALE)

    story: list[Flowable] = [*cover_story(ctx), NextPageTemplate("body"), PageBreak()]
    story += summary_story(ctx)
    story += items_story(ctx, tick)
    story += esap_story(ctx)
    story += register_story(ctx)
    story += sources_story(ctx)
    story += glossary_story(ctx)
    story += about_story(ctx)
    return story


def furniture(ctx: ReportContext) -> PageFurniture:
    """Return the header and footer texts of the report."""
    d = ctx.dossier
    safety = ctx.safety
    key = "label_adviser" if ctx.redaction.audience == "adviser" else "label_internal"
    return PageFurniture(
        header_left=safety.plain(" ".join(d.company.name.split())),
        header_right=safety.plain(" ".join(d.mission.name.split())),
        footer_label=label(key, ctx.lang),
        footer_date=ctx.date(ctx.snapshot.generated_at),
        page_of=label("page_of", ctx.lang),
        draft=label("draft_mark", ctx.lang) if ctx.readiness.is_draft else "",
    )


def metadata(ctx: ReportContext) -> dict[str, object]:
    """Return the PDF document information: title, author, subject, keywords, language."""
    d = ctx.dossier
    plain = ctx.safety.plain
    return {
        "title": plain(f"{label('report_title', ctx.lang)}: {d.company.name} — {d.mission.name}"),
        "author": plain(d.company.name),
        "subject": label("subject", ctx.lang),
        "keywords": [
            "IMVO",
            "due diligence",
            "OECD",
            "IFC",
            f"audience:{ctx.redaction.audience}",
            f"ddcheck-sha256:{ctx.fingerprint}",
        ],
        "creator": f"ddcheck {__version__}",
        "lang": "nl-NL" if ctx.lang == "nl" else "en-GB",
    }


def render_pdf(
    redaction: Redaction,
    *,
    lang: Language,
    fingerprint: str,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    invariant: bool = False,
    attachment: Attachment | None = None,
) -> RenderedReport:
    """Build the report for a redacted snapshot and return its PDF bytes (with `attachment`).

    Dates are written in the zone of the snapshot's `generated_at` (the exporter's UTC offset),
    so the same snapshot renders the same pages on any computer (`verify` relies on that).
    """
    with written_in(redaction.snapshot.generated_at.tzinfo):
        return _render(redaction, lang, fingerprint, progress, cancel, invariant, attachment)


def _render(
    redaction: Redaction,
    lang: Language,
    fingerprint: str,
    progress: Progress | None,
    cancel: Cancel | None,
    invariant: bool,
    attachment: Attachment | None,
) -> RenderedReport:
    ctx = make_context(redaction, lang, fingerprint)
    story = build_story(ctx, progress, cancel)
    buffer = io.BytesIO()

    def layout_progress(done: int, total: int) -> None:
        if progress is not None:
            share = PROGRESS_SCALE - BUILD_SHARE
            progress(BUILD_SHARE + share * done // max(total, 1), PROGRESS_SCALE)

    doc = ReportDocTemplate(
        buffer,
        furniture(ctx),
        progress=layout_progress if progress else None,
        cancel=cancel,
        invariant=1 if invariant else 0,
        attachment=attachment,
        **metadata(ctx),
    )
    pages = doc.render(story)
    return RenderedReport(buffer.getvalue(), pages)
