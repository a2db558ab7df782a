"""Answering items: validation, autosave per call, history, and what changed."""

from __future__ import annotations

import pytest

from ddcheck.domain.dossier import Risk
from ddcheck.services import InvalidInput, Workspace


@pytest.fixture
def dossier_id(ws: Workspace, company, mission) -> str:
    return ws.create_dossier(company, mission).id


def test_answer_is_stored_with_note_marks_and_risk(ws: Workspace, dossier_id: str):
    changes = ws.answer(
        dossier_id,
        "mini",
        "policy",
        value="partly",
        note="Concept ligt klaar",
        confidential=True,
        review=True,
        risk={"severity": 3, "likelihood": 2, "involvement": "contribute"},
    )

    answer = ws.get_dossier(dossier_id).answer("mini", "policy")
    assert answer.value == "partly"
    assert answer.note == "Concept ligt klaar"
    assert answer.confidential and answer.review
    assert answer.risk == Risk(severity=3, likelihood=2, involvement="contribute")
    assert answer.updated_by == "tester"
    assert answer.item_fingerprint == ws.templates["mini"].item_fingerprint(
        ws.templates["mini"].item("policy")
    )
    assert changes.dossier_id == dossier_id
    assert changes.ids == {"mini/policy"}
    assert changes.fields == {"value", "note", "confidential", "review", "risk"}


def test_only_the_given_fields_change(ws: Workspace, dossier_id: str):
    ws.answer(dossier_id, "mini", "policy", value="yes", note="eerst")
    changes = ws.answer(dossier_id, "mini", "policy", note="daarna")
    answer = ws.get_dossier(dossier_id).answer("mini", "policy")
    assert (answer.value, answer.note) == ("yes", "daarna")
    [change] = changes.changes
    assert (change.field, change.old, change.new) == ("note", "eerst", "daarna")


def test_saving_the_same_value_again_changes_nothing(ws: Workspace, dossier_id: str):
    ws.answer(dossier_id, "mini", "policy", value="yes")
    before = len(ws.history(dossier_id))
    assert not ws.answer(dossier_id, "mini", "policy", value="yes")
    assert len(ws.history(dossier_id)) == before


def test_a_value_outside_the_scale_is_refused_with_the_options(ws: Workspace, dossier_id: str):
    with pytest.raises(InvalidInput) as caught:
        ws.answer(dossier_id, "mini", "policy", value="maybe")
    assert "yes (Yes)" in str(caught.value) and "na (Not applicable)" in str(caught.value)
    assert ws.get_dossier(dossier_id).answer("mini", "policy") is None


@pytest.mark.parametrize(
    ("item", "raw", "stored"),
    [
        ("workers", "12,5", 12.5),
        ("workers", 40, 40.0),
        ("remarks", "Vrije tekst <b>geen</b> opmaak", "Vrije tekst <b>geen</b> opmaak"),
        ("risk-map", "m3", "m3"),
    ],
)
def test_values_are_normalised_per_scale(ws: Workspace, dossier_id: str, item, raw, stored):
    ws.answer(dossier_id, "mini", item, value=raw)
    assert ws.get_dossier(dossier_id).answer("mini", item).value == stored


@pytest.mark.parametrize(("item", "raw"), [("workers", "veel"), ("workers", "nan"), ("policy", 3)])
def test_malformed_values_are_refused(ws: Workspace, dossier_id: str, item, raw):
    with pytest.raises(InvalidInput):
        ws.answer(dossier_id, "mini", item, value=raw)


def test_unknown_item_or_template_is_refused(ws: Workspace, dossier_id: str):
    with pytest.raises(InvalidInput, match="no item"):
        ws.answer(dossier_id, "mini", "nope", value="yes")
    with pytest.raises(InvalidInput, match="no template"):
        ws.answer(dossier_id, "other", "policy", value="yes")


def test_bad_risk_is_refused(ws: Workspace, dossier_id: str):
    with pytest.raises(InvalidInput, match="severity"):
        ws.answer(dossier_id, "mini", "policy", risk={"severity": 9})


def test_every_answer_change_is_in_the_history(ws: Workspace, dossier_id: str):
    ws.answer(dossier_id, "mini", "policy", value="no")
    ws.answer(dossier_id, "mini", "policy", value="yes", note="Beleid vastgesteld")

    rows = [(h.entity, h.entity_id, h.field, h.old, h.new, h.who) for h in ws.history(dossier_id)]

    assert rows[-3:] == [
        ("answer", "mini/policy", "value", None, "no", "tester"),
        ("answer", "mini/policy", "value", "no", "yes", "tester"),
        ("answer", "mini/policy", "note", "", "Beleid vastgesteld", "tester"),
    ]
    times = [h.at for h in ws.history(dossier_id)]
    assert times == sorted(times)


def test_clear_answer_removes_it_and_records_the_old_values(ws: Workspace, dossier_id: str):
    ws.answer(dossier_id, "mini", "policy", value="no", note="nog niet")
    changes = ws.clear_answer(dossier_id, "mini", "policy")
    assert ws.get_dossier(dossier_id).answer("mini", "policy") is None
    assert {(c.field, c.old, c.new) for c in changes.changes} == {
        ("value", "no", None),
        ("note", "nog niet", ""),
    }


def test_find_item_accepts_a_key_or_a_unique_item_id(ws: Workspace, dossier_id: str):
    template, item = ws.find_item(dossier_id, "recruitment-fees")
    assert (template.id, item.id) == ("briefing-sa", "recruitment-fees")
    template, item = ws.find_item(dossier_id, "mini/policy")
    assert (template.id, item.id) == ("mini", "policy")
    with pytest.raises(InvalidInput):
        ws.find_item(dossier_id, "nope")


def test_answers_survive_reopening(tmp_path, catalog, clock, company, mission):
    with Workspace.open(tmp_path, user="a", catalog=catalog, clock=clock) as ws:
        dossier_id = ws.create_dossier(company, mission).id
        ws.answer(dossier_id, "mini", "policy", value="yes", note="één — ✓")
    with Workspace.open(tmp_path, user="b", catalog=catalog, clock=clock) as ws:
        assert ws.get_dossier(dossier_id).answer("mini", "policy").note == "één — ✓"
