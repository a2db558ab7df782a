"""Travel mode: leave things at home in an encrypted archive and bring every row back."""

from __future__ import annotations

import hashlib

import pytest

from ddcheck.paths import data_paths
from ddcheck.services import InvalidInput, NotFound, Workspace
from ddcheck.services.encryption import encrypt_workspace
from ddcheck.store.travel_rows import all_rows

PASS = "correct horse battery staple"
NOTE = "Agent vraagt contant geld SECRET-OKAPI-2291"
EVIDENCE = b"CONTRACT-PANGOLIN " * 500


def _decrypted_everything(ws: Workspace) -> bytes:
    """Every row of the workspace and every backup, decrypted, plus every evidence file."""
    from ddcheck.store.database import open_read_only
    from ddcheck.store.evidence_files import _files, _open

    parts = [repr(all_rows(ws._store.conn)).encode()]
    for backup in ws.list_backups():
        conn = open_read_only(backup.path, ws._store.key)
        parts.append(repr(all_rows(conn)).encode())
        conn.close()
    for path in _files(ws.paths.evidence):
        parts.append(_open(ws._store.key, path.read_bytes())[1])
    return b"".join(parts)


@pytest.fixture
def trip(tmp_path, catalog, clock, company, mission):
    data = tmp_path / "data"
    encrypt_workspace(data, PASS)
    (tmp_path / "contract.pdf").write_bytes(EVIDENCE)
    (tmp_path / "plain.pdf").write_bytes(b"ordinary evidence")
    with Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS) as ws:
        kept = ws.create_dossier(company, mission)
        left = ws.create_dossier(company.model_copy(update={"name": "Tweede B.V."}), mission)
        ws.answer(kept.id, "mini", "policy", value="no", note=NOTE, confidential=True)
        ws.answer(kept.id, "mini", "policy", note=NOTE + " (bijgewerkt)")
        ws.answer(kept.id, "briefing-sa", "recruitment-fees", value="yes", note="gewoon")
        ws.attach_evidence(kept.id, tmp_path / "contract.pdf", item_key="mini/policy")
        ws.attach_evidence(kept.id, tmp_path / "plain.pdf")
        ws.answer(left.id, "mini", "policy", value="yes", note="tweede dossier")
        ws.backup()
    return data, kept.id, left.id


def _state(ws: Workspace) -> tuple:
    evidence = {}
    for info in ws.list_dossiers():
        for item in ws.get_dossier(info.id).evidence:
            evidence[item.id] = hashlib.sha256(ws.evidence_bytes(item.id)).hexdigest()
    return all_rows(ws._store.conn), evidence


def test_round_trip_brings_back_every_row_and_every_evidence_hash(trip, tmp_path, catalog, clock):
    data, kept_id, left_id = trip
    archive = tmp_path / "usb" / "trip.ddtravel"
    archive.parent.mkdir()
    with Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS) as ws:
        before = _state(ws)
        assert NOTE.encode() in _decrypted_everything(ws)
        assert b"CONTRACT-PANGOLIN" in _decrypted_everything(ws)
        plan = ws.travel_plan(["confidential", "evidence", left_id[:6]])
        assert plan.dossiers_left == (left_id,) and plan.dossiers_kept == (kept_id,)
        ws.prepare_travel(["confidential", "evidence", left_id[:6]], archive)

        assert ws.travelling()
        assert [d.id for d in ws.list_dossiers()] == [kept_id]
        dossier = ws.get_dossier(kept_id)
        assert dossier.answer("mini", "policy") is None or not dossier.answer("mini", "policy").note
        assert dossier.answer("briefing-sa", "recruitment-fees").note == "gewoon"
        with pytest.raises(NotFound, match="left at home"):
            ws.evidence_bytes(dossier.evidence[0].id)
        assert ws.list_backups() == []
        everything = _decrypted_everything(ws)
        assert NOTE.encode() not in everything and b"CONTRACT-PANGOLIN" not in everything
        assert b"tweede dossier" not in everything
        assert ws.check().ok, ws.check().problems
    raw = b"".join(p.read_bytes() for p in data.rglob("*") if p.is_file())
    assert NOTE.encode() not in raw and b"CONTRACT-PANGOLIN" not in raw

    with Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS) as ws:
        ws.return_from_travel(archive)
        assert not ws.travelling()
        after = _state(ws)
        assert after == before
        assert len(ws.list_backups()) >= 1


def test_return_refuses_a_foreign_or_damaged_archive_and_changes_nothing(
    trip, tmp_path, catalog, clock
):
    data, _, _ = trip
    archive = tmp_path / "trip.ddtravel"
    with Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS) as ws:
        with pytest.raises(InvalidInput, match="not prepared for travel"):
            ws.return_from_travel(archive)
        with pytest.raises(InvalidInput, match="outside the workspace folder"):
            ws.prepare_travel(["confidential"], data / "trip.ddtravel")
        ws.prepare_travel(["confidential"], archive)
        during = all_rows(ws._store.conn)
        broken = tmp_path / "broken.ddtravel"
        raw = bytearray(archive.read_bytes())
        raw[-5] ^= 0xFF
        broken.write_bytes(bytes(raw))
        with pytest.raises(InvalidInput, match="nothing was changed"):
            ws.return_from_travel(broken)
        with pytest.raises(InvalidInput, match="nothing was changed"):
            ws.return_from_travel(tmp_path / "contract.pdf")
        assert all_rows(ws._store.conn) == during


def test_travel_needs_an_encrypted_workspace(ws, tmp_path):
    with pytest.raises(InvalidInput, match="Encrypt the workspace first"):
        ws.prepare_travel(["confidential"], tmp_path / "trip.ddtravel")


def test_an_answer_given_during_the_trip_is_kept(trip, tmp_path, catalog, clock):
    data, kept_id, _ = trip
    archive = tmp_path / "trip.ddtravel"
    with Workspace.open(data, catalog=catalog, clock=clock, passphrase=PASS) as ws:
        ws.prepare_travel(["confidential"], archive)
        ws.answer(kept_id, "mini", "policy", value="partly", note="onderweg")
        report = ws.return_from_travel(archive)
        assert report.kept_answers == ("mini/policy",)
        assert ws.get_dossier(kept_id).answer("mini", "policy").note == "onderweg"
    assert data_paths(data).keys.exists()
