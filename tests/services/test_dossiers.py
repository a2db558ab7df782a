"""Creating, listing, opening, changing, duplicating and trashing dossiers."""

from __future__ import annotations

import pytest

from ddcheck.domain.dossier import Company, Mission
from ddcheck.services import AmbiguousId, InvalidInput, NotFound, Workspace


def test_create_dossier_records_the_templates_that_apply(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission, language="en")

    stored = ws.get_dossier(dossier.id)
    assert [(u.id, u.version) for u in stored.templates] == [("mini", 1), ("briefing-sa", 1)]
    assert stored.company == company
    assert stored.mission == mission
    assert stored.language == "en"


def test_briefing_is_left_out_when_no_destination_matches(ws: Workspace, company):
    dossier = ws.create_dossier(company, Mission(name="China 2027", destinations=["CN"]))
    assert [u.id for u in ws.get_dossier(dossier.id).templates] == ["mini"]


def test_list_dossiers_shows_progress_and_red_flags(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission)
    ws.answer(dossier.id, "mini", "policy", value="yes")
    ws.answer(dossier.id, "briefing-sa", "recruitment-fees", value="unknown")

    [info] = ws.list_dossiers()

    assert info.id == dossier.id
    assert info.title == "Van Dijk Bouwmaterieel B.V. — Handelsmissie Saoedi-Arabië 2027"
    assert info.destinations == ("SA",)
    assert (info.progress.answered, info.progress.total) == (2, 8)
    assert info.red_flags == 1
    assert info.trashed_at is None


def test_list_statistics_follow_later_answers(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission)
    assert ws.list_dossiers()[0].progress.answered == 0
    ws.answer(dossier.id, "mini", "policy", value="no")
    assert ws.list_dossiers()[0].progress.answered == 1


def test_get_unknown_dossier_raises_not_found(ws: Workspace):
    with pytest.raises(NotFound):
        ws.get_dossier("nope")


def test_resolve_dossier_accepts_a_unique_prefix(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission)
    assert ws.resolve_dossier(dossier.id[:4]) == dossier.id
    assert ws.resolve_dossier(dossier.id) == dossier.id
    with pytest.raises(NotFound):
        ws.resolve_dossier("zz-not-an-id")


def test_resolve_dossier_refuses_an_ambiguous_prefix(ws: Workspace, company, mission):
    ids = {ws.create_dossier(company, mission).id for _ in range(40)}
    with pytest.raises(AmbiguousId):
        ws.resolve_dossier(_shared_prefix(ids))


def _shared_prefix(ids: set[str]) -> str:
    by_first: dict[str, int] = {}
    for ident in ids:
        by_first[ident[0]] = by_first.get(ident[0], 0) + 1
    return max(by_first, key=lambda k: by_first[k])


def test_update_profile_rechooses_templates_and_keeps_answers(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission)
    ws.answer(dossier.id, "briefing-sa", "briefing-read", value="acknowledged")

    changes = ws.update_profile(
        dossier.id, mission=mission.model_copy(update={"destinations": ["CN"]})
    )

    assert changes.touches("template", "briefing-sa")
    assert "mission.destinations" in changes.fields
    stored = ws.get_dossier(dossier.id)
    assert [u.id for u in stored.templates] == ["mini"]
    assert stored.answer("briefing-sa", "briefing-read").value == "acknowledged"


def test_rename_dossier_changes_the_mission_name(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission)
    changes = ws.rename_dossier(dossier.id, "Missie Riyad")
    assert changes.fields == {"mission.name"}
    assert ws.get_dossier(dossier.id).mission.name == "Missie Riyad"
    with pytest.raises(InvalidInput):
        ws.rename_dossier(dossier.id, "  ")


def test_duplicate_copies_answers_marked_for_reconfirmation(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission)
    ws.answer(dossier.id, "mini", "policy", value="yes", note="Beleid 2025")

    copy = ws.duplicate_dossier(dossier.id, "Missie 2028")

    assert copy.id != dossier.id
    assert copy.mission.name == "Missie 2028"
    answer = copy.answer("mini", "policy")
    assert (answer.value, answer.note, answer.needs_reconfirmation) == ("yes", "Beleid 2025", True)
    assert ws.get_dossier(dossier.id).answer("mini", "policy").needs_reconfirmation is False
    ws.answer(copy.id, "mini", "policy", value="yes")
    assert ws.get_dossier(copy.id).answer("mini", "policy").needs_reconfirmation is False


def test_trash_restore_and_purge(ws: Workspace, company, mission):
    dossier = ws.create_dossier(company, mission)
    ws.delete_dossier(dossier.id)
    assert ws.list_dossiers() == []
    assert [i.id for i in ws.list_dossiers(include_trashed=True)] == [dossier.id]
    with pytest.raises(InvalidInput):
        ws.answer(dossier.id, "mini", "policy", value="yes")

    ws.restore_dossier(dossier.id)
    assert [i.id for i in ws.list_dossiers()] == [dossier.id]

    with pytest.raises(InvalidInput):
        ws.purge_dossier(dossier.id)
    ws.delete_dossier(dossier.id)
    ws.purge_dossier(dossier.id)
    with pytest.raises(NotFound):
        ws.get_dossier(dossier.id)


def test_company_validation_is_the_domain_models(company: Company):
    with pytest.raises(ValueError):
        Company(name="X", kvk_number="123")
