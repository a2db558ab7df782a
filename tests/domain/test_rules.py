"""Applicability, completeness, scores, red flags and the export gate on a small template."""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.applicability import choose_templates, item_applicability
from ddcheck.domain.dossier import Action, Company, Mission, Risk
from ddcheck.domain.gate import export_gate
from ddcheck.domain.scoring import summarize
from ddcheck.domain.templates import Template
from tests.domain.builders import answer, make_dossier, mini_template, template_data


def templates() -> dict[str, Template]:
    return {"mini": mini_template()}


def test_items_behind_a_gate_apply_only_when_the_gate_is_open() -> None:
    closed = make_dossier([answer("ps2-applicable", "no")])
    entries = {e.item.id: e for e in item_applicability(closed, templates())}
    assert not entries["ps2-fees"].applies
    assert "ps2-applicable" in entries["ps2-fees"].reason
    opened = make_dossier([answer("ps2-applicable", "unknown")])
    assert all(e.applies for e in item_applicability(opened, templates()))


def test_templates_are_chosen_by_profile_and_briefings_by_destination() -> None:
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
    briefing = Template.model_validate(
        template_data(id="gulf", kind="briefing", countries=["SA", "AE"])
    )
    company = Company(name="X")
    plain = Mission(name="M", destinations=["CN"], activities=["export"])
    choices = {c.template.id: c for c in choose_templates([ifc, briefing], company, plain, "en")}
    assert not choices["ifc"].applies and not choices["gulf"].applies
    assert choices["gulf"].reason == (
        "Applies only when you travel to Saudi Arabia or United Arab Emirates."
    )
    ekv = Mission(name="M", destinations=["sa"], export_credit_insurance=True)
    choices = {c.template.id: c for c in choose_templates([ifc, briefing], company, ekv, "nl")}
    assert choices["ifc"].applies and choices["gulf"].applies
    assert choices["gulf"].reason == "Van toepassing omdat u naar Saoedi-Arabië reist."


def test_progress_scores_and_flags() -> None:
    dossier = make_dossier(
        [
            answer("policy", "no"),
            answer("maturity", "m4"),
            answer("ps2-applicable", "yes"),
            answer("ps2-fees", "na", note="No recruitment on this contract."),
        ]
    )
    summary = summarize(dossier, templates())
    assert (summary.overall.answered, summary.overall.total) == (4, 5)
    assert summary.by_section[("mini", "step-1")].answered == 2
    # policy scores 0, maturity m4 scores 0.8: step 1 averages 0.4; na is not scored
    assert summary.oecd_steps["1"].value == 0.4
    assert summary.ifc_standards["PS2"].value is None
    assert [f.key for f in summary.red_flags] == ["mini/policy"]
    assert [f.key for f in summary.flags] == ["mini/policy"]


def test_export_gate_blocks_and_warns() -> None:
    dossier = make_dossier(
        [
            answer("policy", "no", risk=Risk(severity=3, likelihood=2, involvement="contribute")),
            answer("ps2-applicable", "yes"),
            answer("ps2-fees", "na"),
        ]
    )
    dossier.actions.append(Action(id="a1", action="Write a policy", item_keys=[]))
    report = export_gate(dossier, templates())
    codes = sorted((f.level, f.code, f.item_key or f.action_id) for f in report.findings)
    assert codes == [
        ("block", "justification_missing", "mini/ps2-fees"),
        ("block", "red_flag_without_action", "mini/policy"),
        ("warn", "action_without_due", "a1"),
        ("warn", "action_without_owner", "a1"),
        ("warn", "unanswered_required", "mini/maturity"),
    ]
    assert not report.ok
    dossier.actions[0] = Action(
        id="a1",
        action="Write a policy",
        item_keys=["mini/policy"],
        owner="Export manager",
        due=dt.date(2027, 3, 1),
    )
    dossier.answers[2].note = "No recruitment."
    dossier.answers.append(answer("maturity", "m3"))
    assert export_gate(dossier, templates()).findings == ()


def test_overdue_actions() -> None:
    action = Action(id="a", action="x", due=dt.date(2026, 1, 1))
    assert action.is_overdue(dt.date(2026, 11, 23))
    assert not action.model_copy(update={"status": "done"}).is_overdue(dt.date(2026, 11, 23))


def test_an_item_can_mark_extra_answers_as_gaps_without_making_them_red_flags() -> None:
    data = template_data()
    data["sections"][1]["items"][0]["gaps"] = ["unknown"]
    gated = {"mini": Template.model_validate(data)}
    summary = summarize(make_dossier([answer("ps2-applicable", "unknown")]), gated)
    assert [f.key for f in summary.flags] == ["mini/ps2-applicable"]
    assert summary.red_flags == ()


def test_only_the_six_oecd_steps_are_scored() -> None:
    data = template_data()
    data["sections"][0]["items"][0]["oecd_step"] = "7"
    data["sections"][0]["items"][1]["oecd_step"] = "0"
    summary = summarize(
        make_dossier([answer("policy", "yes"), answer("maturity", "m5")]),
        {"mini": Template.model_validate(data)},
    )
    assert set(summary.oecd_steps) == {"1"}  # only the unanswered text item is left in step 1
    assert summary.oecd_steps["1"].value is None
