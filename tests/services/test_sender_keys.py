"""The company accepts the adviser's new key (new laptop) for reviews and mission packs."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from ddcheck.exchange.mission_pack import read_pack, write_pack
from ddcheck.exchange.signing import SigningKey, short_id
from ddcheck.services import InvalidInput, NotFound, SimpleCatalog, Workspace
from tests.factories import make_registry
from tests.services.conftest import Clock, load_template
from tests.services.exchange_helpers import filled, open_workspace
from tests.services.mission_packs import define_mission


def _review_from(adviser_root: Path, pdf: Path, out: Path, verdict: str) -> Path:
    """Return a review of the dossier in `pdf`, signed by the workspace at `adviser_root`."""
    with open_workspace(adviser_root, user="adviser") as adviser:
        received_id = adviser.import_file(pdf).received_id
        assert received_id is not None
        adviser.set_verdict(received_id, verdict, "See the agreed actions.")  # type: ignore[arg-type]
        return adviser.export_review_file(received_id, out).path


def test_the_advisers_new_key_is_accepted_for_the_dossiers_reviews(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "company") as company:
        dossier = filled(company)
        company.export_pdf(dossier.id, tmp_path / "d.pdf", lang="nl")
        old = _review_from(tmp_path / "old-laptop", tmp_path / "d.pdf", tmp_path / "a.ddreview",
                           "sufficient")  # fmt: skip
        new = _review_from(tmp_path / "new-laptop", tmp_path / "d.pdf", tmp_path / "b.ddreview",
                           "insufficient")  # fmt: skip
        assert company.import_file(old).new_key == ""
        flagged = company.import_file(new)
        assert flagged.new_key != "" and any("another key" in str(w) for w in flagged.warnings)

        done = company.trust_sender_key("adviser", dossier.id, short_id(flagged.new_key))
        assert (done.key_id, done.changed) == (flagged.new_key, True)
        assert done.replaced is not None and done.replaced != done.key_id
        again = company.import_file(new)
        assert again.new_key == "" and not [w for w in again.warnings if "another key" in str(w)]
        assert company.import_file(old).new_key == done.replaced  # the old key is flagged now
        [entry] = [h for h in company.history(dossier.id) if h.field == "key_trusted"]
        assert entry.old == short_id(done.replaced) and entry.entity_id == short_id(done.key_id)
        assert not company.trust_sender_key("adviser", dossier.id, done.key_id.upper()).changed


def test_only_a_key_seen_on_a_flagged_file_can_be_accepted(tmp_path: Path) -> None:
    with open_workspace(tmp_path / "company") as company:
        dossier = filled(company)
        stranger = SigningKey.create("Mallory", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
        with pytest.raises(InvalidInput, match="nothing to accept"):
            company.trust_sender_key("adviser", dossier.id, stranger.signer.short_id)
        for typo in ("", "2C79", "not hex at all!", "ab" * 40):
            with pytest.raises(InvalidInput):
                company.trust_sender_key("adviser", dossier.id, typo)
        with pytest.raises(InvalidInput):
            company.trust_sender_key("company", dossier.id, stranger.signer.key_id)
        with pytest.raises(NotFound):
            company.trust_sender_key("adviser", "no-such-dossier", stranger.signer.key_id)
        with pytest.raises(NotFound):
            company.trust_sender_key("mission", "no-such-mission", stranger.signer.key_id)
        assert not [h for h in company.history(dossier.id) if h.field == "key_trusted"]


def test_the_new_key_of_a_missions_packs_is_accepted(tmp_path: Path) -> None:
    catalog = SimpleCatalog.of([load_template("mini-v1")], make_registry())
    with Workspace.open(tmp_path / "adviser", user="a", catalog=catalog, clock=Clock()) as adviser:
        mission_id = define_mission(adviser)
        first = adviser.export_mission_pack(mission_id, tmp_path / "first.ddmission")
    contents = read_pack(first)
    new_laptop = SigningKey.create(
        "RVO adviser (new laptop)", dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    later = tmp_path / "later.ddmission"
    later.write_bytes(write_pack(contents.mission, contents.checklists, new_laptop))
    with Workspace.open(tmp_path / "company", user="c", catalog=catalog, clock=Clock()) as company:
        company.import_mission_pack(first)
        flagged = company.import_mission_pack(later)
        assert flagged.signature == "other_key"
        done = company.trust_sender_key("mission", mission_id, short_id(flagged.signer))
        assert done.changed and done.key_id == new_laptop.signer.key_id
        assert company.import_mission_pack(later).signature == "signed"
