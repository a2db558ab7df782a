"""An action's linked items as the report shows them: number, question and current answer."""

from __future__ import annotations

from ddcheck.domain.dossier import Action
from ddcheck.domain.scoring import is_gap, is_red_flag
from ddcheck.exchange.answers import answer_text
from ddcheck.report.context import ReportContext


def linked_item(ctx: ReportContext, key: str) -> str:
    """Return a linked item as markup, "1.6.2 Question? — Answer (gap)", in the report language."""
    number = ctx.numbers.get(key, "")
    template_id, _, item_id = key.partition("/")
    template = ctx.snapshot.templates.get(template_id)
    item = template.item(item_id) if template else None
    if template is None or item is None:
        return ctx.safety.line(key)
    head = f"<b>{number}</b> {ctx.user(item.question.get(ctx.lang))}"
    if ctx.redaction.is_withheld(key):
        return f"{head} — <i>{ctx.t('withheld')}</i>"
    answer = ctx.summary.answers.get(key)
    if answer is None or not answer.is_answered:
        return f"{head} — <i>{ctx.t('unanswered').lower()}</i>"
    line = f"{head} — {ctx.user(answer_text(template, item, answer, ctx.lang))}"
    entry = ctx.entries_by_key.get(key)
    if entry is not None and is_red_flag(entry, answer):
        line += f" <i>({ctx.t('red_flag').lower()})</i>"
    elif entry is not None and is_gap(entry, answer):
        line += f" <i>({ctx.t('gap')})</i>"
    return line


def linked_items(ctx: ReportContext, action: Action) -> list[str]:
    """Return the action's linked items as markup lines, in the order the action lists them."""
    return [linked_item(ctx, key) for key in action.item_keys]
