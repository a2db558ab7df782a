"""Evidence files kept inside the workspace, with their checksum, type and size limit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from ddcheck.services import EvidenceTooLarge, InvalidInput, NotFound, Workspace
from ddcheck.services.evidence import MAX_EVIDENCE_BYTES


@pytest.fixture
def dossier_id(ws: Workspace, company, mission) -> str:
    return ws.create_dossier(company, mission).id


@pytest.fixture
def pdf(tmp_path: Path) -> Path:
    path = tmp_path / "beleid.pdf"
    path.write_bytes(b"%PDF-1.4 policy \x00\xff")
    return path


def test_attach_stores_contents_hash_type_and_link(ws: Workspace, dossier_id: str, pdf: Path):
    evidence = ws.attach_evidence(dossier_id, pdf, item_key="mini/policy")

    assert evidence.name == "beleid.pdf"
    assert evidence.media_type == "application/pdf"
    assert evidence.size == pdf.stat().st_size
    assert evidence.sha256 == hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert ws.evidence_bytes(evidence.id) == pdf.read_bytes()
    dossier = ws.get_dossier(dossier_id)
    assert dossier.evidence == [evidence]
    assert dossier.answer("mini", "policy").evidence_ids == [evidence.id]


def test_the_file_can_change_or_vanish_after_attaching(ws: Workspace, dossier_id: str, pdf: Path):
    original = pdf.read_bytes()
    evidence = ws.attach_evidence(dossier_id, pdf)
    pdf.unlink()
    assert ws.evidence_bytes(evidence.id) == original


def test_export_writes_a_copy_without_overwriting(
    ws: Workspace, dossier_id: str, pdf: Path, tmp_path
):
    evidence = ws.attach_evidence(dossier_id, pdf)
    out = tmp_path / "out"
    first = ws.export_evidence(evidence.id, out)
    second = ws.export_evidence(dossier_id, evidence.id, out)
    assert first.read_bytes() == second.read_bytes() == pdf.read_bytes()
    assert (first.name, second.name) == ("beleid.pdf", "beleid (1).pdf")


def test_a_file_above_the_limit_is_refused_with_its_size(ws: Workspace, dossier_id, tmp_path):
    big = tmp_path / "scan.tif"
    with big.open("wb") as handle:
        handle.truncate(MAX_EVIDENCE_BYTES + 5_000_000)
    with pytest.raises(EvidenceTooLarge, match=r"is 30\.0 MB; .* at most 25\.0 MB") as caught:
        ws.attach_evidence(dossier_id, big)
    assert "hoogstens 25,0 MB" in caught.value.text("nl")  # sizes as the app writes them
    assert ws.get_dossier(dossier_id).evidence == []


def test_missing_file_or_folder_is_a_clear_error(ws: Workspace, dossier_id, tmp_path):
    with pytest.raises(InvalidInput, match="Cannot read"):
        ws.attach_evidence(dossier_id, tmp_path / "nope.pdf")
    with pytest.raises(InvalidInput, match="folder"):
        ws.attach_evidence(dossier_id, tmp_path)


def test_the_same_contents_are_stored_once(ws: Workspace, dossier_id, pdf, tmp_path):
    copy = tmp_path / "kopie.pdf"
    copy.write_bytes(pdf.read_bytes())
    ws.attach_evidence(dossier_id, pdf)
    ws.attach_evidence(dossier_id, copy)
    assert ws.check().counts["evidence"] == 2
    assert len(ws.get_dossier(dossier_id).evidence) == 2


def test_detach_from_item_keeps_the_file_and_detach_all_removes_it(ws, dossier_id, pdf):
    evidence = ws.attach_evidence(dossier_id, pdf, item_key="mini/policy")
    ws.link_evidence(dossier_id, evidence.id, "mini/grievance")

    changes = ws.detach_evidence(dossier_id, evidence.id, item_key="mini/policy")
    assert changes.touches("answer", "mini/policy")
    dossier = ws.get_dossier(dossier_id)
    assert dossier.answer("mini", "grievance").evidence_ids == [evidence.id]
    assert [e.id for e in dossier.evidence] == [evidence.id]

    ws.detach_evidence(dossier_id, evidence.id)
    assert ws.get_dossier(dossier_id).evidence == []
    with pytest.raises(NotFound):
        ws.evidence_bytes(evidence.id)


def test_evidence_of_another_dossier_is_not_reachable(ws, dossier_id, company, mission, pdf):
    other = ws.create_dossier(company, mission).id
    evidence = ws.attach_evidence(other, pdf)
    with pytest.raises(NotFound):
        ws.detach_evidence(dossier_id, evidence.id)


def test_hostile_names_are_made_safe(ws, dossier_id, pdf, tmp_path):
    evidence = ws.attach_evidence(dossier_id, pdf, name="../../etc/passwd\x00.pdf")
    assert "/" not in evidence.name and "\x00" not in evidence.name
    exported = ws.export_evidence(evidence.id, tmp_path / "out")
    assert exported.parent == tmp_path / "out"


def test_duplicate_shares_evidence_and_purge_keeps_the_others_blob(ws, dossier_id, pdf):
    evidence = ws.attach_evidence(dossier_id, pdf, item_key="mini/policy")
    ws.answer(dossier_id, "mini", "policy", value="yes")
    copy = ws.duplicate_dossier(dossier_id, "Volgende missie")
    [copied] = copy.evidence
    assert copied.id != evidence.id and copied.sha256 == evidence.sha256
    assert copy.answer("mini", "policy").evidence_ids == [copied.id]

    ws.delete_dossier(dossier_id)
    ws.purge_dossier(dossier_id)
    assert ws.evidence_bytes(copied.id) == pdf.read_bytes()
    assert ws.check().ok


def test_windows_reserved_names_are_avoided(ws, dossier_id, pdf, tmp_path):
    evidence = ws.attach_evidence(dossier_id, pdf, name="CON.pdf")
    assert evidence.name == "_CON.pdf"


def test_a_file_name_that_is_not_utf8_is_stored_readably(ws, dossier_id, tmp_path):
    odd = tmp_path / "rapport-\udcff.pdf"  # how Python names a file whose name is Latin-1 'ÿ'
    odd.write_bytes(b"%PDF-1.4")
    evidence = ws.attach_evidence(dossier_id, odd)
    assert evidence.name == "rapport-\ufffd.pdf"


def test_update_evidence_renames_and_annotates(ws, dossier_id, pdf):
    evidence = ws.attach_evidence(dossier_id, pdf)
    changes = ws.update_evidence(dossier_id, evidence.id, name="Beleid/2025.pdf", note="getekend")
    assert {(c.field, c.new) for c in changes.changes} == {
        ("name", "Beleid_2025.pdf"),
        ("note", "getekend"),
    }
    [stored] = ws.get_dossier(dossier_id).evidence
    assert (stored.name, stored.note, stored.sha256) == (
        "Beleid_2025.pdf",
        "getekend",
        evidence.sha256,
    )
    assert not ws.update_evidence(dossier_id, evidence.id, note="getekend")


def test_a_device_or_pipe_is_refused_without_reading_it(ws: Workspace, dossier_id, tmp_path):
    import os

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for source in (Path("/dev/zero"), fifo):
        with pytest.raises(InvalidInput, match="not a regular file"):
            ws.attach_evidence(dossier_id, source)
    assert ws.get_dossier(dossier_id).evidence == []


def test_reading_stops_at_the_limit_whatever_the_size_said(
    ws: Workspace, dossier_id, tmp_path, monkeypatch
):
    big = tmp_path / "grows.bin"
    big.write_bytes(b"x" * 100)
    monkeypatch.setattr("ddcheck.services.evidence.MAX_EVIDENCE_BYTES", 10)
    monkeypatch.setattr("ddcheck.bounded_read._stat_size", lambda _stat: 5)  # stat lies
    with pytest.raises(EvidenceTooLarge):
        ws.attach_evidence(dossier_id, big)


def _evidence_history(ws: Workspace, dossier_id: str) -> list[tuple]:
    return [
        (h.old, h.new)
        for h in ws.history(dossier_id)
        if h.entity == "answer" and h.field == "evidence"
    ]


def test_history_of_an_items_evidence_shows_what_was_there_before(ws, dossier_id, pdf, tmp_path):
    second = tmp_path / "tweede.pdf"
    second.write_bytes(b"%PDF-1.4 another")
    first = ws.attach_evidence(dossier_id, pdf, item_key="mini/policy")
    other = ws.attach_evidence(dossier_id, second, item_key="mini/policy")
    ws.detach_evidence(dossier_id, first.id, item_key="mini/policy")
    assert _evidence_history(ws, dossier_id) == [
        ([], [first.id]),
        ([first.id], [first.id, other.id]),
        ([first.id, other.id], [other.id]),
    ]


def test_attaching_the_same_file_twice_reuses_the_first(ws, dossier_id, pdf):
    first = ws.attach_evidence(dossier_id, pdf)
    again = ws.attach_evidence(dossier_id, pdf, item_key="mini/policy")
    assert again.id == first.id
    dossier = ws.get_dossier(dossier_id)
    assert [e.id for e in dossier.evidence] == [first.id]
    assert dossier.answer("mini", "policy").evidence_ids == [first.id]


def test_a_symbolic_link_is_refused_not_followed(ws: Workspace, dossier_id, tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$secret")
    link = tmp_path / "innocent.pdf"
    link.symlink_to(secret)
    with pytest.raises(InvalidInput, match="symbolic link") as caught:
        ws.attach_evidence(dossier_id, link)
    assert "\n" not in str(caught.value)
    assert ws.get_dossier(dossier_id).evidence == []
