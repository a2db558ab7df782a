"""The export check findings, aggregated: blocking kinds first, each kind once with its count."""

from __future__ import annotations

from collections import defaultdict

from reportlab.platypus import Flowable

from ddcheck.domain.gate import GateFinding, export_gate
from ddcheck.report.context import ReportContext
from ddcheck.report.linked_items import shorten

ACTION_LIMIT = 15  # actions lacking an owner or a due date listed here; the action plan has all
# kinds in the order an adviser acts on them: what blocks, then what is missing, then the rest
ITEM_KINDS = ("red_flag_without_action", "justification_missing", "unanswered_required")


def findings_story(ctx: ReportContext) -> list[Flowable]:
    """Return the findings under their kind headings, or a line saying there are none."""
    report = export_gate(ctx.dossier, ctx.snapshot.templates, ctx.summary)
    by_kind: dict[str, list[GateFinding]] = defaultdict(list)
    for finding in report.findings:
        if finding.item_key and ctx.redaction.is_withheld(finding.item_key):
            continue
        by_kind[finding.code].append(finding)
    blocking = sum(len(by_kind[k]) for k in ("red_flag_without_action", "justification_missing"))
    action_ids = dict.fromkeys(
        f.action_id
        for code in ("action_without_owner", "action_without_due")
        for f in by_kind[code]
        if f.action_id
    )
    if not blocking and not by_kind["unanswered_required"] and not action_ids:
        return [ctx.para(ctx.t("gate_none"))]
    story: list[Flowable] = [
        ctx.para(
            ctx.t(
                "gate_counts",
                block=blocking,
                unanswered=len(by_kind["unanswered_required"]),
                actions=len(action_ids),
            )
        )
    ]
    for code in ITEM_KINDS:
        findings = by_kind[code]
        if not findings:
            continue
        story.append(_kind_heading(ctx, code, len(findings)))
        if code == "unanswered_required":
            numbers = ", ".join(ctx.numbers.get(f.item_key or "", "") for f in findings)
            story.append(ctx.para(f"{numbers} — {ctx.t('gate_unanswered_note')}", "detail"))
            continue
        story.extend(
            ctx.para(f"•  {_item_line(ctx, f.item_key or '')}", "detail") for f in findings
        )
    if action_ids:
        story.append(_kind_heading(ctx, "action_incomplete", len(action_ids)))
        story.extend(_action_lines(ctx, list(action_ids), by_kind))
    return story


def _kind_heading(ctx: ReportContext, code: str, count: int) -> Flowable:
    level = "gate_block" if code in ITEM_KINDS[:2] else "gate_warn"
    return ctx.para(
        f"<b>{ctx.t('kind_' + code)} ({ctx.number(count)})</b> — {ctx.t(level)}", "finding_kind"
    )


def _item_line(ctx: ReportContext, key: str) -> str:
    entry = ctx.entries_by_key.get(key)
    number = ctx.numbers.get(key, "")
    if entry is None:
        return f"<b>{number}</b>"
    return f"<b>{number}</b> {ctx.user(shorten(entry.item.question.get(ctx.lang)))}"


def _action_lines(
    ctx: ReportContext, action_ids: list[str | None], by_kind: dict[str, list[GateFinding]]
) -> list[Flowable]:
    no_owner = {f.action_id for f in by_kind["action_without_owner"]}
    no_due = {f.action_id for f in by_kind["action_without_due"]}
    actions = {a.id: a for a in ctx.dossier.actions}
    lines = []
    for action_id in action_ids[:ACTION_LIMIT]:
        action = actions.get(action_id or "")
        if action is None:
            continue
        missing = [
            ctx.t(k) for k, ids in (("no_owner", no_owner), ("no_due", no_due)) if action_id in ids
        ]
        number = ctx.action_numbers.get(action.id, "")
        text = ctx.user(shorten(ctx.action_text(action), 70))
        gaps = ", ".join(missing)
        lines.append(ctx.para(f"•  <b>{number}</b> {text} — <i>{gaps}</i>", "detail"))
    rest = len(action_ids) - ACTION_LIMIT
    if rest > 0:
        lines.append(ctx.para(ctx.t("and_more_esap", count=ctx.number(rest)), "detail"))
    return lines
