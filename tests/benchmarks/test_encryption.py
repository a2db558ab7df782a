"""Benchmarks of encryption at rest and of compact evidence storage (issue 14).

Run with: pytest tests/benchmarks/test_encryption.py -s -p no:cacheprovider
Goals: saving an answer and opening a 2,000-item dossier in an encrypted workspace at most
1.5x the same in a plain one; with 300 MB of evidence (30 files of 10 MB) and ten backups the
workspace folder stays under 1.3x the evidence, and a backup takes about as long as without
evidence, against today's full copy (SQLite's backup API copying a database that holds the
evidence as blobs, done here with bare sqlite3).
"""

from __future__ import annotations

import os
import sqlite3
import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from ddcheck.domain.dossier import Company, Mission
from ddcheck.services import SimpleCatalog, Workspace
from ddcheck.services.demo import build_synthetic
from ddcheck.services.encryption import encrypt_workspace
from tests.services.conftest import load_template

PASS = "correct horse battery staple"
GOAL = 1.5
MB = 1024 * 1024


def _catalog() -> SimpleCatalog:
    return SimpleCatalog.of([load_template("mini-v1"), load_template("briefing-sa")])


def _interleaved(fns: list[Callable[[int], object]], calls: int, rounds: int = 7) -> list[float]:
    """Time the functions in alternating rounds (machine noise hits both); medians per call."""
    times: list[list[float]] = [[] for _ in fns]
    for round_no in range(rounds):
        for index, fn in enumerate(fns):
            start = time.perf_counter()
            for n in range(calls):
                fn(round_no * calls + n)
            times[index].append((time.perf_counter() - start) / calls)
    return [statistics.median(t) for t in times]


def _open(folder: Path, encrypted: bool) -> Workspace:
    if encrypted:
        encrypt_workspace(folder, PASS)
    return Workspace.open(
        folder, user="bench", catalog=_catalog(), passphrase=PASS if encrypted else None
    )


def test_answer_save_and_2000_item_open_encrypted_against_plain(tmp_path: Path):
    plain, crypt = _open(tmp_path / "plain", False), _open(tmp_path / "crypt", True)
    try:
        ids = [build_synthetic(ws, 2000).id for ws in (plain, crypt)]
        items = ("policy", "grievance", "workers", "risk-map", "ekv-esap", "remarks")
        for ws, dossier_id in zip((plain, crypt), ids, strict=True):
            ws.answer(dossier_id, "mini", "policy", value="yes")

        def saver(ws: Workspace, dossier_id: str) -> Callable[[int], object]:
            return lambda n: ws.answer(dossier_id, "mini", items[n % len(items)], note=f"note {n}")

        save_plain, save_crypt = _interleaved(
            [saver(plain, ids[0]), saver(crypt, ids[1])], calls=50
        )
        open_plain, open_crypt = _interleaved(
            [lambda _: plain.get_dossier(ids[0]), lambda _: crypt.get_dossier(ids[1])], calls=3
        )
    finally:
        plain.close()
        crypt.close()
    save_ratio, open_ratio = save_crypt / save_plain, open_crypt / open_plain
    print(
        f"\nsave an answer: plain {save_plain * 1e3:.2f} ms, encrypted {save_crypt * 1e3:.2f} ms"
        f" -> {save_ratio:.2f}x (goal <= {GOAL}x)"
        f"\nopen a 2,000-item dossier: plain {open_plain * 1e3:.1f} ms, encrypted "
        f"{open_crypt * 1e3:.1f} ms -> {open_ratio:.2f}x (goal <= {GOAL}x)"
    )
    assert save_ratio <= GOAL
    assert open_ratio <= GOAL


def _folder_size(root: Path) -> int:
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file())


def _full_copy_backup(folder: Path, evidence: list[bytes], backups: int) -> tuple[float, int]:
    """Today's way: blobs inside the database, each backup a full copy with the backup API."""
    folder.mkdir()
    conn = sqlite3.connect(folder / "workspace.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("CREATE TABLE blobs (sha256 TEXT PRIMARY KEY, size INTEGER, data BLOB)")
    for n, data in enumerate(evidence):
        conn.execute("INSERT INTO blobs VALUES (?, ?, ?)", (str(n), len(data), data))
    times = []
    for n in range(backups):
        start = time.perf_counter()
        dest = sqlite3.connect(folder / f"backup-{n}.sqlite")
        conn.backup(dest)
        dest.close()
        times.append(time.perf_counter() - start)
    conn.close()
    return statistics.median(times), _folder_size(folder)


@pytest.mark.parametrize("encrypted", [False, True])
def test_backups_with_300_mb_of_evidence(tmp_path: Path, encrypted: bool):
    count, size, backups = 30, 10 * MB, 10
    sources = []
    for n in range(count):
        path = tmp_path / f"evidence-{n}.bin"
        path.write_bytes(os.urandom(size))
        sources.append(path)
    evidence_size = count * size
    ws = _open(tmp_path / "ours", encrypted)
    try:
        dossier = ws.create_dossier(
            Company(name="Bench B.V.", kvk_number="12345678", sector="construction"),
            Mission(name="Bench", destinations=["SA"], activities=["export"]),
        )
        empty_times = []
        for n in range(3):
            start = time.perf_counter()
            ws.backup()
            empty_times.append(time.perf_counter() - start)
            ws.answer(dossier.id, "mini", "policy", note=f"before evidence {n}")
        for path in sources:
            ws.attach_evidence(dossier.id, path)
        times = []
        for n in range(backups):
            ws.answer(dossier.id, "mini", "policy", note=f"edit {n}")
            start = time.perf_counter()
            ws.backup()
            times.append(time.perf_counter() - start)
        assert ws.check().ok
    finally:
        ws.close()
    ours_size = _folder_size(tmp_path / "ours")
    ours_time, empty_time = statistics.median(times), statistics.median(empty_times)
    full_time, full_size = _full_copy_backup(
        tmp_path / "full", [p.read_bytes() for p in sources], backups
    )
    kind = "encrypted" if encrypted else "plain"
    print(
        f"\n{kind}: folder with {evidence_size // MB} MB evidence and {backups} backups: "
        f"{ours_size / MB:.0f} MB = {ours_size / evidence_size:.3f}x the evidence "
        f"(full copies: {full_size / MB:.0f} MB = {full_size / evidence_size:.2f}x)"
        f"\n{kind}: one backup {ours_time * 1e3:.1f} ms with the evidence, "
        f"{empty_time * 1e3:.1f} ms without (full copy: {full_time * 1e3:.0f} ms)"
    )
    assert ours_size < 1.3 * evidence_size
    assert ours_time < full_time
