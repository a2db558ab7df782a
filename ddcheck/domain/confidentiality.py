"""What a confidential answer takes with it, decided without looking at any answer's value.

An item is withheld from the adviser when the company marked it confidential, or when its
applicability condition (its own or its section's) looks at the answer of a withheld item:
the whole branch a confidential answer controls goes, whatever that answer is. So the withheld
list depends only on the profile, the checklists and which items are marked, never on a hidden
value. An item of such a branch that the profile alone rules out (it cannot apply whatever the
answers) is not listed: it is not part of the dossier at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from ddcheck.domain.conditions import (
    AllCondition,
    AnswerCondition,
    AnyCondition,
    Condition,
    NotCondition,
    evaluate,
    referenced_answers,
)
from ddcheck.domain.dossier import Action, Dossier, profile_values
from ddcheck.domain.templates import Template


def confidential_keys(dossier: Dossier) -> frozenset[str]:
    """Return the keys of the items the company marked confidential."""
    return frozenset(answer.key for answer in dossier.answers if answer.confidential)


def withheld_keys(dossier: Dossier, templates: Mapping[str, Template]) -> frozenset[str]:
    """Return the confidential items and every item whose applicability looks at one of them."""
    marked = confidential_keys(dossier)
    if not marked:
        return frozenset()
    profile = profile_values(dossier.company, dossier.mission)
    withheld = set(marked)
    for use in dossier.templates:
        template = templates.get(use.id)
        if template is not None:
            withheld |= _branch(template, marked, profile)
    return frozenset(withheld)


def _branch(template: Template, marked: frozenset[str], profile: Mapping[str, Any]) -> set[str]:
    """Return the keys of `template`'s items that depend on a marked item, however indirectly."""
    looks_at: dict[str, set[str]] = {}
    possible: set[str] = set()
    for section in template.sections:
        for item in section.items:
            looks_at[item.id] = referenced_answers(section.applies_if) | referenced_answers(
                item.applies_if
            )
            if may_hold(section.applies_if, profile) and may_hold(item.applies_if, profile):
                possible.add(item.id)
    prefix = f"{template.id}/"
    hidden = {key.removeprefix(prefix) for key in marked if key.startswith(prefix)}
    grown = True
    while grown:
        grown = False
        for item_id, refs in looks_at.items():
            if item_id not in hidden and refs & hidden:
                hidden.add(item_id)
                grown = True
    return {prefix + item_id for item_id in hidden if item_id in possible}


def may_hold(condition: Condition | None, profile: Mapping[str, Any]) -> bool:
    """Return whether `condition` can hold for this profile with some answers (False: never)."""
    if condition is None:
        return True
    if isinstance(condition, AllCondition):
        return all(may_hold(c, profile) for c in condition.all)
    if isinstance(condition, AnyCondition):
        return any(may_hold(c, profile) for c in condition.any)
    if isinstance(condition, NotCondition):
        return not must_hold(condition.not_, profile)
    if isinstance(condition, AnswerCondition):
        return True
    return evaluate(condition, profile, {})


def must_hold(condition: Condition | None, profile: Mapping[str, Any]) -> bool:
    """Return whether `condition` holds for this profile whatever the answers."""
    if condition is None:
        return True
    if isinstance(condition, AllCondition):
        return all(must_hold(c, profile) for c in condition.all)
    if isinstance(condition, AnyCondition):
        return any(must_hold(c, profile) for c in condition.any)
    if isinstance(condition, NotCondition):
        return not may_hold(condition.not_, profile)
    if isinstance(condition, AnswerCondition):
        return False
    return evaluate(condition, profile, {})


def touches(item_keys: Iterable[str], withheld: frozenset[str]) -> bool:
    """Return whether any of `item_keys` is withheld."""
    return any(key in withheld for key in item_keys)


def disclosed_actions(actions: Iterable[Action], withheld: frozenset[str]) -> list[Action]:
    """Return the actions linked to no withheld item (an action touching one goes entirely)."""
    return [action for action in actions if not touches(action.item_keys, withheld)]


def withheld_evidence_ids(dossier: Dossier, withheld: frozenset[str]) -> frozenset[str]:
    """Return the evidence linked to any withheld item (also when linked to open items)."""
    return frozenset(
        evidence_id
        for answer in dossier.answers
        if answer.key in withheld
        for evidence_id in answer.evidence_ids
    )
