"""A newer template version: answers carry over by item id; changed or removed ones are kept
and marked for re-confirmation, never dropped."""

from __future__ import annotations

from ddcheck.services import SimpleCatalog, Workspace
from tests.services.conftest import load_template


def _open(tmp_path, version: str, clock) -> Workspace:
    catalog = SimpleCatalog.of([load_template(version), load_template("briefing-sa")])
    return Workspace.open(tmp_path, user="tester", catalog=catalog, clock=clock)


def test_answers_carry_over_to_a_newer_template_version(tmp_path, clock, company, mission):
    with _open(tmp_path, "mini-v1", clock) as ws:
        dossier_id = ws.create_dossier(company, mission).id
        ws.answer(dossier_id, "mini", "policy", value="yes", note="Beleid 2025")
        ws.answer(dossier_id, "mini", "workers", value=40)
        ws.answer(dossier_id, "mini", "risk-map", value="m3")

    with _open(tmp_path, "mini-v2", clock) as ws:
        dossier = ws.get_dossier(dossier_id)
        assert [(u.id, u.version) for u in dossier.templates] == [("mini", 2), ("briefing-sa", 1)]
        policy = dossier.answer("mini", "policy")
        workers = dossier.answer("mini", "workers")
        risk_map = dossier.answer("mini", "risk-map")
        assert (policy.value, policy.note, policy.needs_reconfirmation) == (
            "yes",
            "Beleid 2025",
            True,
        )
        assert (workers.value, workers.needs_reconfirmation) == (40.0, True)
        assert (risk_map.value, risk_map.needs_reconfirmation) == ("m3", False)
        history = [(h.entity, h.entity_id, h.field, h.old, h.new) for h in ws.history(dossier_id)]
        assert ("template", "mini", "version", 1, 2) in history
        assert ("answer", "mini/policy", "needs_reconfirmation", False, True) in history
        assert ws.list_dossiers()[0].needs_reconfirmation == 2

        ws.answer(dossier_id, "mini", "policy", value="yes")
        ws.confirm_answer(dossier_id, "mini", "risk-map")
        assert ws.get_dossier(dossier_id).answer("mini", "policy").needs_reconfirmation is False

    with _open(tmp_path, "mini-v2", clock) as ws:
        dossier = ws.get_dossier(dossier_id)
        assert dossier.answer("mini", "policy").needs_reconfirmation is False
        assert dossier.answer("mini", "workers").needs_reconfirmation is True


def test_an_older_catalog_does_not_downgrade_a_dossier(tmp_path, clock, company, mission):
    with _open(tmp_path, "mini-v2", clock) as ws:
        dossier_id = ws.create_dossier(company, mission).id
        ws.answer(dossier_id, "mini", "training", value="yes")
    with _open(tmp_path, "mini-v1", clock) as ws:
        dossier = ws.get_dossier(dossier_id)
        assert dossier.templates[0].version == 2
        assert dossier.answer("mini", "training").value == "yes"


def test_a_workspace_template_newer_than_the_catalog_wins(tmp_path, clock, company, mission):
    with _open(tmp_path, "mini-v1", clock) as ws:
        dossier_id = ws.create_dossier(company, mission).id
        ws.answer(dossier_id, "mini", "policy", value="no")
        ws.add_template(load_template("mini-v2"))
        assert ws.templates["mini"].version == 2
        assert ws.get_dossier(dossier_id).answer("mini", "policy").needs_reconfirmation
    with _open(tmp_path, "mini-v1", clock) as ws:
        assert ws.templates["mini"].version == 2


def test_a_note_without_a_value_on_an_unchanged_item_stays_confirmed(
    tmp_path, clock, company, mission
):
    with _open(tmp_path, "mini-v1", clock) as ws:
        dossier_id = ws.create_dossier(company, mission).id
        ws.answer(dossier_id, "mini", "risk-map", note="nog uitzoeken")
    with _open(tmp_path, "mini-v2", clock) as ws:
        answer = ws.get_dossier(dossier_id).answer("mini", "risk-map")
        assert (answer.note, answer.needs_reconfirmation) == ("nog uitzoeken", False)
