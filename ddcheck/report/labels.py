"""The report's own words: English source text marked for the one catalog (Qt-free).

The Dutch lives in resources/i18n/nl.po like every other word of ddcheck, under the contexts
"report" (and "report: company size" / "report: file size", "report count" for nouns).
"""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.formatting import format_partial_date
from ddcheck.domain.sources import DatePrecision
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import Entry, catalog_entry, catalog_plural, words_for

_LABELS: dict[str, Entry] = {
    # cover and page furniture
    "report_title": catalog_entry("report", "IMVO due diligence dossier"),
    "company": catalog_entry("report", "Company"),
    "kvk": catalog_entry("report", "Chamber of Commerce no."),
    "sector": catalog_entry("report", "Sector"),
    "size": catalog_entry("report: company size", "Size"),
    "contact": catalog_entry("report", "Contact"),
    "mission": catalog_entry("report", "Mission"),
    "destinations": catalog_entry("report", "Destinations"),
    "dates": catalog_entry("report", "Dates"),
    "organiser": catalog_entry("report", "Organiser"),
    "activities": catalog_entry("report", "Activities"),
    "eci": catalog_entry("report", "Export credit insurance"),
    "eci_yes": catalog_entry("report", "applied for"),
    "eci_no": catalog_entry("report", "not applied for"),
    "checklists": catalog_entry("report", "Checklists"),
    "version": catalog_entry("report", "version"),
    "generated_on": catalog_entry("report", "Generated on"),
    "app_version": catalog_entry("report", "ddcheck version"),
    "fingerprint": catalog_entry("report", "Fingerprint of the embedded data (SHA-256)"),
    "fingerprint_note": catalog_entry(
        "report",
        "This PDF also carries the dossier as an attached JSON file. Run ‘ddcheck verify’ to "
        "check that the report and its data match.",
    ),
    "fingerprint_short": catalog_entry("report", "Fingerprint"),
    "fingerprint_see_about": catalog_entry(
        "report",
        "What this fingerprint proves and how to check it: see ‘About this document’ at the end.",
    ),
    "draft_mark": catalog_entry("report", "DRAFT — INCOMPLETE"),
    "answered_of": catalog_entry("report", "{answered} of {applicable} questions answered"),
    "status_draft": catalog_entry("report", "Draft — incomplete: {reasons}."),
    "status_not_ready": catalog_entry("report", "Not ready for review: {reasons}."),
    "status_attention": catalog_entry(
        "report", "Ready for review, with points of attention: {reasons}."
    ),
    "status_ready": catalog_entry(
        "report",
        "Ready for review: every required question is answered and every red flag has an action.",
    ),
    "tile_answered": catalog_entry("report", "answered: {answered} of {applicable} questions"),
    "tile_red_flags": catalog_entry("report", "red flags, {open} without an action"),
    "tile_open_high": catalog_entry("report", "open high-priority actions (besides {others})"),
    "tile_no_owner": catalog_entry(
        "report", "open actions without an owner; {due} without a due date"
    ),
    "worst_flag": catalog_entry("report", "Most serious red flag"),
    "unknown_checklist": catalog_entry("report", "unknown checklist"),
    "about": catalog_entry("report", "About this document"),
    "about_data": catalog_entry(
        "report",
        "This PDF also carries the dossier as a machine-readable JSON attachment "
        "(ddcheck-dossier.json). The fingerprint below is the SHA-256 of that attachment; it is "
        "also on page 1 and in the document properties.",
    ),
    "about_verify": catalog_entry(
        "report",
        "Run ‘ddcheck verify’ to check that the pages, the fingerprint and the attachment "
        "belong together. An adviser can import the file into ddcheck and read and review the "
        "dossier there.",
    ),
    "about_withheld": catalog_entry(
        "report",
        "Questions the company marked confidential are not in this version, nor in the "
        "attachment; they are only listed as withheld.",
    ),
    "about_draft": catalog_entry(
        "report", "Fewer than half of the questions are answered: this report is marked as a draft."
    ),
    "audience": catalog_entry("report", "Version"),
    "audience_adviser": catalog_entry("report", "for the RVO adviser"),
    "cover_withheld": catalog_entry("report", "{questions} withheld (see the redaction summary)"),
    "audience_internal": catalog_entry("report", "internal — complete"),
    "page_of": catalog_entry("report", "Page {n} of "),
    "label_adviser": catalog_entry("report", "Confidential — for the RVO adviser"),
    "label_internal": catalog_entry("report", "INTERNAL — contains confidential items"),
    "subject": catalog_entry("report", "IMVO due diligence for a trade mission"),
    # summary
    "summary": catalog_entry("report", "Summary"),
    "completion": catalog_entry("report", "Completion per checklist"),
    "answered": catalog_entry("report", "Answered"),
    "applicable": catalog_entry("report", "Applicable"),
    "withheld_col": catalog_entry("report", "Withheld"),
    "overall": catalog_entry("report", "Overall"),
    "score_oecd": catalog_entry("report", "Score per OECD step"),
    "score_ifc": catalog_entry("report", "Score per IFC Performance Standard"),
    "score_note": catalog_entry(
        "report",
        "Average score of the answered questions (0–100 %); ‘not applicable’ is not counted.",
    ),
    "no_scores": catalog_entry("report", "No scores yet."),
    "heatmap": catalog_entry("report", "Risks: severity × likelihood"),
    "heatmap_note": catalog_entry(
        "report", "Number of rated questions per cell. Darker means more serious."
    ),
    "severity": catalog_entry("report", "Severity"),
    "involvement": catalog_entry("report", "How the company is involved"),
    "likelihood": catalog_entry("report", "Likelihood"),
    "red_flags": catalog_entry("report", "Red flags"),
    "no_red_flags": catalog_entry("report", "No red flags."),
    "open_high": catalog_entry("report", "Open high-priority actions"),
    "no_open_high": catalog_entry("report", "No open high-priority actions."),
    "gate": catalog_entry("report", "Export check findings"),
    "gate_none": catalog_entry("report", "No findings."),
    "gate_counts": catalog_entry(
        "report",
        "{block} blocking, {unanswered} required questions open, {actions} actions incomplete.",
    ),
    "gate_unanswered_note": catalog_entry("report", "marked NOT ANSWERED in the answers part."),
    "kind_red_flag_without_action": catalog_entry("report", "Red flag without an action"),
    "kind_justification_missing": catalog_entry("report", "Justification missing"),
    "kind_unanswered_required": catalog_entry("report", "Required questions not answered yet"),
    "kind_action_incomplete": catalog_entry(
        "report", "Open actions without an owner or a due date"
    ),
    "no_owner": catalog_entry("report", "no owner"),
    "no_due": catalog_entry("report", "no due date"),
    "and_more_esap": catalog_entry("report", "… and {count} more (see the action plan)"),
    "valid_until": catalog_entry("report", "valid until"),
    "gate_unanswered": catalog_entry(
        "report", "Required questions not answered yet: {count} (marked NOT ANSWERED below)."
    ),
    "and_more": catalog_entry("report", "… and {count} more"),
    "gate_block": catalog_entry("report", "blocking"),
    "gate_warn": catalog_entry("report", "warning"),
    # items
    "answers": catalog_entry("report", "Answers per checklist"),
    "answer": catalog_entry("report", "Answer"),
    "unanswered": catalog_entry("report", "NOT ANSWERED"),
    "note": catalog_entry("report", "Note"),
    "risk": catalog_entry("report", "Risk"),
    "evidence": catalog_entry("report", "Evidence"),
    "actions": catalog_entry("report", "Actions"),
    "review": catalog_entry("report", "Review"),
    "withheld": catalog_entry("report", "Withheld by the company"),
    "confidential": catalog_entry("report", "CONFIDENTIAL"),
    "marked_review": catalog_entry("report", "marked for discussion"),
    "reconfirm": catalog_entry("report", "to be reconfirmed: the question changed"),
    "red_flag": catalog_entry("report", "RED FLAG"),
    "gap": catalog_entry("report", "gap"),
    "sources_ref": catalog_entry("report", "Source"),
    # redaction
    "redaction": catalog_entry("report", "Redaction summary"),
    "redaction_intro": catalog_entry(
        "report",
        "The company marked questions confidential. Their answer, note and risk are not in this "
        "version, nor are the questions that only apply depending on such an answer (whatever "
        "the answer was), nor any evidence file or action linked to any of these questions.",
    ),
    "redaction_counts": catalog_entry("report", "Withheld: {items}."),
    "redaction_dependent": catalog_entry("report", "follows from a withheld answer"),
    "internal_banner": catalog_entry(
        "report", "Internal version: includes the items marked confidential. Do not share."
    ),
    # action plan
    "esap": catalog_entry("report", "Action plan (ESAP)"),
    "esap_none": catalog_entry("report", "There are no actions."),
    "col_no": catalog_entry("report", "No."),
    "col_action": catalog_entry("report", "Action to take"),
    "col_item": catalog_entry("report", "From question"),
    "esap_intro": catalog_entry(
        "report",
        "Sorted by priority, then by due date. The third column names the question and answer "
        "an action comes from.",
    ),
    "unknown_item": catalog_entry("report", "question not in this checklist version"),
    "col_standard": catalog_entry("report", "Standard"),
    "col_deliverable": catalog_entry("report", "Deliverable"),
    "col_owner": catalog_entry("report", "Owner"),
    "col_due": catalog_entry("report", "Due"),
    "col_priority": catalog_entry("report", "Prio"),
    "col_status": catalog_entry("report", "Status"),
    "budget": catalog_entry("report", "Budget"),
    "completion_evidence": catalog_entry("report", "Evidence of completion"),
    "progress_note": catalog_entry("report", "Progress"),
    "agreed": catalog_entry("report", "agreed with the adviser"),
    "gap_note": catalog_entry("report", "Gap"),
    "overdue": catalog_entry("report", "overdue"),
    # evidence register
    "register": catalog_entry("report", "Evidence register"),
    "register_none": catalog_entry("report", "There is no evidence."),
    "register_intro": catalog_entry(
        "report",
        "A copy is kept in the dossier, with its size and SHA-256 fingerprint. A link or path "
        "points to a document the company keeps itself: ddcheck has neither copied nor opened "
        "it. Marked in red: no longer valid on the mission date.",
    ),
    "col_name": catalog_entry("report", "Name"),
    "col_kept": catalog_entry("report", "Copy or location"),
    "col_dated": catalog_entry("report", "Document date"),
    "col_valid_until": catalog_entry("report", "Valid until"),
    "col_supports": catalog_entry("report", "Supports the questions"),
    "kept_copy": catalog_entry("report", "Copy in the dossier, {size}"),
    "kept_link": catalog_entry("report", "Link or path (not copied):"),
    "expired_by_mission": catalog_entry("report", "expired by the mission date {day}"),
    "link_short": catalog_entry("report", "link or path, see the evidence register"),
    "supports_none": catalog_entry("report", "linked to no question"),
    # sources and glossary
    "sources": catalog_entry("report", "Sources"),
    "sources_intro": catalog_entry(
        "report",
        "The letters and frameworks the questions in this dossier refer to, with the letters’ "
        "expectations. Each question cites a source by its number in brackets, such as [1].",
    ),
    "expectations": catalog_entry("report", "Expectations"),
    "advice": catalog_entry("report", "Advice (ddcheck, not the letter)"),
    "adviser_note": catalog_entry("report", "For the adviser"),
    "briefing_sources": catalog_entry("report", "Sources of the country briefings"),
    "sources_unknown": catalog_entry("report", "Not in the source register"),
    "glossary": catalog_entry("report", "Glossary"),
    "reviews": catalog_entry("report", "Adviser reviews"),
    "verdict": catalog_entry("report", "Verdict"),
}

_VALUES: dict[str, dict[str, Entry]] = {
    "priority": {
        "high": catalog_entry("report", "high"),
        "medium": catalog_entry("report", "medium"),
        "low": catalog_entry("report", "low"),
    },
    "status": {
        "open": catalog_entry("report", "open"),
        "in_progress": catalog_entry("report", "in progress"),
        "done": catalog_entry("report", "done"),
        "dropped": catalog_entry("report", "dropped"),
    },
    "involvement": {
        "cause": catalog_entry("report", "causes"),
        "contribute": catalog_entry("report", "contributes"),
        "linked": catalog_entry("report", "directly linked"),
    },
    "size": {
        "micro": catalog_entry("report", "micro"),
        "small": catalog_entry("report", "small"),
        "medium": catalog_entry("report", "medium-sized"),
        "large": catalog_entry("report", "large"),
    },
    "activity": {
        "export": catalog_entry("report", "export"),
        "import_sourcing": catalog_entry("report", "import / sourcing"),
        "investment": catalog_entry("report", "investment"),
        "project": catalog_entry("report", "construction or infrastructure project"),
        "services": catalog_entry("report", "services"),
    },
    "assessment": {
        "accepted": catalog_entry("report", "accepted"),
        "question": catalog_entry("report", "question"),
        "insufficient": catalog_entry("report", "insufficient"),
    },
    "verdict": {  # the app's words (ui/models/mission_overview.py), identical everywhere
        "sufficient": catalog_entry("report", "Sufficient"),
        "sufficient_with_actions": catalog_entry("report", "Sufficient with agreed actions"),
        "insufficient": catalog_entry("report", "Not sufficient"),
    },
    "level": {
        "1": catalog_entry("report", "low"),
        "2": catalog_entry("report", "moderate"),
        "3": catalog_entry("report", "high"),
        "4": catalog_entry("report", "very high"),
    },
}

_NOUNS: dict[str, tuple[str, str, str]] = {  # noun: (context, singular, plural)
    "question": catalog_plural("report count", "question", "questions"),
    "evidence": catalog_plural("report count", "evidence file", "evidence files"),
    "action": catalog_plural("report count", "action", "actions"),
    "withheld_question": catalog_plural("report count", "question withheld", "questions withheld"),
    "checklist": catalog_plural("report count", "checklist", "checklists"),
    "required_open": catalog_plural(
        "report count", "required question unanswered", "required questions unanswered"
    ),
    "red_flag_open": catalog_plural(
        "report count", "red flag without an action", "red flags without an action"
    ),
    "open_high": catalog_plural(
        "report count", "open high-priority action", "open high-priority actions"
    ),
    "no_owner": catalog_plural(
        "report count", "open action without an owner", "open actions without an owner"
    ),
    "no_due": catalog_plural(
        "report count", "open action without a due date", "open actions without a due date"
    ),
}

OECD_STEPS: dict[str, Entry] = {
    "1": catalog_entry("report", "1 Embed RBC in policy"),
    "2": catalog_entry("report", "2 Identify impacts"),
    "3": catalog_entry("report", "3 Cease and prevent"),
    "4": catalog_entry("report", "4 Track"),
    "5": catalog_entry("report", "5 Communicate"),
    "6": catalog_entry("report", "6 Remediate"),
    "7": catalog_entry("report", "7 Other"),
}


def label(key: str, lang: Language, **fields: object) -> str:
    """Return the report label `key` in `lang`, with `{fields}` filled in."""
    return words_for(lang).entry(_LABELS[key], **fields)


def value_label(kind: str, value: str | None, lang: Language) -> str:
    """Return a coded value (priority, status, involvement, ...) in words."""
    if value is None:
        return ""
    entry = _VALUES[kind].get(str(value))
    return str(value) if entry is None else words_for(lang).entry(entry)


def oecd_step_label(step: str, lang: Language) -> str:
    """Return an OECD step number with its short name."""
    entry = OECD_STEPS.get(step)
    return step if entry is None else words_for(lang).entry(entry)


def partial_date(value: dt.date, precision: DatePrecision, lang: Language) -> str:
    """Return a date with only its known part: "01-06-2022", "juni 2022" or "2022"."""
    return format_partial_date(value, precision, lang)


def noun(name: str, count: int, lang: Language) -> str:
    """Return a noun in the number that goes with `count`: "vraag" for 1, "vragen" otherwise."""
    context, one, many = _NOUNS[name]
    return words_for(lang).plural_in_context(context, one, many, count)


def counted(name: str, count: int, lang: Language) -> str:
    """Return a count with its noun in the right number: "1 vraag", "2 vragen"."""
    return f"{count} {noun(name, count, lang)}"
