"""An action's linked items as the report shows them: number, question and current answer."""

from __future__ import annotations

from ddcheck.domain.answer_words import answer_text
from ddcheck.domain.dossier import Action
from ddcheck.domain.scoring import is_gap, is_red_flag
from ddcheck.report.context import ReportContext

SHORT_QUESTION = 90


def shorten(text: str, limit: int = SHORT_QUESTION) -> str:
    """Return text cut at a word before `limit` characters, with an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0]
    return cut.rstrip(",;:") + "…"


def linked_item(ctx: ReportContext, key: str) -> str:
    """Return a linked item as markup, "1.6.2 Question? — Answer (gap)", in the report language."""
    number = ctx.numbers.get(key, "")
    template_id, _, item_id = key.partition("/")
    template = ctx.snapshot.templates.get(template_id)
    item = template.item(item_id) if template else None
    if template is None or item is None:
        return f"<i>{ctx.t('unknown_item')}</i>"
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


def short_linked_item(ctx: ReportContext, key: str) -> str:
    """Return "1.6.2 Short question? — Answer (red flag)" for the action plan's item column."""
    template_id, _, item_id = key.partition("/")
    template = ctx.snapshot.templates.get(template_id)
    item = template.item(item_id) if template else None
    if template is None or item is None:
        return f"<i>{ctx.t('unknown_item')}</i>"
    head = f"<b>{ctx.numbers.get(key, '')}</b> {ctx.user(shorten(item.question.get(ctx.lang), 80))}"
    if ctx.redaction.is_withheld(key):
        return f"{head} — <i>{ctx.t('withheld')}</i>"
    answer = ctx.summary.answers.get(key)
    if answer is None or not answer.is_answered:
        return f"{head} — <i>{ctx.t('unanswered').lower()}</i>"
    shown = ctx.user(shorten(answer_text(template, item, answer, ctx.lang), 60))
    entry = ctx.entries_by_key.get(key)
    if entry is not None and is_red_flag(entry, answer):
        return f"{head} — {shown} <i>({ctx.t('red_flag').lower()})</i>"
    if entry is not None and is_gap(entry, answer):
        return f"{head} — {shown} <i>({ctx.t('gap')})</i>"
    return f"{head} — {shown}"


def linked_items(ctx: ReportContext, action: Action) -> list[str]:
    """Return the action's linked items as markup lines, in the order the action lists them."""
    return [linked_item(ctx, key) for key in action.item_keys]
