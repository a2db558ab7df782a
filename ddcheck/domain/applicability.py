"""Which templates and which items apply to a dossier, and why."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from ddcheck.domain.conditions import evaluate, referenced_answers
from ddcheck.domain.dossier import Company, Dossier, Mission, profile_values
from ddcheck.domain.reasons import (
    applies_because,
    applies_only_when,
    asked_only_when,
    destination_sentence,
)
from ddcheck.domain.templates import Item, Section, Template
from ddcheck.domain.text import Language


@dataclass(frozen=True)
class TemplateChoice:
    """Whether a template applies to a profile, with the reason in words."""

    template: Template
    applies: bool
    reason: str


@dataclass(frozen=True)
class ItemApplicability:
    """One item of a template and whether it applies to the dossier."""

    template: Template
    section: Section
    item: Item
    applies: bool
    reason: str
    key: str = field(init=False)  # the item's `template_id/item_id` key

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", f"{self.template.id}/{self.item.id}")


def template_applies(template: Template, profile: Mapping[str, Any]) -> bool:
    """Return whether a template applies to a profile (briefings also need a matching country)."""
    if template.countries:
        destinations = set(profile.get("destinations") or ())
        if not destinations & set(template.countries):
            return False
    return evaluate(template.applies_if, profile, {})


def explain_template(template: Template, profile: Mapping[str, Any], lang: Language) -> str:
    """Return why a template does or does not apply, in one sentence."""
    if template.countries:
        matched = sorted(set(profile.get("destinations") or ()) & set(template.countries))
        return destination_sentence(matched, template.countries, lang)
    if evaluate(template.applies_if, profile, {}):
        return applies_because(template.applies_if, lang, profile, {}, template)
    return applies_only_when(template.applies_if, lang, template)


def choose_templates(
    templates: Iterable[Template], company: Company, mission: Mission, lang: Language
) -> list[TemplateChoice]:
    """Return every template with whether it applies to this company and mission, and why."""
    profile = profile_values(company, mission)
    return [
        TemplateChoice(
            template=t,
            applies=template_applies(t, profile),
            reason=explain_template(t, profile, lang),
        )
        for t in templates
    ]


def answer_values(dossier: Dossier, template_id: str) -> dict[str, Any]:
    """Return the answer values of one template, keyed by item id."""
    return {a.item_id: a.value for a in dossier.answers if a.template_id == template_id}


def item_applicability(
    dossier: Dossier, templates: Mapping[str, Template], lang: Language = "en"
) -> list[ItemApplicability]:
    """Return every item of the dossier's templates with whether it applies and why not."""
    profile = profile_values(dossier.company, dossier.mission)
    result: list[ItemApplicability] = []
    for use in dossier.templates:
        template = templates.get(use.id)
        if template is None:
            continue
        values = answer_values(dossier, template.id)
        for section in template.sections:
            section_applies = evaluate(section.applies_if, profile, values)
            for item in section.items:
                condition = section.applies_if if not section_applies else item.applies_if
                applies = section_applies and evaluate(item.applies_if, profile, values)
                reason = "" if applies else asked_only_when(condition, lang, template)
                result.append(ItemApplicability(template, section, item, applies, reason))
    return result


def applicable_items(
    dossier: Dossier, templates: Mapping[str, Template]
) -> list[ItemApplicability]:
    """Return only the items that apply to the dossier, in template order."""
    return [entry for entry in item_applicability(dossier, templates) if entry.applies]


def deciding_items(templates: Iterable[Template]) -> frozenset[str]:
    """Return the keys of the items whose answers decide whether other items apply."""
    return frozenset(
        f"{template.id}/{item_id}"
        for template in templates
        for section in template.sections
        for condition in (section.applies_if, *(item.applies_if for item in section.items))
        for item_id in referenced_answers(condition)
    )
