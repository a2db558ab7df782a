"""Mission packs: export, import with the template upgrade (answers kept), hostile packs, fuzz."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ddcheck.domain.dossier import Company, Mission
from ddcheck.services import SimpleCatalog, Workspace
from ddcheck.services.received_model import ImportRefused
from tests.factories import make_registry
from tests.services.conftest import TEMPLATES, Clock, load_template
from tests.services.mission_packs import define_mission, hostile_packs, state


def _open(path: Path, *templates: str) -> Workspace:
    catalog = SimpleCatalog.of([load_template(t) for t in templates], make_registry())
    return Workspace.open(path, user="tester", catalog=catalog, clock=Clock())


@pytest.fixture(scope="module")
def pack_v2(tmp_path_factory) -> Path:
    """An adviser's pack asking for mini v2 (an update of the company's mini v1)."""
    folder = tmp_path_factory.mktemp("adviser")
    with _open(folder / "ws", "mini-v1", "briefing-sa") as adviser:
        adviser.import_template(TEMPLATES / "mini-v2.yaml", replace_built_in=True)
        mission_id = define_mission(adviser, ("mini", "briefing-sa"))
        return adviser.export_mission_pack(mission_id, folder / "mission.ddmission")


def test_the_pack_carries_the_mission_and_the_current_checklists(pack_v2, tmp_path) -> None:
    with _open(tmp_path / "c", "mini-v2", "briefing-sa") as company:
        mission, files = company.read_mission_pack(pack_v2)
    assert mission.name.en == "Trade mission Saudi Arabia 2027"
    assert [(c.id, c.version) for c in mission.checklists] == [("mini", 2), ("briefing-sa", 1)]
    assert sorted((t.id, t.version) for t, _ in files) == [("briefing-sa", 1), ("mini", 2)]


def test_a_newer_checklist_in_the_pack_upgrades_a_dossier_keeping_its_answers(
    pack_v2, tmp_path
) -> None:
    with _open(tmp_path / "c", "mini-v1", "briefing-sa") as ws:
        company = Company(name="Van Dijk Bouwmaterieel B.V.", kvk_number="12345678")
        dossier_id = ws.create_dossier(company, Mission(name="Saudi", destinations=["SA"])).id
        ws.answer(dossier_id, "mini", "policy", value="yes", note="Beleid 2025")
        ws.answer(dossier_id, "mini", "risk-map", value="m3")
        result = ws.import_mission_pack(pack_v2)
        assert result.status == "new"
        assert result.upgraded == (("mini", 2, 1),)
        dossier = ws.get_dossier(dossier_id)
        assert ("mini", 2) in [(u.id, u.version) for u in dossier.templates]
        policy = dossier.answer("mini", "policy")
        assert (policy.value, policy.note, policy.needs_reconfirmation) == (
            "yes",
            "Beleid 2025",
            True,
        )
        assert dossier.answer("mini", "risk-map").needs_reconfirmation is False
        assert result.answers_to_reconfirm >= 1
        assert ws.import_mission_pack(pack_v2).status == "unchanged"
    with _open(tmp_path / "c", "mini-v1", "briefing-sa") as again:  # kept across a restart
        assert again.templates["mini"].version == 2
        assert [m.id for m in again.list_missions()] == [result.mission.id]


def test_a_dossier_started_from_the_pack_has_the_mission_filled_in(pack_v2, tmp_path) -> None:
    with _open(tmp_path / "c", "mini-v1", "briefing-sa") as ws:
        mission = ws.import_mission_pack(pack_v2).mission
        company = Company(name="Zand & Zee B.V.", kvk_number="87654321")
        dossier = ws.create_dossier_for_mission(mission.id, company, "en")
    assert dossier.mission.name == "Trade mission Saudi Arabia 2027"
    assert dossier.mission.mission_id == mission.id
    assert (dossier.mission.destinations, str(dossier.mission.start)) == (["SA"], "2027-02-01")
    assert {"mini", "briefing-sa"} <= {u.id for u in dossier.templates}


def test_hostile_packs_are_refused_in_one_line_and_change_nothing(pack_v2, tmp_path) -> None:
    packs = hostile_packs(pack_v2.read_bytes(), tmp_path / "hostile")
    with _open(tmp_path / "c", "mini-v1", "briefing-sa") as ws:
        company = Company(name="Van Dijk Bouwmaterieel B.V.", kvk_number="12345678")
        dossier_id = ws.create_dossier(company, Mission(name="Saudi", destinations=["SA"])).id
        ws.answer(dossier_id, "mini", "policy", value="yes")
        before = state(ws)
        for name, path in packs.items():
            with pytest.raises(ImportRefused) as refusal:
                ws.import_mission_pack(path)
            message = str(refusal.value)
            assert "\n" not in message and message.startswith(f"{name} was not imported"), name
            assert state(ws) == before, name
        assert ws.templates["mini"].version == 1


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_fuzzed_packs_are_refused_with_a_message_or_accepted_never_half(
    pack_v2, tmp_path_factory, data
) -> None:
    valid = pack_v2.read_bytes()
    mode = data.draw(st.sampled_from(["flip", "cut", "splice"]))
    if mode == "flip":
        at = data.draw(st.integers(0, len(valid) - 1))
        fuzzed = valid[:at] + bytes([valid[at] ^ data.draw(st.integers(1, 255))]) + valid[at + 1 :]
    elif mode == "cut":
        fuzzed = valid[: data.draw(st.integers(0, len(valid)))]
    else:
        at = data.draw(st.integers(0, len(valid)))
        fuzzed = valid[:at] + data.draw(st.binary(max_size=64)) + valid[at:]
    folder = tmp_path_factory.mktemp("fuzz")
    path = folder / "fuzzed.ddmission"
    path.write_bytes(fuzzed)
    with _open(folder / "ws", "mini-v1", "briefing-sa") as ws:
        before = state(ws)
        try:
            result = ws.import_mission_pack(path)
        except ImportRefused as error:
            assert str(error) and "\n" not in str(error)
            assert state(ws) == before
            return
        assert ws.get_mission(result.mission.id) == result.mission
        assert ws.templates["mini"].version == 2


def test_the_general_import_names_a_pack_instead_of_calling_it_a_bad_bundle(
    pack_v2, tmp_path
) -> None:
    with (
        _open(tmp_path / "c", "mini-v1", "briefing-sa") as ws,
        pytest.raises(ImportRefused, match="mission pack"),
    ):
        ws.import_file(pack_v2)


def test_the_mission_id_travels_in_the_bundle_to_the_advisers_overview(pack_v2, tmp_path) -> None:
    with _open(tmp_path / "c", "mini-v1", "briefing-sa") as company:
        mission = company.import_mission_pack(pack_v2).mission
        dossier = company.create_dossier_for_mission(
            mission.id, Company(name="Zand & Zee B.V.", kvk_number="87654321")
        )
        bundle = company.export_bundle(dossier.id, tmp_path / "zz.ddcheck").path
    with _open(tmp_path / "a", "mini-v1", "briefing-sa") as adviser:
        adviser.import_mission_pack(pack_v2)
        adviser.import_file(bundle)
        [status] = adviser.mission_statuses()
    assert [r.kvk for r in status.received] == ["87654321"]
    assert [e.kvk for e in status.missing] == ["12345678", "11223344"]
    assert status.days_to_deadline is not None
