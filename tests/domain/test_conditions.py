"""Applicability conditions are data: parsed, evaluated and described without eval."""

from __future__ import annotations

import pytest
from pydantic import TypeAdapter, ValidationError

from ddcheck.domain.conditions import Condition, describe, evaluate, referenced_answers

CONDITION = TypeAdapter(Condition)
PROFILE = {
    "export_credit_insurance": False,
    "destinations": ["SA", "AE"],
    "activities": ["export", "project"],
    "sector": "construction",
    "size": "small",
}


def parse(data: object) -> Condition:
    return CONDITION.validate_python(data)


def test_profile_tests_equals_in_and_contains_any() -> None:
    assert evaluate(parse({"profile": "export_credit_insurance", "equals": False}), PROFILE, {})
    assert evaluate(parse({"profile": "size", "in": ["micro", "small"]}), PROFILE, {})
    assert evaluate(parse({"profile": "destinations", "contains_any": ["CN", "SA"]}), PROFILE, {})
    assert not evaluate(parse({"profile": "destinations", "contains_any": ["CN"]}), PROFILE, {})


def test_all_any_not_combine_profile_and_answers() -> None:
    condition = parse(
        {
            "all": [
                {
                    "any": [
                        {"profile": "export_credit_insurance", "equals": True},
                        {"profile": "activities", "contains_any": ["project"]},
                    ]
                },
                {"not": {"answer": "gate", "in": ["no"]}},
            ]
        }
    )
    assert evaluate(condition, PROFILE, {"gate": "yes"})
    assert not evaluate(condition, PROFILE, {"gate": "no"})
    assert referenced_answers(condition) == {"gate"}


def test_answer_condition_matches_any_value_of_a_multiple_choice() -> None:
    condition = parse({"answer": "channels", "in": ["agency"]})
    assert evaluate(condition, {}, {"channels": ["direct", "agency"]})
    assert not evaluate(condition, {}, {"channels": ["direct"]})
    assert not evaluate(condition, {}, {})


@pytest.mark.parametrize(
    "data",
    [
        {"profile": "destinations"},
        {"profile": "destinations", "equals": "SA", "in": ["SA"]},
        {"profile": "__class__", "equals": 1},
        {"python": "__import__('os').system('x')"},
        {"all": []},
    ],
)
def test_malformed_conditions_are_rejected(data: object) -> None:
    with pytest.raises(ValidationError):
        parse(data)


def test_describe_reads_like_a_sentence_in_both_languages() -> None:
    condition = parse(
        {
            "any": [
                {"profile": "export_credit_insurance", "equals": True},
                {"profile": "activities", "contains_any": ["project"]},
            ]
        }
    )
    assert describe(condition, "en") == (
        "(export credit insurance applied for or activity: project)"
    )
    assert describe(condition, "nl") == "(aanvraag exportkredietverzekering of activiteit: project)"
    assert describe(None, "nl") == "altijd"
