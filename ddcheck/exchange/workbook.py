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

Cell = str | int | float | None

_WORDS: dict[str, tuple[str, str]] = {
    "cover": ("Voorblad", "Cover"),
    "actions": ("Actieplan", "Action plan"),
    "company": ("Bedrijf", "Company"),
    "kvk": ("KvK-nummer", "KvK number"),
    "mission": ("Missie", "Mission"),
    "destinations": ("Bestemmingen", "Destinations"),
    "dates": ("Data", "Dates"),
    "audience": ("Voor", "Audience"),
    "adviser": (
        "Adviseur (vertrouwelijke vragen weggelaten)",
        "Adviser (confidential items withheld)",
    ),
    "internal": ("Intern (alles)", "Internal (everything)"),
    "answered": ("Beantwoord / van toepassing", "Answered / applicable"),
    "required_open": ("Verplichte vragen open", "Required questions unanswered"),
    "red_flags": ("Rode vlaggen", "Red flags"),
    "open_actions": ("Open acties", "Open actions"),
    "withheld": ("Weggelaten vragen", "Withheld items"),
    "dossier_id": ("Dossier-id", "Dossier id"),
    "no": ("Nr.", "No."),
    "item": ("Vraag-id", "Item id"),
    "section": ("Onderdeel", "Section"),
    "question": ("Vraag", "Question"),
    "answer": ("Antwoord", "Answer"),
    "note": ("Toelichting", "Note"),
    "risk": ("Risico", "Risk"),
    "evidence": ("Bewijsstukken", "Evidence"),
    "red_flag": ("Rode vlag", "Red flag"),
    "confidential": ("Vertrouwelijk", "Confidential"),
    "withheld_answer": ("(vertrouwelijk, weggelaten)", "(confidential, withheld)"),
    "yes": ("ja", "yes"),
    "action": ("Actie", "Action"),
    "items": ("Vragen", "Items"),
    "gap": ("Tekortkoming", "Gap"),
    "deliverable": ("Resultaat", "Deliverable"),
    "owner": ("Eigenaar", "Owner"),
    "start": ("Start", "Start"),
    "due": ("Uiterlijk", "Due"),
    "priority": ("Prioriteit", "Priority"),
    "status": ("Status", "Status"),
    "register": ("Bewijsstukken", "Evidence register"),
    "name": ("Naam", "Name"),
    "kept": ("Bewaard", "Kept"),
    "copy": ("kopie in ddcheck", "copy in ddcheck"),
    "link": ("link of pad (niet gekopieerd)", "link or path (not copied)"),
    "location": ("Locatie", "Location"),
    "dated": ("Documentdatum", "Document date"),
    "valid_until": ("Geldig tot", "Valid until"),
    "supports": ("Onderbouwt vraag", "Supports question"),
    "severity": ("ernst", "severity"),
    "likelihood": ("kans", "likelihood"),
}


def word(key: str, lang: Language) -> str:
    """Return a column or row heading in `lang`."""
    nl, en = _WORDS[key]
    return nl if lang == "nl" else en


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
    open_actions = sum(1 for a in dossier.actions if a.status in ("open", "in_progress"))
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
