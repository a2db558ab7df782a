"""Applicability rules: which templates a profile gets and which items of them apply."""

from __future__ import annotations

import pytest

from ddcheck.domain.applicability import (
    answer_values,
    applicable_items,
    item_applicability,
    template_applies,
)
from ddcheck.domain.conditions import evaluate, referenced_answers
from ddcheck.domain.templates import Template
from tests.domain.builders import answer, make_dossier, mini_template, template_data

TEMPLATES = {"mini": mini_template()}


def test_an_item_applies_when_its_condition_on_another_answer_holds() -> None:
    for value, applies in (("yes", True), ("unknown", True), ("no", False), (None, False)):
        dossier = make_dossier([answer("ps2-applicable", value)] if value else [])
        keys = {e.key for e in applicable_items(dossier, TEMPLATES)}
        assert ("mini/ps2-fees" in keys) is applies, value


def test_every_item_gets_a_reason_when_it_does_not_apply() -> None:
    dossier = make_dossier([answer("ps2-applicable", "no")])
    entries = item_applicability(dossier, TEMPLATES, "nl")
    skipped = [e for e in entries if not e.applies]
    assert [e.item.id for e in skipped] == ["ps2-fees"]
    assert skipped[0].reason


def test_answer_values_are_read_per_template() -> None:
    dossier = make_dossier([answer("policy", "no"), answer("ps2-applicable", "yes")])
    assert answer_values(dossier, "mini") == {"policy": "no", "ps2-applicable": "yes"}
    assert answer_values(dossier, "other") == {}


@pytest.mark.parametrize(
    ("profile", "applies"),
    [
        ({"export_credit_insurance": True, "activities": []}, True),
        ({"export_credit_insurance": False, "activities": ["project"]}, True),
        ({"export_credit_insurance": False, "activities": ["export"]}, False),
        ({}, False),
    ],
)
def test_a_template_applies_by_the_profile(profile, applies) -> None:
    ifc = Template.model_validate(
        template_data(
            id="ifc",
            applies_if={
                "any": [
                    {"profile": "export_credit_insurance", "equals": True},
                    {"profile": "activities", "contains_any": ["project"]},
                ]
            },
        )
    )
    assert template_applies(ifc, profile) is applies


def test_conditions_evaluate_profile_and_answers_and_name_what_they_read() -> None:
    condition = Template.model_validate(
        template_data(
            applies_if={
                "all": [
                    {"profile": "size", "in": ["small", "medium"]},
                    {"not": {"answer": "policy", "in": ["yes"]}},
                ]
            }
        )
    ).applies_if
    assert evaluate(condition, {"size": "small"}, {"policy": "no"})
    assert not evaluate(condition, {"size": "large"}, {"policy": "no"})
    assert not evaluate(condition, {"size": "small"}, {"policy": "yes"})
    assert evaluate(None, {}, {})
    assert referenced_answers(condition) == {"policy"}
