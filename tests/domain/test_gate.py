"""The export gate, rule by rule: what blocks an adviser export and what only warns."""

from __future__ import annotations

import datetime as dt

from ddcheck.domain.dossier import Action
from ddcheck.domain.gate import export_gate
from tests.domain.builders import answer, make_dossier, mini_template

TEMPLATES = {"mini": mini_template()}
COMPLETE = [
    answer("policy", "yes"),
    answer("maturity", "m3"),
    answer("ps2-applicable", "no"),  # closes the gate to ps2-fees
]


def codes(dossier) -> list[tuple[str, str, str | None]]:
    report = export_gate(dossier, TEMPLATES)
    return sorted((f.level, f.code, f.item_key or f.action_id) for f in report.findings)


def test_a_complete_dossier_passes() -> None:
    report = export_gate(make_dossier(list(COMPLETE)), TEMPLATES)
    assert report.ok and report.findings == ()


def test_an_unanswered_required_item_only_warns_and_an_optional_one_is_silent() -> None:
    dossier = make_dossier([a for a in COMPLETE if a.item_id != "maturity"])
    assert codes(dossier) == [("warn", "unanswered_required", "mini/maturity")]
    assert export_gate(dossier, TEMPLATES).ok  # "notes" is optional: nothing about it


def test_an_item_behind_a_closed_gate_is_not_asked_for() -> None:
    dossier = make_dossier(list(COMPLETE))
    assert "mini/ps2-fees" not in {k for _, _, k in codes(dossier)}
    opened = make_dossier([*COMPLETE[:2], answer("ps2-applicable", "yes")])
    assert codes(opened) == [("warn", "unanswered_required", "mini/ps2-fees")]


def test_a_missing_justification_blocks_until_the_note_is_written() -> None:
    answers = [*COMPLETE[:2], answer("ps2-applicable", "yes"), answer("ps2-fees", "partly")]
    assert codes(make_dossier(answers)) == [("block", "justification_missing", "mini/ps2-fees")]
    answers[-1] = answer("ps2-fees", "partly", note="Fees are being repaid.")
    assert codes(make_dossier(answers)) == []


def test_a_red_flag_blocks_until_an_action_links_it() -> None:
    answers = [answer("policy", "no"), *COMPLETE[1:]]
    dossier = make_dossier(answers)
    assert codes(dossier) == [("block", "red_flag_without_action", "mini/policy")]
    report = export_gate(dossier, TEMPLATES)
    assert not report.ok and report.blockers[0].text("nl").startswith("Rode vlag zonder actie")
    dossier.actions.append(
        Action(
            id="a",
            action="Adopt a policy",
            item_keys=["mini/policy"],
            owner="CEO",
            due=dt.date(2027, 3, 1),
        )
    )
    assert codes(dossier) == []


def test_open_actions_warn_without_owner_or_due_date_and_closed_ones_do_not() -> None:
    dossier = make_dossier(list(COMPLETE))
    dossier.actions.append(Action(id="open", action="Train buyers"))
    dossier.actions.append(Action(id="done", action="Old task", status="done"))
    dossier.actions.append(Action(id="dropped", action="Dropped task", status="dropped"))
    assert codes(dossier) == [
        ("warn", "action_without_due", "open"),
        ("warn", "action_without_owner", "open"),
    ]
    report = export_gate(dossier, TEMPLATES)
    assert report.ok and len(report.warnings) == 2


def test_is_open_names_the_statuses_still_to_do() -> None:
    action = Action(id="a", action="x")
    assert action.is_open
    assert action.model_copy(update={"status": "in_progress"}).is_open
    assert not action.model_copy(update={"status": "done"}).is_open
    assert not action.model_copy(update={"status": "dropped"}).is_open


def test_summarised_warnings_name_three_of_a_kind_and_count_the_rest() -> None:
    from ddcheck.domain.gate import GateFinding, summarised
    from ddcheck.domain.text import LocalizedText

    def finding(code: str, n: int) -> GateFinding:
        return GateFinding("warn", code, LocalizedText(nl=f"nl {n}", en=f"{code} {n}"))  # type: ignore[arg-type]

    many = tuple(finding("unanswered_required", n) for n in range(60))
    few = (finding("action_without_owner", 1), finding("action_without_owner", 2))
    lines = summarised(many + few, "en")
    assert lines[:3] == ["unanswered_required 0", "unanswered_required 1", "unanswered_required 2"]
    assert lines[3] == "… and 57 more of this kind (the app's export check lists them all)"
    assert lines[4:] == ["action_without_owner 1", "action_without_owner 2"]
    assert summarised(many, "nl")[3].startswith("… en nog 57 van deze soort")
