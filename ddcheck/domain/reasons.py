"""Why a checklist or an item applies, as a sentence in the user's language.

Generated from the condition tree: "Applies because you answered Yes to “Do you employ staff in
the destination country?”." Answer conditions name the question and its option labels (from the
template), profile conditions the activity, sector, size or country as the wizard shows them.
Qt-free; the words come from the one gettext catalog (resources/i18n/nl.po).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ddcheck.domain.conditions import (
    AllCondition,
    AnswerCondition,
    AnyCondition,
    Condition,
    NotCondition,
    ProfileCondition,
    evaluate,
)
from ddcheck.domain.formatting import country_name
from ddcheck.domain.sectors import sector_label
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import Vocabulary, words_for


def activity_labels(lang: Language) -> dict[str, str]:
    """Return the planned-activity labels (as the wizard shows them)."""
    tr = words_for(lang)
    return {
        "export": tr("Export of goods"),
        "import_sourcing": tr("Import or sourcing"),
        "investment": tr("Investment (own establishment, joint venture)"),
        "project": tr("Construction or infrastructure project"),
        "services": tr("Services"),
    }


def size_labels(lang: Language) -> dict[str, str]:
    """Return the company-size labels (as the wizard shows them)."""
    tr = words_for(lang)
    return {
        "micro": tr("Micro (fewer than 10 staff)"),
        "small": tr("Small (10–49 staff)"),
        "medium": tr("Medium (50–249 staff)"),
        "large": tr("Large (250 staff or more)"),
    }


def value_name(field: str, value: Any, lang: Language) -> str:
    """Return one profile value in words: a country, sector, activity or size."""
    if field in ("destinations", "high_risk_destinations"):
        return country_name(str(value), lang)
    if field == "sector":
        return sector_label(str(value), lang).lower()
    if field == "activities":
        return activity_labels(lang).get(str(value), str(value)).lower()
    if field == "size":
        return size_labels(lang).get(str(value), str(value)).lower()
    return str(value)


def _either(tr: Vocabulary, names: list[str]) -> str:
    """Return 'a', 'a or b', 'a, b or c'."""
    if len(names) <= 1:
        return "".join(names)
    return tr("{some} or {last}", some=", ".join(names[:-1]), last=names[-1])


def _both(tr: Vocabulary, parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return tr("{some} and {last}", some=", ".join(parts[:-1]), last=parts[-1])


def _profile_phrase(condition: ProfileCondition, lang: Language) -> str:
    tr = words_for(lang)
    field = condition.profile
    if field == "export_credit_insurance":
        if condition.equals is False:
            return tr("you do not apply for export credit insurance (ekv)")
        return tr("you apply for export credit insurance (ekv)")
    if field == "high_risk_area":
        if condition.equals is False:
            return tr("no destination is a conflict-affected or high-risk area")
        return tr("a destination is a conflict-affected or high-risk area")
    if condition.equals is not None:
        values: tuple[Any, ...] = (condition.equals,)
    else:
        values = condition.in_ if condition.in_ is not None else condition.contains_any or ()
    names = _either(tr, [value_name(field, v, lang) for v in values])
    if field == "destinations":
        return tr("you travel to {countries}", countries=names)
    if field == "high_risk_destinations":
        return tr(
            "you travel to a conflict-affected or high-risk area in {countries}", countries=names
        )
    if field == "activities":
        return tr("your plans include {activity}", activity=names)
    if field == "sector":
        return tr("your company works in {sector}", sector=names)
    return tr("your company is {size}", size=names)


def _answer_phrase(
    condition: AnswerCondition, lang: Language, template: Template | None, past: bool
) -> str:
    tr = words_for(lang)
    question, labels = condition.answer, list(condition.in_)
    if template is not None:
        found = next(
            (i for s in template.sections for i in s.items if i.id == condition.answer), None
        )
        if found is not None:
            question = found.question.get(lang)
            options = {o.id: o.label.get(lang) for o in template.scale_for(found).options}
            labels = [options.get(o, o) for o in condition.in_]
    chosen = _either(tr, labels)
    if past:
        return tr("you answered {options} to “{question}”", options=chosen, question=question)
    return tr("you answer {options} to “{question}”", options=chosen, question=question)


def phrase(
    condition: Condition, lang: Language, template: Template | None = None, past: bool = False
) -> str:
    """Return a condition as a clause ("you apply for export credit insurance (ekv)")."""
    tr = words_for(lang)
    if isinstance(condition, AllCondition):
        return _both(tr, [phrase(c, lang, template, past) for c in condition.all])
    if isinstance(condition, AnyCondition):
        return _either(tr, [phrase(c, lang, template, past) for c in condition.any])
    if isinstance(condition, NotCondition):
        return tr("it is not so that {condition}", condition=phrase(condition.not_, lang, template))
    if isinstance(condition, AnswerCondition):
        return _answer_phrase(condition, lang, template, past)
    return _profile_phrase(condition, lang)


def _holding(
    condition: Condition, profile: Mapping[str, Any], answers: Mapping[str, Any]
) -> Condition:
    """Return the part of a true condition that makes it true (the true branches of an 'any')."""
    if isinstance(condition, AnyCondition):
        true = [c for c in condition.any if evaluate(c, profile, answers)]
        if len(true) == 1:
            return _holding(true[0], profile, answers)
        if true:  # every reason that holds, joined with "and"
            return AllCondition(all=tuple(_holding(c, profile, answers) for c in true))
    if isinstance(condition, AllCondition):
        return AllCondition(all=tuple(_holding(c, profile, answers) for c in condition.all))
    return condition


def applies_because(
    condition: Condition | None,
    lang: Language,
    profile: Mapping[str, Any],
    answers: Mapping[str, Any] | None = None,
    template: Template | None = None,
) -> str:
    """Return "Applies because …." for a condition that holds, naming only what makes it true."""
    tr = words_for(lang)
    if condition is None:
        return tr("Applies to every mission.")
    reason = phrase(_holding(condition, profile, answers or {}), lang, template, past=True)
    return tr("Applies because {reason}.", reason=reason)


def applies_only_when(
    condition: Condition | None, lang: Language, template: Template | None = None
) -> str:
    """Return "Applies only when …." for a condition that does not hold."""
    tr = words_for(lang)
    if condition is None:
        return tr("Applies to every mission.")
    return tr("Applies only when {reason}.", reason=phrase(condition, lang, template))


def asked_only_when(
    condition: Condition | None, lang: Language, template: Template | None = None
) -> str:
    """Return "Asked only when …." for an item whose condition does not hold."""
    tr = words_for(lang)
    if condition is None:
        return ""
    return tr("Asked only when {reason}.", reason=phrase(condition, lang, template))


def destination_sentence(matched: list[str], countries: tuple[str, ...], lang: Language) -> str:
    """Return why a country briefing applies (a destination matches) or does not."""
    tr = words_for(lang)
    if matched:
        names = _both(tr, sorted(country_name(c, lang) for c in matched))
        return tr("Applies because you travel to {countries}.", countries=names)
    names = _either(tr, sorted(country_name(c, lang) for c in countries))
    return tr("Applies only when you travel to {countries}.", countries=names)
