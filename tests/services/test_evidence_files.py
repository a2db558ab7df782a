"""Evidence stored once in the evidence folder, shared by the workspace and every backup."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from ddcheck.paths import data_paths
from ddcheck.services import Workspace
from ddcheck.services.encryption import encrypt_workspace

MB = 1024 * 1024


def _folder_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def _evidence(tmp_path: Path, count: int, size: int) -> list[Path]:
    files = []
    for n in range(count):
        path = tmp_path / f"evidence-{n}.bin"
        path.write_bytes(os.urandom(size))
        files.append(path)
    return files


def grow(data: Path, catalog, clock, company, mission, files: list[Path], backups: int, **open_kw):
    """Attach `files` to a new dossier, then make `backups` backups with an edit between each."""
    with Workspace.open(data, catalog=catalog, clock=clock, **open_kw) as ws:
        dossier = ws.create_dossier(company, mission)
        for path in files:
            ws.attach_evidence(dossier.id, path)
        for n in range(backups):
            ws.answer(dossier.id, "mini", "policy", value="yes", note=f"edit {n}")
            ws.backup()
        return dossier.id


@pytest.mark.parametrize("encrypted", [False, True])
def test_backups_do_not_copy_the_evidence_again(
    tmp_path, catalog, clock, company, mission, encrypted
):
    # The case is 30 files of 10 MB; the benchmark runs that size, this runs 30 x 1 MB.
    data = tmp_path / "data"
    open_kw = {}
    if encrypted:
        encrypt_workspace(data, "correct horse battery staple")
        open_kw = {"passphrase": "correct horse battery staple"}
    files = _evidence(tmp_path, 30, MB)
    grow(data, catalog, clock, company, mission, files, backups=3, **open_kw)
    evidence_size = 30 * MB
    paths = data_paths(data)
    assert len(list(paths.backups.glob("*.sqlite"))) >= 3
    assert _folder_size(data) < 1.3 * evidence_size
    with Workspace.open(data, catalog=catalog, clock=clock, **open_kw) as ws:
        assert ws.check().ok


def test_every_backup_restores_everything_on_its_own(tmp_path, catalog, clock, company, mission):
    data = tmp_path / "data"
    files = _evidence(tmp_path, 3, 1000)
    dossier_id = grow(data, catalog, clock, company, mission, files, backups=1)
    with Workspace.open(data, catalog=catalog, clock=clock) as ws:
        [backup] = [b.path for b in ws.list_backups() if b.kind == "manual"]
        for item in ws.get_dossier(dossier_id).evidence:
            ws.detach_evidence(dossier_id, item.id)
        for stored in data_paths(data).evidence.rglob("*"):
            os.utime(stored, (0, 0))  # past the grace period: only references keep them now
        ws.backup()  # collects what nothing refers to: the manual backup still does
        ws.restore(backup)
        restored = ws.get_dossier(dossier_id).evidence
        assert sorted(ws.evidence_bytes(e.id) for e in restored) == sorted(
            f.read_bytes() for f in files
        )


def test_files_nothing_refers_to_are_collected(tmp_path, catalog, clock, company, mission):
    data = tmp_path / "data"
    files = _evidence(tmp_path, 2, 1000)
    dossier_id = grow(data, catalog, clock, company, mission, files, backups=0)
    paths = data_paths(data)
    with Workspace.open(data, catalog=catalog, clock=clock) as ws:
        first, second = ws.get_dossier(dossier_id).evidence
        ws.detach_evidence(dossier_id, first.id)
        stored = paths.evidence / first.sha256[:2] / first.sha256
        assert stored.is_file()
        for backup in ws.list_backups():
            backup.path.unlink()
        os.utime(stored, (0, 0))  # older than the grace period for writes in flight
        ws.backup()
        assert not stored.exists()
        assert ws.evidence_bytes(second.id) == files[1].read_bytes()


def test_check_verifies_every_evidence_file(tmp_path, catalog, clock, company, mission):
    data = tmp_path / "data"
    files = _evidence(tmp_path, 2, 1000)
    grow(data, catalog, clock, company, mission, files, backups=0)
    sha = hashlib.sha256(files[0].read_bytes()).hexdigest()
    stored = data_paths(data).evidence / sha[:2] / sha
    stored.write_bytes(b"tampered")
    missing_sha = hashlib.sha256(files[1].read_bytes()).hexdigest()
    (data_paths(data).evidence / missing_sha[:2] / missing_sha).unlink()
    with Workspace.open(data, catalog=catalog, clock=clock) as ws:
        report = ws.check()
    assert not report.ok
    assert sum("do not match their checksum" in p for p in report.problems) == 2


def test_evidence_inside_an_older_workspace_moves_out_on_open(
    tmp_path, catalog, clock, company, mission
):
    data = tmp_path / "data"
    files = _evidence(tmp_path, 1, 200_000)
    dossier_id = grow(data, catalog, clock, company, mission, files, backups=0)
    paths = data_paths(data)
    sha = hashlib.sha256(files[0].read_bytes()).hexdigest()
    conn = sqlite3.connect(paths.database)
    conn.execute("UPDATE blobs SET data = ?", (files[0].read_bytes(),))
    conn.commit()
    conn.close()
    (paths.evidence / sha[:2] / sha).unlink()
    with Workspace.open(data, catalog=catalog, clock=clock) as ws:
        [item] = ws.get_dossier(dossier_id).evidence
        assert ws.evidence_bytes(item.id) == files[0].read_bytes()
    assert (paths.evidence / sha[:2] / sha).is_file()
    # the schema alone is ~200 KB; with the 200 KB evidence file still inside it would be ~400 KB
    assert paths.database.stat().st_size < 300_000
