"""`.ddcheck` bundles: restore a dossier on another laptop; hostile bundles change nothing."""

from __future__ import annotations

import io
import json
import stat
import zipfile
from pathlib import Path

import pytest

from ddcheck.exchange.bundle import MAX_ENTRIES, write_bundle
from ddcheck.services.received_model import ImportRefused
from tests.services.exchange_helpers import dump, filled, open_workspace


@pytest.fixture
def exported(tmp_path: Path):
    """Return (dossier, internal bundle path, adviser bundle path, evidence bytes)."""
    with open_workspace(tmp_path / "old-laptop") as ws:
        dossier = filled(ws)
        proof = tmp_path / "proof.txt"
        proof.write_bytes(b"signed code of conduct")
        ws.attach_evidence(dossier.id, proof, item_key="mini/policy")
        ws.export_bundle(dossier.id, tmp_path / "full.ddcheck", audience="internal")
        ws.export_bundle(dossier.id, tmp_path / "adviser.ddcheck")
        return ws.get_dossier(dossier.id), tmp_path / "full.ddcheck", tmp_path / "adviser.ddcheck"


def test_an_internal_bundle_restores_the_whole_dossier_as_own(exported, tmp_path: Path) -> None:
    original, full, _ = exported
    with open_workspace(tmp_path / "new-laptop") as ws:
        result = ws.import_file(full, as_own=True)
        assert result.status == "restored" and result.dossier_id == original.id
        restored = ws.get_dossier(original.id)
        assert restored.answers_by_key() == original.answers_by_key()
        assert restored.answer("mini", "remarks").value == "SECRET supplier list"
        assert [a.id for a in restored.actions] == [a.id for a in original.actions]
        evidence = restored.evidence[0]
        assert ws.evidence_bytes(evidence.id) == b"signed code of conduct"
        assert restored.answer("mini", "policy").evidence_ids == [evidence.id]
        assert ws.mission_overview().rows == ()
        before = dump(ws.paths.database)
        with pytest.raises(ImportRefused, match="already holds"):
            ws.import_file(full, as_own=True)
        assert dump(ws.paths.database) == before


def test_an_adviser_bundle_cannot_be_restored_as_own(exported, tmp_path: Path) -> None:
    _, _, adviser = exported
    with open_workspace(tmp_path / "new-laptop") as ws:
        with pytest.raises(ImportRefused, match="adviser's version"):
            ws.import_file(adviser, as_own=True)
        assert ws.list_dossiers() == []


def test_only_a_bundle_can_be_restored_as_own(tmp_path: Path) -> None:
    pdf = tmp_path / "x.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    with open_workspace(tmp_path / "ws") as ws, pytest.raises(ImportRefused, match="only a"):
        ws.import_file(pdf, as_own=True)


def _rezip(source: Path, target: Path, change) -> Path:
    """Copy a bundle entry by entry, letting `change(name, data)` return new entries."""
    with zipfile.ZipFile(source) as archive:
        entries = [(i, archive.read(i)) for i in archive.infolist()]
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as out:
        for info, data in entries:
            for new_info, new_data in change(info, data):
                out.writestr(new_info, new_data)
    return target


def _hostile(exported_bundle: Path, tmp_path: Path) -> dict[str, Path]:
    files: dict[str, Path] = {}

    def drop_manifest(info, data):
        return [] if info.filename == "manifest.json" else [(info, data)]

    def flip_evidence(info, data):
        if info.filename.startswith("evidence/"):
            data = data[:-1] + bytes([data[-1] ^ 1])
        return [(info, data)]

    def traversal(info, data):
        extra = zipfile.ZipInfo("../../evil.txt")
        return [(info, data), (extra, b"x")] if info.filename == "dossier.json" else [(info, data)]

    def absolute(info, data):
        return (
            [(zipfile.ZipInfo("/etc/evil"), b"x"), (info, data)]
            if info.filename == ("dossier.json")
            else [(info, data)]
        )

    def symlink(info, data):
        if info.filename.startswith("evidence/"):
            link = zipfile.ZipInfo(info.filename)
            link.external_attr = (stat.S_IFLNK | 0o777) << 16
            return [(link, b"/etc/passwd")]
        return [(info, data)]

    def changed_dossier(info, data):
        if info.filename == "dossier.json":
            data = data.replace(b"Van Dijk BV", b"Van Dijk XX")
        return [(info, data)]

    def newer_format(info, data):
        if info.filename == "manifest.json":
            manifest = json.loads(data)
            manifest["format_version"] = 99
            data = json.dumps(manifest).encode()
        return [(info, data)]

    for name, change in {
        "no-manifest": drop_manifest,
        "hash-mismatch": flip_evidence,
        "traversal": traversal,
        "absolute": absolute,
        "symlink": symlink,
        "changed-dossier": changed_dossier,
        "newer-format": newer_format,
    }.items():
        files[name] = _rezip(exported_bundle, tmp_path / f"{name}.ddcheck", change)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("manifest.json", b"{}")
        out.writestr(f"evidence/{'0' * 64}", b"\0" * (20 * 1024 * 1024))
    (tmp_path / "bomb.ddcheck").write_bytes(bomb.getvalue())
    files["bomb"] = tmp_path / "bomb.ddcheck"
    many = io.BytesIO()
    with zipfile.ZipFile(many, "w") as out:
        for n in range(MAX_ENTRIES + 1):
            out.writestr(f"evidence/{n:064x}", b"")
    (tmp_path / "many.ddcheck").write_bytes(many.getvalue())
    files["many"] = tmp_path / "many.ddcheck"
    lying = tmp_path / "lying-size.ddcheck"
    lying.write_bytes(_lie_about_size(write_bundle(b"{}", [b"A" * 5000])))
    files["lying-size"] = lying
    return files


def _lie_about_size(bundle: bytes) -> bytes:
    """Return the bundle with the evidence entry's declared size (local and central) set to 10."""
    data = bytearray(bundle)
    with zipfile.ZipFile(io.BytesIO(bundle)) as archive:
        info = next(i for i in archive.infolist() if i.filename.startswith("evidence/"))
    data[info.header_offset + 22 : info.header_offset + 26] = (10).to_bytes(4, "little")
    start = data.find(b"PK\x01\x02")
    while start != -1:
        name_len = int.from_bytes(data[start + 28 : start + 30], "little")
        if bytes(data[start + 46 : start + 46 + name_len]).decode() == info.filename:
            data[start + 24 : start + 28] = (10).to_bytes(4, "little")
        start = data.find(b"PK\x01\x02", start + 4)
    return bytes(data)


def test_hostile_bundles_are_refused_and_change_nothing(exported, tmp_path: Path) -> None:
    _, full, _ = exported
    hostile = _hostile(full, tmp_path)
    expected = {
        "no-manifest": "no manifest",
        "hash-mismatch": "SHA-256",
        "traversal": "unexpected path",
        "absolute": "unexpected path",
        "symlink": "link or special file",
        "changed-dossier": "SHA-256",
        "newer-format": "newer than this ddcheck",
        "bomb": "zip bomb|larger than",
        "many": "more than",
        "lying-size": "larger than it declares|size of|damaged",
    }
    with open_workspace(tmp_path / "target") as ws:
        before = dump(ws.paths.database)
        for name, path in hostile.items():
            for as_own in (False, True):
                with pytest.raises(ImportRefused, match=expected[name]) as caught:
                    ws.import_file(path, as_own=as_own)
                assert str(caught.value).startswith(f"{path.name} was not imported:"), name
        assert dump(ws.paths.database) == before
    assert not (tmp_path / "evil.txt").exists()
