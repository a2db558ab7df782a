"""The wording ddcheck proposes for an action on a flagged item, in both languages."""

from __future__ import annotations

import hashlib

from ddcheck.domain.answer_words import answer_text
from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.dossier import Action, Answer, Priority
from ddcheck.domain.templates import Item, Template
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import Entry, catalog_entry, words_for

# ddcheck's wording lives in the word catalog under "proposal"; the gap of a flagged item:
GAP_TEXT: dict[bool, Entry] = {  # red flag or not
    True: catalog_entry("proposal", "The answer is a red flag."),
    False: catalog_entry("proposal", "The answer shows a gap."),
}
# An item answered "not yet known": what services.actions proposes (kept in step with it).
INFO_GAP = catalog_entry("proposal", "Not yet known; the information has been requested.")
INFO_ACTION = catalog_entry(
    "proposal",
    "Obtain the missing information (for example from the project owner, main contractor or "
    "supplier) and answer the question again: {question}",
)
CLOSE_GAP = catalog_entry("proposal", "Close the gap: {question}")
_LANGUAGES: tuple[Language, ...] = ("nl", "en")


def _flat(text: str) -> str:
    return " ".join(text.split())


def proposed_action_text(item: Item, lang: Language) -> str:
    """Return the action ddcheck proposes for a flagged item: the checklist's own, or a default."""
    if item.gap_action is not None:
        return item.gap_action.get(lang)
    return words_for(lang).entry(CLOSE_GAP, question=item.question.get(lang))


def information_action_text(item: Item, lang: Language) -> str:
    """Return the action ddcheck proposes for an item whose answer is not yet known."""
    return words_for(lang).entry(INFO_ACTION, question=item.question.get(lang))


def proposal_in(action: Action, item: Item, lang: Language) -> str | None:
    """Return ddcheck's proposal in `lang` when the action still says it (in either language),
    or None when the user wrote or changed the wording."""
    text = _flat(action.action)
    for make in (proposed_action_text, information_action_text):
        if any(text == _flat(make(item, source)) for source in _LANGUAGES):
            return make(item, lang)
    return None


def is_proposed_gap(text: str) -> bool:
    """Return whether a gap text is one ddcheck wrote (not the user's own words)."""
    stock = {
        words_for(lang).entry(e) for lang in _LANGUAGES for e in (*GAP_TEXT.values(), INFO_GAP)
    }
    return _flat(text) in stock


def proposed_standard_ref(template: Template, item: Item) -> str:
    """Return the standards an item serves as ddcheck writes them, e.g. 'OECD 2.1; IFC PS2'."""
    parts = _step_and_standard(template, item)
    for ref in item.refs:
        if ref.expectation:
            parts.append(ref.expectation)
        elif ref.locator:
            parts.append(f"{ref.source} {ref.locator}")
    return "; ".join(dict.fromkeys(parts))


def readable_standards(template: Template, item: Item) -> str:
    """Return the OECD step and IFC standard an item serves, without internal source ids."""
    return " · ".join(_step_and_standard(template, item))


def _step_and_standard(template: Template, item: Item) -> list[str]:
    """Return ['OECD 2.1', 'IFC PS2'] for the OECD step and IFC standard an item serves."""
    parts = []
    step = template.oecd_step_of(item)
    if step and step != "0":
        parts.append(f"OECD {step}")
    standard = template.ifc_standard_of(item)
    if standard:
        parts.append(f"IFC {standard}")
    return parts


standard_ref = proposed_standard_ref  # the standards an item serves, as actions record them


def proposal_id(dossier_id: str, key: str) -> str:
    """Return the id a proposal for one item keeps between showing it and saving it."""
    return hashlib.sha256(f"proposal\0{dossier_id}\0{key}".encode()).hexdigest()[:16]


def propose_action(
    dossier_id: str,
    entry: ItemApplicability,
    answer: Answer | None,
    lang: Language,
    *,
    flagged: bool = True,
    red_flag: bool = False,
    information_requested: bool = False,
) -> Action:
    """Return the unsaved action proposed for an item; the one rule the services and the app use.

    A flagged item (a gap or a red flag) says so as its gap; an item the person picks without a
    flag shows its question and the answer given.
    """
    item = entry.item
    priority: Priority
    if information_requested:  # "not yet known": the action is to get the information
        gap = words_for(lang).entry(INFO_GAP)
        what, priority = information_action_text(item, lang), "medium"
    else:
        what = proposed_action_text(item, lang)
        priority = "high" if red_flag else "medium"
        if flagged:
            gap = words_for(lang).entry(GAP_TEXT[red_flag])
        else:
            chosen = answer_text(entry.template, item, answer, lang)
            gap = item.question.get(lang) + (f" — {chosen}" if chosen else "")
    return Action(
        id=proposal_id(dossier_id, entry.key),
        item_keys=[entry.key],
        standard_ref=proposed_standard_ref(entry.template, item),
        gap=gap,
        action=what,
        priority=priority,
    )
