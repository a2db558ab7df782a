"""The closing "About this document" block: the embedded data, its fingerprint, how to check it."""

from __future__ import annotations

from reportlab.platypus import CondPageBreak, Flowable, Spacer

from ddcheck import __version__
from ddcheck.report.context import ReportContext
from ddcheck.report.cover import grouped_fingerprint
from ddcheck.report.template import mark_outline


def about_story(ctx: ReportContext) -> list[Flowable]:
    """Return the "About this document" part."""
    title = ctx.t("about")
    story: list[Flowable] = [
        Spacer(1, 12),
        CondPageBreak(200),
        mark_outline(ctx.para(title, "h1"), title, 0),
        ctx.para(ctx.t("about_data")),
        ctx.para(f"<b>{ctx.t('fingerprint')}</b>", "small"),
        ctx.para(grouped_fingerprint(ctx.fingerprint), "mono"),
        Spacer(1, 4),
        ctx.para(ctx.t("about_verify")),
    ]
    if ctx.redaction.audience == "adviser":
        story.append(ctx.para(ctx.t("about_withheld")))
    if ctx.readiness.is_draft:
        story.append(ctx.para(ctx.t("about_draft")))
    version = ctx.user(ctx.snapshot.app_version or __version__)
    story.append(
        ctx.para(
            f"{ctx.t('generated_on')} {ctx.date(ctx.snapshot.generated_at)} · "
            f"{ctx.t('app_version')} {version}",
            "muted",
        )
    )
    return story
