"""The action plan: add, change, remove, propose from red flags and gaps; reviews."""

from __future__ import annotations

import datetime as dt

import pytest

from ddcheck.domain.dossier import Action, ItemReview, Review
from ddcheck.services import InvalidInput, NotFound, Workspace


@pytest.fixture
def dossier_id(ws: Workspace, company, mission) -> str:
    return ws.create_dossier(company, mission, language="en").id


def test_add_update_and_delete_an_action(ws: Workspace, dossier_id: str):
    action = Action(id="a1", action="Write a policy", item_keys=["mini/policy"])
    assert ws.add_action(dossier_id, action).touches("action", "a1")

    changes = ws.update_action(dossier_id, "a1", owner="Sanne", due=dt.date(2027, 3, 1))

    assert {(c.field, c.old, c.new) for c in changes.changes} == {
        ("owner", "", "Sanne"),
        ("due", None, "2027-03-01"),
    }
    [stored] = ws.get_dossier(dossier_id).actions
    assert (stored.owner, stored.due) == ("Sanne", dt.date(2027, 3, 1))

    ws.delete_action(dossier_id, "a1")
    assert ws.get_dossier(dossier_id).actions == []
    assert [h.field for h in ws.history(dossier_id) if h.entity == "action"] == [
        "added",
        "owner",
        "due",
        "removed",
    ]


def test_bad_action_fields_are_refused(ws: Workspace, dossier_id: str):
    ws.add_action(dossier_id, Action(id="a1", action="Do it"))
    with pytest.raises(InvalidInput, match="no field colour"):
        ws.update_action(dossier_id, "a1", colour="red")
    with pytest.raises(InvalidInput, match="status"):
        ws.update_action(dossier_id, "a1", status="someday")
    with pytest.raises(NotFound):
        ws.update_action(dossier_id, "nope", owner="x")


def test_propose_actions_for_red_flags_and_gaps_without_an_action(ws: Workspace, dossier_id):
    ws.answer(dossier_id, "mini", "ekv-esap", value="no")
    ws.answer(dossier_id, "mini", "policy", value="partly")
    ws.answer(dossier_id, "mini", "risk-map", value="m4")
    ws.answer(dossier_id, "briefing-sa", "recruitment-fees", value="yes")
    ws.add_action(
        dossier_id, Action(id="a1", action="Ban fees", item_keys=["briefing-sa/recruitment-fees"])
    )

    proposals = ws.propose_actions(dossier_id)

    by_key = {p.item_keys[0]: p for p in proposals}
    assert set(by_key) == {"mini/ekv-esap", "mini/policy"}
    assert by_key["mini/ekv-esap"].priority == "high"
    assert by_key["mini/policy"].priority == "medium"
    assert by_key["mini/policy"].action == "Write an RBC policy."
    assert by_key["mini/policy"].standard_ref == "OECD 1; oecd-ddg-2018 1.1"
    assert proposals[0].item_keys == ["mini/ekv-esap"]
    assert ws.get_dossier(dossier_id).actions[0].id == "a1"


def test_proposals_link_items_without_freezing_the_answer_and_keep_their_ids(
    ws: Workspace, company, mission
):
    dossier_id = ws.create_dossier(company, mission, language="nl").id
    ws.answer(dossier_id, "mini", "policy", value="partly")
    ws.answer(dossier_id, "mini", "ekv-esap", value="no")
    first = ws.propose_actions(dossier_id)
    by_key = {p.item_keys[0]: p for p in first}
    for proposal in first:
        question = ws.templates["mini"].item(proposal.item_keys[0].split("/")[1]).question
        assert question.nl not in proposal.gap and question.en not in proposal.gap
        assert "Deels" not in proposal.gap and "Nee" not in proposal.gap
        assert proposal.gap and len(proposal.gap) < 60
    assert by_key["mini/ekv-esap"].gap != by_key["mini/policy"].gap  # red flag vs gap
    assert [p.id for p in ws.propose_actions(dossier_id)] == [p.id for p in first]
    ws.add_action(dossier_id, first[0])
    assert ws.get_dossier(dossier_id).actions[0].id == first[0].id


def test_record_review_is_kept_with_the_dossier(ws: Workspace, dossier_id: str):
    review = Review(
        id="r1",
        reviewer="RVO",
        verdict="sufficient_with_actions",
        items=[ItemReview(template_id="mini", item_id="policy", assessment="question")],
    )
    changes = ws.record_review(dossier_id, review)
    assert changes.touches("review", "r1")
    assert ws.get_dossier(dossier_id).reviews == [review]
