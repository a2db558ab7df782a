"""Every applicable item, grouped by checklist and section, with answer, note, risk and links."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph

from ddcheck.domain.answer_words import answer_text
from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.direction import has_rtl
from ddcheck.domain.dossier import Answer
from ddcheck.domain.scoring import is_gap, is_red_flag
from ddcheck.domain.templates import Section, Template
from ddcheck.report.citations import refs_text
from ddcheck.report.context import ReportContext
from ddcheck.report.labels import value_label
from ddcheck.report.template import mark_outline

# Room (points) a question, its references and its answer need at the foot of a page; with less
# room left the item starts on the next page. CondPageBreak costs nothing, unlike keep-together.
KEEP_ITEM = 50
KEEP_LINE = 12.5
KEEP_SECTION = 110
KEEP_CHECKLIST = 160
TAG_DARK = '<font backColor="#1A1A1A" color="#FFFFFF"><b>&nbsp;{}&nbsp;</b></font>'
TAG_LIGHT = '<font backColor="#D9D9D9"><b>&nbsp;{}&nbsp;</b></font>'


def items_story(ctx: ReportContext, tick: Callable[[], None] | None = None) -> list[Flowable]:
    """Return the answers part: one heading per checklist and section, one block per item."""
    story: list[Flowable] = [
        PageBreak(),
        mark_outline(ctx.para(ctx.t("answers"), "h1"), ctx.t("answers"), 0),
    ]
    for template, groups in _grouped(ctx):
        number = ctx.numbering.checklists[template.id]
        title = template.title.get(ctx.lang)
        heading = f"{number}  {ctx.user(title)}"
        story.append(CondPageBreak(KEEP_CHECKLIST))
        story.append(mark_outline(ctx.para(heading, "h2"), f"{number} {title}", 1))
        version = f"{ctx.t('version')} {template.version}"
        story.append(
            ctx.para(f"{ctx.user(template.description.get(ctx.lang))} ({version})", "muted")
        )
        for section, entries in groups:
            section_no = ctx.numbering.sections[(template.id, section.id)]
            section_title = ctx.numbering.section_title(template, section, ctx.lang)
            story.append(CondPageBreak(KEEP_SECTION))
            story.append(
                mark_outline(
                    ctx.para(f"{section_no}  {ctx.user(section_title)}", "h3"),
                    f"{section_no} {section_title}",
                    2,
                )
            )
            for entry in entries:
                story.extend(item_block(ctx, entry))
                if tick is not None:
                    tick()
    return story


def _grouped(
    ctx: ReportContext,
) -> Iterator[tuple[Template, list[tuple[Section, list[ItemApplicability]]]]]:
    """Yield each template with its sections' applicable entries, in template order."""
    by_template: dict[str, dict[str, list[ItemApplicability]]] = {}
    for entry in ctx.summary.entries:
        sections = by_template.setdefault(entry.template.id, {})
        sections.setdefault(entry.section.id, []).append(entry)
    for use in ctx.dossier.templates:
        template = ctx.snapshot.templates.get(use.id)
        found = by_template.get(use.id)
        if template is None or not found:
            continue
        groups = [
            (section, found[section.id]) for section in template.sections if section.id in found
        ]
        yield template, groups


def item_block(ctx: ReportContext, entry: ItemApplicability) -> list[Flowable]:
    """Return one item: question, references, then labelled answer and details."""
    lang = ctx.lang
    key = entry.key
    number = ctx.numbers.get(key, "")
    question = entry.item.question.get(lang)
    block: list[Flowable] = [
        CondPageBreak(KEEP_ITEM + KEEP_LINE * (len(question) // 80)),
        ctx.para(f"{number}&nbsp;&nbsp;{ctx.user(question)}", "question"),
        ctx.para(_meta(ctx, entry), "item_meta"),
    ]
    answer_word = f"{ctx.t('answer')}:"
    if ctx.redaction.is_withheld(key):
        block.append(ctx.para(f"<i>{ctx.t('withheld')}</i>", "answer", bullet=answer_word))
        return block
    answer = ctx.summary.answers.get(key)
    block += _answer_para(ctx, entry, answer, answer_word)
    if answer is not None:
        if answer.note.strip():
            block += ctx.paragraphs.blocks(answer.note, "labelled", bullet=f"{ctx.t('note')}:")
        block.extend(
            ctx.para(text, "labelled", bullet=f"{label}:")
            for label, text in _details(ctx, key, answer)
        )
    return block


def _details(ctx: ReportContext, key: str, answer: Answer) -> list[tuple[str, str]]:
    """Return the risk, evidence, actions and review lines of an answered item."""
    lang = ctx.lang
    details = []
    if not answer.risk.is_empty:
        details.append((ctx.t("risk"), _risk(ctx, answer)))
    evidence = [ctx.evidence_by_id[i] for i in answer.evidence_ids if i in ctx.evidence_by_id]
    if evidence:
        names = "; ".join(
            f"{ctx.user(e.name)} ({ctx.t('link_short') if e.is_link else e.sha256[:12] + '…'})"
            for e in evidence
        )
        details.append((ctx.t("evidence"), names))
    actions = ctx.actions_by_item.get(key)
    if actions:
        listed = "; ".join(
            f"{ctx.action_numbers[a.id]} {ctx.user(ctx.action_text(a))} "
            f"({value_label('status', a.status, lang)})"
            for a in actions
        )
        details.append((ctx.t("actions"), listed))
    for review, item_review in ctx.reviews_by_item.get(key, ()):
        who = ctx.user(review.reviewer) if review.reviewer else ""
        verdict = value_label("assessment", item_review.assessment, lang)
        comment = f" — {ctx.user(item_review.comment)}" if item_review.comment else ""
        by = f" ({who})" if who else ""
        details.append((ctx.t("review"), f"{verdict}{by}{comment}"))
    return details


def _meta(ctx: ReportContext, entry: ItemApplicability) -> str:
    parts = []
    step = entry.template.oecd_step_of(entry.item)
    if step and step != "0":
        parts.append(f"OECD {step}")
    standard = entry.template.ifc_standard_of(entry.item)
    if standard:
        parts.append(f"IFC {standard}")
    refs = refs_text(ctx.citations, entry.item.refs, ctx.lang)
    if refs:
        parts.append(f"{ctx.t('sources_ref')}: {refs}")
    return " · ".join(ctx.safety.line(part) for part in parts)


def _answer_para(
    ctx: ReportContext, entry: ItemApplicability, answer: Answer | None, answer_word: str
) -> list[Paragraph]:
    """Return the answer with its marks (red flag, gap, confidential, ...) after it."""
    marks = _marks(ctx, entry, answer)
    if answer is None or not answer.is_answered:
        return [ctx.para(TAG_LIGHT.format(ctx.t("unanswered")) + marks, "answer", answer_word)]
    text = answer_text(entry.template, entry.item, answer, ctx.lang)
    if is_red_flag(entry, answer):
        marks = f"&nbsp;&nbsp;{TAG_DARK.format(ctx.t('red_flag'))}" + marks
    elif is_gap(entry, answer):
        marks = f"&nbsp;&nbsp;<i>({ctx.t('gap')})</i>" + marks
    if has_rtl(text) and marks:
        marks = "<br/>" + marks.removeprefix("&nbsp;&nbsp;")  # marks on a line of their own
    return ctx.paragraphs.blocks(text, "answer", answer_word, suffix=marks)


def _marks(ctx: ReportContext, entry: ItemApplicability, answer: Answer | None) -> str:
    """Return the confidential, discussion and reconfirmation marks of an answer."""
    line = ""
    if answer is not None:
        if ctx.redaction.is_confidential(entry.key):
            line += f"&nbsp;&nbsp;{TAG_LIGHT.format(ctx.t('confidential'))}"
        if answer.review:
            line += f"&nbsp;&nbsp;<i>({ctx.t('marked_review')})</i>"
        if answer.needs_reconfirmation:
            line += f"&nbsp;&nbsp;<i>({ctx.t('reconfirm')})</i>"
    return line


def _risk(ctx: ReportContext, answer: Answer) -> str:
    risk = answer.risk
    lang = ctx.lang
    parts = []
    if risk.severity:
        level = value_label("level", str(risk.severity), lang)
        parts.append(f"{ctx.t('severity').lower()} {risk.severity} ({level})")
    if risk.likelihood:
        level = value_label("level", str(risk.likelihood), lang)
        parts.append(f"{ctx.t('likelihood').lower()} {risk.likelihood} ({level})")
    if risk.involvement:
        parts.append(value_label("involvement", risk.involvement, lang))
    return " · ".join(parts)
