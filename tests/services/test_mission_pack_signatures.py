"""Mission packs are signed by the adviser's workspace and pinned per mission id on receipt."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddcheck.exchange.mission_pack import read_pack, write_pack
from ddcheck.exchange.signing import SigningKey
from ddcheck.services import SimpleCatalog, Workspace
from tests.factories import make_registry
from tests.services.conftest import Clock, load_template
from tests.services.mission_packs import define_mission, state


def _open(path: Path) -> Workspace:
    catalog = SimpleCatalog.of([load_template("mini-v1")], make_registry())
    return Workspace.open(path, user="tester", catalog=catalog, clock=Clock())


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    with _open(tmp_path / "adviser") as adviser:
        mission_id = define_mission(adviser)
        path = adviser.export_mission_pack(mission_id, tmp_path / "mission.ddmission")
        assert read_pack(path).signer == adviser.own_signer() is not None
    return path


def _resigned(pack: Path, out: Path, key: SigningKey | None) -> Path:
    """Return the same pack (same mission id) written again with `key` (None: unsigned)."""
    contents = read_pack(pack)
    mission = contents.mission.model_copy(update={"contact": "someone@else.example"})
    out.write_bytes(write_pack(mission, contents.checklists, key))
    return out


def test_the_first_pack_pins_the_key_and_a_pack_signed_by_another_key_is_flagged(
    pack: Path, tmp_path: Path
) -> None:
    mallory = SigningKey.create("Mallory", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    forged = _resigned(pack, tmp_path / "forged.ddmission", mallory)
    with _open(tmp_path / "company") as company:
        first = company.import_mission_pack(pack)
        assert (first.signature, first.warnings) == ("signed", ())
        assert first.signer == read_pack(pack).signer.key_id  # type: ignore[union-attr]
        flagged = company.import_mission_pack(forged)
        assert flagged.signature == "other_key" and flagged.signer == mallory.signer.key_id
        [warning] = flagged.warnings
        assert "another key" in str(warning) and "\n" not in str(warning)
        assert "eerdere pakketten van deze missie" in warning.nl
        again = company.import_mission_pack(pack)  # the pinned key is still the first one
        assert (again.signature, again.warnings) == ("signed", ())


def test_an_unsigned_pack_is_accepted_with_a_note_and_pins_nothing(
    pack: Path, tmp_path: Path
) -> None:
    unsigned = _resigned(pack, tmp_path / "old.ddmission", None)
    with _open(tmp_path / "company") as company:
        result = company.import_mission_pack(unsigned)
        assert result.signature == "unsigned" and result.signer == ""
        assert "not signed" in str(result.warnings[0])
        assert company.import_mission_pack(pack).signature == "signed"  # pins now
        late = company.import_mission_pack(unsigned)
        assert late.signature == "unsigned" and "WARNING" in str(late.warnings[0])


def test_a_pack_changed_after_signing_is_refused_and_changes_nothing(
    pack: Path, tmp_path: Path
) -> None:
    from ddcheck.services.received_model import ImportRefused
    from tests.services.mission_packs import hostile_packs

    broken = hostile_packs(pack.read_bytes(), tmp_path / "h")["signature-broken.ddmission"]
    with _open(tmp_path / "company") as company:
        before = state(company)
        with pytest.raises(ImportRefused) as refusal:
            company.import_mission_pack(broken)
        assert "\n" not in str(refusal.value)
        assert state(company) == before
