"""Templates validate their structure; consistency problems are reported with their path."""

from __future__ import annotations

import copy

import pytest
from pydantic import ValidationError

from ddcheck.domain.scales import BUILTIN_SCALES
from ddcheck.domain.templates import Template, template_problems
from tests.domain.builders import item, template_data


def test_valid_template_has_no_problems_and_finds_its_items() -> None:
    template = Template.model_validate(template_data())
    assert template_problems(template) == []
    assert template.item_count == 5
    assert template.item("ps2-fees").scale == "ifc_result"
    assert template.section_of("ps2-fees").id == "ps2"
    assert template.ifc_standard_of(template.item("ps2-fees")) == "PS2"
    assert template.oecd_step_of(template.item("policy")) == "1.1"
    assert template.oecd_step_of(template.item("notes")) == "1"


def test_item_fingerprint_changes_with_the_question_only() -> None:
    data = template_data()
    before = Template.model_validate(data)
    changed = copy.deepcopy(data)
    changed["sections"][0]["items"][0]["guidance"]["en"] = "Reworded guidance."
    same = Template.model_validate(changed)
    changed["sections"][0]["items"][0]["question"]["en"] = "A different question?"
    other = Template.model_validate(changed)
    fp = before.item_fingerprint(before.item("policy"))
    assert same.item_fingerprint(same.item("policy")) == fp
    assert other.item_fingerprint(other.item("policy")) != fp


def test_every_consistency_problem_is_reported_with_a_path() -> None:
    data = template_data()
    items = data["sections"][0]["items"]
    items.append(item("policy"))  # duplicate id
    items.append(item("odd", scale="stars"))  # unknown scale
    items.append(item("flagged", red_flags=["never"]))  # unknown option
    items.append(item("cond", applies_if={"answer": "ghost", "in": ["yes"]}))
    problems = template_problems(Template.model_validate(data))
    found = {(p.path, p.message.split(" ")[0]) for p in problems}
    assert (("sections", 0, "items", 3, "id"), "item") in found
    assert ("sections", 0, "items", 4, "scale") in {p.path for p in problems}
    assert ("sections", 0, "items", 5, "red_flags", 0) in {p.path for p in problems}
    assert any("unknown item 'ghost'" in p.message for p in problems)
    assert len(problems) == 4


def test_briefings_need_countries_a_validity_date_and_sources() -> None:
    template = Template.model_validate(template_data(kind="briefing", countries=["sa"]))
    messages = " ".join(p.message for p in template_problems(template))
    assert "valid_until" in messages
    assert "sources" in messages
    assert "'sa' is not a two-letter ISO code" in messages


@pytest.mark.parametrize(
    "field,value",
    [("id", "Has Spaces"), ("version", 0), ("kind", "survey"), ("sections", [])],
)
def test_structural_errors_raise(field: str, value: object) -> None:
    with pytest.raises(ValidationError):
        Template.model_validate(template_data(**{field: value}))


def test_item_without_any_reference_is_rejected() -> None:
    data = template_data()
    data["sections"][0]["items"][0]["refs"] = []
    with pytest.raises(ValidationError):
        Template.model_validate(data)


def test_builtin_scales_cover_the_required_kinds() -> None:
    assert {"status", "maturity", "ifc_result", "acknowledgement", "text", "number", "date"} <= set(
        BUILTIN_SCALES
    )
    for scale in BUILTIN_SCALES.values():
        for option in scale.options:
            if option.not_applicable:
                assert option.score is None and option.needs_justification
    assert BUILTIN_SCALES["ifc_result"].option("gap").red_flag
    assert [o.id for o in BUILTIN_SCALES["maturity"].options if o.gap] == ["m0", "m1", "m2"]


def test_exclusive_options_belong_to_multiple_choice_scales_only() -> None:
    data = template_data(
        scales=[
            {
                "id": "colour",
                "kind": "single",
                "label": {"nl": "Kleur", "en": "Colour"},
                "options": [
                    {"id": "red", "label": {"nl": "Rood", "en": "Red"}, "exclusive": True},
                    {"id": "blue", "label": {"nl": "Blauw", "en": "Blue"}},
                ],
            }
        ]
    )
    with pytest.raises(ValidationError, match="exclusive"):
        Template.model_validate(data)
