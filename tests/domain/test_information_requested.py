"""'Not yet known – information requested': a gap with an action to obtain the information, never
a red flag, never blocking an export, and adding it to a scale does not unsettle earlier answers."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from ddcheck.domain.gate import export_gate
from ddcheck.domain.scales import BUILTIN_SCALES, IFC_RESULT, ScaleOption
from ddcheck.domain.scoring import summarize
from ddcheck.domain.templates import Template
from ddcheck.services.actions import proposal_for
from tests.domain.builders import answer, make_dossier, mini_template, template_data


def test_status_and_ifc_result_offer_information_requested() -> None:
    for scale_id in ("status", "ifc_result"):
        option = BUILTIN_SCALES[scale_id].option("info-requested")
        assert option is not None and option.information_requested
        assert option.gap and not option.red_flag and option.score is None


def test_it_is_a_gap_not_a_red_flag_and_does_not_block_the_export() -> None:
    dossier = make_dossier(
        [
            answer("policy", "info-requested"),  # 'no' on this item would be a red flag
            answer("ps2-applicable", "yes"),
            answer("ps2-fees", "info-requested"),  # 'gap' on this scale is a red flag
        ]
    )
    templates = {"mini": mini_template()}
    summary = summarize(dossier, templates)
    flags = {f.key: f for f in summary.flags}
    assert set(flags) == {"mini/policy", "mini/ps2-fees"}
    assert all(f.information_requested and not f.red_flag for f in flags.values())
    assert summary.red_flags == ()
    assert summary.section_scores[("mini", "step-1")].scored == 0  # unknown is not scored
    gate = export_gate(dossier, templates, summary)
    assert gate.ok
    assert not [f for f in gate.findings if f.code == "red_flag_without_action"]


def test_it_proposes_an_action_to_obtain_the_information() -> None:
    dossier = make_dossier([answer("policy", "info-requested")])
    flag = summarize(dossier, {"mini": mini_template()}).flags[0]
    nl = proposal_for("d1", flag, "nl")
    en = proposal_for("d1", flag, "en")
    assert nl.action.startswith("Verkrijg de ontbrekende informatie")
    assert en.action.startswith("Obtain the missing information")
    assert "Question policy?" in en.action
    assert nl.priority == "medium" and "Nog niet bekend" in nl.gap


def test_a_red_flag_answer_is_still_a_red_flag() -> None:
    dossier = make_dossier([answer("policy", "no")])
    summary = summarize(dossier, {"mini": mini_template()})
    assert [f.key for f in summary.red_flags] == ["mini/policy"]
    assert not summary.red_flags[0].information_requested


def test_adding_the_option_leaves_item_fingerprints_unchanged() -> None:
    own = {
        "id": "check",
        "kind": "single",
        "label": {"nl": "Controle", "en": "Check"},
        "options": [
            {"id": "ok", "label": {"nl": "Goed", "en": "Fine"}, "score": 1},
            {"id": "bad", "label": {"nl": "Fout", "en": "Wrong"}, "score": 0, "gap": True},
        ],
    }
    unknown = {
        "id": "info-requested",
        "label": {"nl": "Nog niet bekend", "en": "Not yet known"},
        "gap": True,
        "information_requested": True,
    }
    base = template_data(scales=[own])
    base["sections"][0]["items"][0]["scale"] = "check"
    base["sections"][0]["items"][0]["red_flags"] = []
    before = Template.model_validate(base)
    grown = template_data(scales=[{**own, "options": [*own["options"], unknown]}])
    grown["sections"][0]["items"][0]["scale"] = "check"
    grown["sections"][0]["items"][0]["red_flags"] = []
    after = Template.model_validate(grown)
    policy = before.item("policy")
    assert policy is not None
    assert before.item_fingerprint(policy) == after.item_fingerprint(after.item("policy"))
    changed = {**own, "options": [own["options"][0], {**own["options"][1], "red_flag": True}]}
    moved = template_data(scales=[changed])
    moved["sections"][0]["items"][0]["scale"] = "check"
    moved["sections"][0]["items"][0]["red_flags"] = []
    other = Template.model_validate(moved)
    assert before.item_fingerprint(policy) != other.item_fingerprint(other.item("policy"))


def test_an_unknown_option_cannot_be_a_red_flag() -> None:
    with pytest.raises(ValidationError, match="never a red flag"):
        ScaleOption(
            id="x",
            label={"nl": "X", "en": "X"},
            red_flag=True,
            information_requested=True,
        )
    assert IFC_RESULT.option("gap").red_flag
