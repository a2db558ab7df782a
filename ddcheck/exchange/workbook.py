"""A dossier as sheets (cover, one per checklist, action plan), with the audience rules applied."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import Answer, Dossier
from ddcheck.domain.formatting import country_name, format_date
from ddcheck.domain.numbering import Numbering, dossier_numbering
from ddcheck.domain.redaction import Redaction
from ddcheck.domain.scoring import chosen_options, is_red_flag, summarize
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import Entry, catalog_entry, words_for

Cell = str | int | float | None

_WORDS: dict[str, Entry] = {  # Dutch in resources/i18n/nl.po
    "cover": catalog_entry("workbook", "Cover"),
    "actions": catalog_entry("workbook", "Action plan"),
    "company": catalog_entry("workbook", "Company"),
    "kvk": catalog_entry("workbook", "KvK number"),
    "mission": catalog_entry("workbook", "Mission"),
    "destinations": catalog_entry("workbook", "Destinations"),
    "dates": catalog_entry("workbook", "Dates"),
    "audience": catalog_entry("workbook", "Audience"),
    "adviser": catalog_entry("workbook", "Adviser (confidential items withheld)"),
    "internal": catalog_entry("workbook", "Internal (everything)"),
    "answered": catalog_entry("workbook", "Answered / applicable"),
    "required_open": catalog_entry("workbook", "Required questions unanswered"),
    "red_flags": catalog_entry("workbook", "Red flags"),
    "open_actions": catalog_entry("workbook", "Open actions"),
    "withheld": catalog_entry("workbook", "Withheld items"),
    "dossier_id": catalog_entry("workbook", "Dossier id"),
    "no": catalog_entry("workbook", "No."),
    "item": catalog_entry("workbook", "Item id"),
    "section": catalog_entry("workbook", "Section"),
    "question": catalog_entry("workbook", "Question"),
    "answer": catalog_entry("workbook", "Answer"),
    "note": catalog_entry("workbook", "Note"),
    "risk": catalog_entry("workbook", "Risk"),
    "evidence": catalog_entry("workbook", "Evidence"),
    "red_flag": catalog_entry("workbook", "Red flag"),
    "confidential": catalog_entry("workbook", "Confidential"),
    "withheld_answer": catalog_entry("workbook", "(confidential, withheld)"),
    "yes": catalog_entry("workbook", "yes"),
    "action": catalog_entry("workbook", "Action"),
    "items": catalog_entry("workbook", "Items"),
    "gap": catalog_entry("workbook", "Gap"),
    "deliverable": catalog_entry("workbook", "Deliverable"),
    "owner": catalog_entry("workbook", "Owner"),
    "start": catalog_entry("workbook", "Start"),
    "due": catalog_entry("workbook", "Due"),
    "priority": catalog_entry("workbook", "Priority"),
    "status": catalog_entry("workbook", "Status"),
    "register": catalog_entry("workbook", "Evidence register"),
    "name": catalog_entry("workbook", "Name"),
    "kept": catalog_entry("workbook", "Kept"),
    "copy": catalog_entry("workbook", "copy in ddcheck"),
    "link": catalog_entry("workbook", "link or path (not copied)"),
    "location": catalog_entry("workbook", "Location"),
    "dated": catalog_entry("workbook", "Document date"),
    "valid_until": catalog_entry("workbook", "Valid until"),
    "supports": catalog_entry("workbook", "Supports question"),
    "severity": catalog_entry("workbook", "severity"),
    "likelihood": catalog_entry("workbook", "likelihood"),
}


def word(key: str, lang: Language) -> str:
    """Return a column or row heading in `lang`."""
    return words_for(lang).entry(_WORDS[key])


@dataclass
class Sheet:
    """One sheet: a title and rows of plain cell values (the first row of a table is its header)."""

    title: str
    rows: list[list[Cell]] = field(default_factory=list)


def answer_value(entry: ItemApplicability, answer: Answer | None, lang: Language) -> Cell:
    """Return an answer as one cell: option labels, a number, or the text or date as written."""
    if answer is None or not answer.is_answered:
        return None
    options = chosen_options(entry, answer)
    if options:
        return ", ".join(o.label.get(lang) for o in options)  # type: ignore[arg-type]
    value = answer.value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, int | float) and not isinstance(value, bool):
        return value
    return str(value)


def _risk(answer: Answer | None, lang: Language) -> str:
    if answer is None or answer.risk.is_empty:
        return ""
    risk = answer.risk
    parts = []
    if risk.severity is not None:
        parts.append(f"{word('severity', lang)} {risk.severity}")
    if risk.likelihood is not None:
        parts.append(f"{word('likelihood', lang)} {risk.likelihood}")
    if risk.involvement:
        parts.append(risk.involvement)
    return ", ".join(parts)


def section_heading(numbering: Numbering, entry: ItemApplicability, lang: Language) -> str:
    """Return an item's section as the PDF heads it: "1.6 Remediation"."""
    number = numbering.sections.get((entry.template.id, entry.section.id), "")
    title = numbering.section_title(entry.template, entry.section, lang)
    return f"{number} {title}".strip()


def sheet_title(text: str, taken: set[str]) -> str:
    """Return a sheet title valid in Excel (31 characters, no []:*?/\\), unique among `taken`."""
    clean = "".join(" " if c in "[]:*?/\\'" else c for c in text).strip() or "Sheet"
    title, n = clean[:31], 2
    while title.casefold() in taken:
        suffix = f" ({n})"
        title, n = clean[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.casefold())
    return title


def dossier_workbook(redaction: Redaction, lang: Language) -> list[Sheet]:
    """Return the sheets of a dossier as `redaction`'s audience may see it."""
    snapshot = redaction.snapshot
    dossier = snapshot.dossier
    summary = summarize(dossier, snapshot.templates)
    shown = [e for e in summary.entries if _shown(redaction, e.key)]
    answers = summary.answers
    evidence_names = {e.id: e.name for e in dossier.evidence}
    taken: set[str] = set()
    cover = Sheet(sheet_title(word("cover", lang), taken))
    sheets = [cover]
    numbering = dossier_numbering(dossier, snapshot.templates)
    numbers: dict[str, str] = {}
    by_template: dict[str, list[ItemApplicability]] = {}
    for entry in shown:
        by_template.setdefault(entry.template.id, []).append(entry)
    for entries in by_template.values():
        template = entries[0].template
        sheet = Sheet(sheet_title(template.title.get(lang), taken))  # type: ignore[arg-type]
        header = ["no", "item", "section", "question", "answer", "note", "risk", "evidence"]
        header += ["red_flag"] + (["confidential"] if redaction.audience == "internal" else [])
        sheet.rows.append([word(h, lang) for h in header])
        for entry in entries:
            number = numbering.items.get(entry.key, "")
            numbers[entry.key] = number
            answer = answers.get(entry.key)
            row: list[Cell] = [
                number,
                entry.item.id,
                section_heading(numbering, entry, lang),
                entry.item.question.get(lang),  # type: ignore[arg-type]
            ]
            if redaction.is_withheld(entry.key):
                row += [word("withheld_answer", lang), "", "", "", ""]
            else:
                names = [
                    evidence_names[i]
                    for i in (answer.evidence_ids if answer else ())
                    if i in evidence_names
                ]
                row += [
                    answer_value(entry, answer, lang),
                    answer.note if answer else "",
                    _risk(answer, lang),
                    "; ".join(names),
                    word("yes", lang) if is_red_flag(entry, answer) else "",
                ]
            if redaction.audience == "internal":
                row.append(word("yes", lang) if answer and answer.confidential else "")
            sheet.rows.append(row)
        sheets.append(sheet)
    counted = [e for e in shown if not redaction.is_withheld(e.key)]
    cover.rows = _cover_rows(redaction, counted, answers, lang)
    sheets.append(_actions_sheet(dossier, numbers, lang, taken))
    questions = {e.key: e.item.question.get(lang) for e in shown}  # type: ignore[misc]
    sheets.append(_evidence_sheet(dossier, numbers, questions, lang, taken))
    return sheets


def _evidence_sheet(
    dossier: Dossier,
    numbers: Mapping[str, str],
    questions: Mapping[str, str],
    lang: Language,
    taken: set[str],
) -> Sheet:
    """Return the evidence register: each item, where it is kept, its dates, what it supports."""
    sheet = Sheet(sheet_title(word("register", lang), taken))
    header = ["name", "kept", "location", "dated", "valid_until", "supports", "note"]
    sheet.rows.append([word(h, lang) for h in header])
    supports: dict[str, list[str]] = {}
    for answer in sorted(dossier.answers, key=lambda a: _number_key(numbers.get(a.key, ""))):
        for evidence_id in answer.evidence_ids:
            if answer.key in numbers:
                short = _short(questions.get(answer.key, ""))
                supports.setdefault(evidence_id, []).append(f"{numbers[answer.key]} {short}")
    for evidence in dossier.evidence:
        sheet.rows.append(
            [
                evidence.name,
                word("link" if evidence.is_link else "copy", lang),
                evidence.location,
                format_date(evidence.dated, lang),
                format_date(evidence.valid_until, lang),
                "\n".join(supports.get(evidence.id, [])),
                evidence.note,
            ]
        )
    return sheet


def _number_key(number: str) -> tuple[int, ...]:
    return tuple(int(p) if p.isdigit() else 0 for p in number.split("."))


def _short(text: str, limit: int = 80) -> str:
    """Return a question shortened to `limit` characters on a word boundary."""
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


def _shown(redaction: Redaction, key: str) -> bool:
    """An item shows unless withheld as a dependent; a confidential one shows as a bare stub."""
    return not redaction.is_withheld(key) or redaction.is_confidential(key)


def _cover_rows(
    redaction: Redaction,
    entries: list[ItemApplicability],
    answers: Mapping[str, Answer],
    lang: Language,
) -> list[list[Cell]]:
    dossier = redaction.snapshot.dossier
    mission = dossier.mission
    answered = sum(1 for e in entries if (a := answers.get(e.key)) is not None and a.is_answered)
    required_open = sum(
        1 for e in entries if e.item.required and not ((a := answers.get(e.key)) and a.is_answered)
    )
    red_flags = sum(1 for e in entries if is_red_flag(e, answers.get(e.key)))
    open_actions = sum(1 for a in dossier.actions if a.is_open)
    dates = " – ".join(format_date(d, lang) for d in (mission.start, mission.end) if d)
    rows: list[list[Cell]] = [
        [word("company", lang), dossier.company.name],
        [word("kvk", lang), dossier.company.kvk_number],
        [word("mission", lang), mission.name],
        [
            word("destinations", lang),
            ", ".join(country_name(c, lang) for c in mission.destinations),
        ],
        [word("dates", lang), dates],
        [word("audience", lang), word(redaction.audience, lang)],
        [word("answered", lang), f"{answered} / {len(entries)}"],
        [word("required_open", lang), required_open],
        [word("red_flags", lang), red_flags],
        [word("open_actions", lang), open_actions],
    ]
    if redaction.audience == "adviser":
        rows.append([word("withheld", lang), len(redaction.withheld_items)])
    rows.append([word("dossier_id", lang), dossier.id])
    return rows


def _actions_sheet(
    dossier: Dossier, numbers: dict[str, str], lang: Language, taken: set[str]
) -> Sheet:
    sheet = Sheet(sheet_title(word("actions", lang), taken))
    header = [
        "action",
        "items",
        "gap",
        "deliverable",
        "owner",
        "start",
        "due",
        "priority",
        "status",
    ]
    sheet.rows.append([word(h, lang) for h in header])
    for action in dossier.actions:
        sheet.rows.append(
            [
                action.action,
                ", ".join(numbers.get(k, k) for k in action.item_keys),
                action.gap,
                action.deliverable,
                action.owner,
                format_date(action.start, lang),
                format_date(action.due, lang),
                action.priority,
                action.status,
            ]
        )
    return sheet
