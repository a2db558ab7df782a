"""The adviser's review as a PDF: verdict, item assessments and agreed actions, report style."""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Mapping
from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, NextPageTemplate, Paragraph, Spacer

from ddcheck import __version__
from ddcheck.domain.formatting import format_date, format_number
from ddcheck.domain.numbering import number_templates
from ddcheck.domain.scoring import summarize
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language
from ddcheck.domain.visible import visible_controls
from ddcheck.domain.vocabulary import Entry, catalog_entry, words_for
from ddcheck.report.appendix import cell_room, chunked_tables, spread_rows
from ddcheck.report.labels import value_label
from ddcheck.report.para import Para
from ddcheck.report.styles import Styles, make_styles, register_fonts
from ddcheck.report.template import PageFurniture, ReportDocTemplate, mark_outline
from ddcheck.report.text_safety import TextSafety
from ddcheck.report.user_paragraphs import UserParagraphs

if TYPE_CHECKING:
    from ddcheck.domain.received import ReceivedDossier, ReviewFile

_WORDS: dict[str, Entry] = {  # Dutch in resources/i18n/nl.po
    "review_title": catalog_entry("review report", "Review of an IMVO dossier"),
    "company": catalog_entry("review report", "Company"),
    "mission": catalog_entry("review report", "Mission"),
    "reviewer": catalog_entry("review report", "Reviewer"),
    "reviewed_on": catalog_entry("review report", "Reviewed on"),
    "revision": catalog_entry("review report", "Revision reviewed"),
    "fingerprint": catalog_entry("review report", "Fingerprint of that revision (SHA-256)"),
    "verdict": catalog_entry("review report", "Verdict"),
    "no_verdict": catalog_entry("review report", "Not reviewed yet"),
    "items": catalog_entry("review report", "Assessment per item"),
    "no_items": catalog_entry("review report", "No items assessed."),
    "item": catalog_entry("review report", "Item"),
    "answer": catalog_entry("review report", "Company's answer"),
    "assessment": catalog_entry("review report", "Assessment"),
    "comment": catalog_entry("review report", "Comment"),
    "withheld": catalog_entry("review report", "(confidential, not shared)"),
    "unknown_item": catalog_entry("review report", "(item of an unknown checklist)"),
    "actions": catalog_entry("review report", "Agreed improvement actions"),
    "no_actions": catalog_entry("review report", "No improvement actions agreed."),
    "action": catalog_entry("review report", "Action"),
    "owner": catalog_entry("review report", "Owner"),
    "due": catalog_entry("review report", "Due"),
    "priority": catalog_entry("review report", "Priority"),
    "footer": catalog_entry("review report", "Review — adviser"),
    "page_of": catalog_entry("review report", "Page {n} of "),
    "overview_title": catalog_entry("review report", "Mission overview"),
    "all_missions": catalog_entry("review report", "all missions"),
    "generated_on": catalog_entry("review report", "Generated on"),
    "completion": catalog_entry("review report", "Completed"),
    "answered_of": catalog_entry("review report", "Answered"),
    "of": catalog_entry("review report", "{n} of {total}"),
    "required_open": catalog_entry("review report", "Required open"),
    "red_flags": catalog_entry("review report", "Red flags"),
    "flag_notes": catalog_entry("review report", "Red flags: what they mean for the mission"),
    "flag_notes_intro": catalog_entry(
        "review report",
        "For each red flag in the dossier: what it means for the mission decision and what you "
        "might agree with the company. This is ddcheck's advice, not a policy rule.",
    ),
    "adviser_note": catalog_entry("review report", "For the adviser"),
    "open_high": catalog_entry("review report", "Open actions (high)"),
    "withheld_col": catalog_entry("review report", "Withheld"),
    "no_dossiers": catalog_entry("review report", "No received dossiers."),
    "overview_footer": catalog_entry("review report", "Mission overview — adviser"),
    "participants": catalog_entry("review report", "Participants"),
    "expected_received_missing": catalog_entry(
        "review report", "{expected} expected, {received} received, {missing} missing"
    ),
    "deadline_in": catalog_entry("review report", "Deadline {date}: {n} days left"),
    "deadline_passed": catalog_entry("review report", "Deadline {date} has passed"),
    "missing_title": catalog_entry("review report", "Not received yet"),
    "kvk": catalog_entry("review report", "KvK number"),
    "not_listed": catalog_entry("review report", "not on the participants list"),
}

ITEM_WIDTHS = [54 * mm, 36 * mm, 22 * mm, 58 * mm]  # the adviser's comment gets the room
ACTION_WIDTHS = [9 * mm, 96 * mm, 25 * mm, 20 * mm, 20 * mm]


def word(key: str, lang: Language) -> str:
    """Return one of this module's words in `lang`."""
    return words_for(lang).entry(_WORDS[key])


def day(value: dt.date | dt.datetime | None, lang: Language) -> str:
    """Return a date as the report writes it."""
    return format_date(value, lang)


class Writer:
    """Styles and escaping for the adviser's documents (user text is never markup)."""

    def __init__(self) -> None:
        self.safety = TextSafety(register_fonts())
        self.styles: Styles = make_styles()
        self._paragraphs = UserParagraphs(self.styles, self.safety)

    def para(self, text: object, style: str, width: float | None = None) -> Paragraph:
        """Return user text as a paragraph, escaped (`width`: a table column's, for RTL text)."""
        room = None if width is None else cell_room(width)
        return self._paragraphs.make(self.shown(text), style, width=room)

    def paras(self, text: object, style: str, width: float | None = None) -> list[Paragraph]:
        """Return long user text as several paragraphs (layout stays linear in its lines)."""
        room = None if width is None else cell_room(width)
        return self._paragraphs.blocks(self.shown(text), style, width=room)

    def shown(self, text: object) -> str:
        """Return received text with bidi overrides and zero-width characters made visible."""
        return visible_controls("" if text is None else str(text))

    def head(self, texts: list[str]) -> list[object]:
        """Return a table header row."""
        return [Para(self.safety.line(t), self.styles.cell_head) for t in texts]


def render_document(
    story: list[Flowable], furniture: PageFurniture, lang: Language, title: str
) -> bytes:
    """Lay out a story with the report's page templates and return the PDF bytes."""
    buffer = io.BytesIO()
    doc = ReportDocTemplate(
        buffer,
        furniture,
        title=title,
        creator=f"ddcheck {__version__}",
        lang="nl-NL" if lang == "nl" else "en-GB",
    )
    doc.render([NextPageTemplate("body"), *story])
    return buffer.getvalue()


def render_review_pdf(
    received: ReceivedDossier,
    review_file: ReviewFile,
    templates: Mapping[str, Template],
    lang: Language,
) -> bytes:
    """Return the PDF of an adviser's review of a received dossier."""
    w = Writer()
    review = review_file.review
    dossier = received.dossier
    title = word("review_title", lang)
    story: list[Flowable] = [
        Spacer(1, 10 * mm),
        mark_outline(w.para(title, "cover_title"), title, 0),
        w.para(f"{dossier.company.name} — {dossier.mission.name}", "cover_subtitle"),
        Spacer(1, 4 * mm),
    ]
    reviewer = ", ".join(p for p in (review.reviewer, review.organisation) if p)
    facts = [
        (word("reviewer", lang), reviewer or "—"),
        (word("reviewed_on", lang), day(review.reviewed_at, lang)),
        (word("revision", lang), format_number(received.revision.number, lang)),
        (word("fingerprint", lang), review_file.reviewed_fingerprint),
    ]
    for name, value in facts:
        story += [w.para(name, "cover_label"), w.para(value, "cover_value")]
    verdict = value_label("verdict", review.verdict, lang) or word("no_verdict", lang)
    story += [
        mark_outline(w.para(word("verdict", lang), "h2"), word("verdict", lang), 0),
        w.para(verdict, "banner"),
    ]
    if review.verdict_note:
        story += w.paras(review.verdict_note, "body")
    story += _red_flag_notes_part(w, received, templates, lang)
    story += _items_part(w, received, review_file, templates, lang)
    story += _actions_part(w, review_file, lang, _numbers(received, templates))
    furniture = PageFurniture(
        header_left=w.safety.plain(w.shown(" ".join(dossier.company.name.split()))),
        header_right=w.safety.plain(w.shown(" ".join(dossier.mission.name.split()))),
        footer_label=word("footer", lang),
        footer_date=day(review_file.generated_at, lang),
        page_of=word("page_of", lang),
    )
    return render_document(story, furniture, lang, w.safety.plain(f"{title}: {dossier.title}"))


def _numbers(received: ReceivedDossier, templates: Mapping[str, Template]) -> dict[str, str]:
    """Return the item numbers the company's report printed ("1.6.2"), by item key."""
    used = [templates[u.id] for u in received.dossier.templates if u.id in templates]
    return number_templates(used).items


def _heading(numbers: Mapping[str, str], question: str, key: str) -> str:
    """Return an item as people read it: its number and question (never its internal key)."""
    number = numbers.get(key, "")
    return f"{number}\u00a0\u00a0{question}" if number and question else question or number


def _question(templates: Mapping[str, Template], key: str, lang: Language) -> str:
    template_id, _, item_id = key.partition("/")
    template = templates.get(template_id)
    item = template.item(item_id) if template else None
    return item.question.get(lang) if item else ""


def _red_flag_notes_part(
    w: Writer, received: ReceivedDossier, templates: Mapping[str, Template], lang: Language
) -> list[Flowable]:
    """Return the adviser notes of the dossier's red flags (withheld answers are not shown)."""
    withheld = set(received.withheld_items)
    flags = [
        f
        for f in summarize(received.dossier, templates).red_flags
        if f.key not in withheld and f.entry.template.adviser_note_of(f.entry.item) is not None
    ]
    if not flags:
        return []
    heading = word("flag_notes", lang)
    story: list[Flowable] = [
        mark_outline(w.para(heading, "h2"), heading, 0),
        w.para(word("flag_notes_intro", lang), "muted"),
    ]
    numbers = _numbers(received, templates)
    for flag in flags:
        note = flag.entry.template.adviser_note_of(flag.entry.item)
        assert note is not None
        answer = received.rendered_answers.get(flag.key, "")
        question = _heading(numbers, flag.entry.item.question.get(lang), flag.key)
        story += [
            w.para(question, "question"),
            w.para(f"{word('answer', lang)}: {answer or '–'}", "detail"),
            w.para(f"{word('adviser_note', lang)}: {note.get(lang)}", "body"),
        ]
    return story


def _items_part(
    w: Writer,
    received: ReceivedDossier,
    review_file: ReviewFile,
    templates: Mapping[str, Template],
    lang: Language,
) -> list[Flowable]:
    heading = word("items", lang)
    story: list[Flowable] = [mark_outline(w.para(heading, "h2"), heading, 0)]
    items = review_file.review.items
    if not items:
        return [*story, w.para(word("no_items", lang), "muted")]
    withheld = set(received.withheld_items)
    numbers = _numbers(received, templates)
    rows: list[list[object]] = []
    for entry in items:
        question = _heading(numbers, _question(templates, entry.key, lang), entry.key)
        answer = received.rendered_answers.get(entry.key, "")
        if entry.key in withheld:
            answer = word("withheld", lang)
        row: list[object] = [
            w.para(question or word("unknown_item", lang), "cell_bold", ITEM_WIDTHS[0]),
            "",
            value_label("assessment", entry.assessment, lang),
            "",
        ]
        rows += spread_rows(
            row,
            {
                1: list(w.paras(answer, "cell", ITEM_WIDTHS[1])),
                3: list(w.paras(entry.comment, "cell", ITEM_WIDTHS[3])),
            },
        )
    head = w.head(
        [
            word("item", lang),
            word("answer", lang),
            word("assessment", lang),
            word("comment", lang),
        ]
    )
    return story + chunked_tables(head, rows, ITEM_WIDTHS)


def _actions_part(
    w: Writer, review_file: ReviewFile, lang: Language, numbers: Mapping[str, str]
) -> list[Flowable]:
    heading = word("actions", lang)
    story: list[Flowable] = [
        Spacer(1, 4 * mm),
        mark_outline(w.para(heading, "h2"), heading, 0),
    ]
    actions = review_file.review.agreed_actions
    if not actions:
        return [*story, w.para(word("no_actions", lang), "muted")]
    rows: list[list[object]] = []
    for number, action in enumerate(actions, start=1):
        text = action.action
        shown = [numbers[key] for key in action.item_keys if key in numbers]
        if shown:
            text += f"\n({word('item', lang).lower()} {', '.join(shown)})"
        row: list[object] = [
            str(number),
            "",
            w.para(action.owner, "cell", ACTION_WIDTHS[2]),
            day(action.due, lang),
            value_label("priority", action.priority, lang),
        ]
        rows += spread_rows(row, {1: list(w.paras(text, "cell", ACTION_WIDTHS[1]))})
    head = w.head(
        ["#", word("action", lang), word("owner", lang), word("due", lang), word("priority", lang)]
    )
    return story + chunked_tables(head, rows, ACTION_WIDTHS)
