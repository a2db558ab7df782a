"""Damaged workspace files set aside: pending until resolved, and backups kept across them."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest

from ddcheck.paths import data_paths
from ddcheck.store import WorkspaceDamaged, backups, damage, open_store
from ddcheck.store.database import set_aside

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def _backup(folder: Path, kind: str, when: dt.datetime) -> Path:
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE t (x)")
    made = backups.make_backup(conn, folder, when, kind)
    conn.close()
    return made


def _damaged_file(tmp_path: Path, when: dt.datetime) -> Path:
    paths = data_paths(tmp_path)
    paths.database.write_bytes(b"junk" * 100)
    paths.database.with_name(paths.database.name + "-wal").write_bytes(b"wal")
    return set_aside(paths.database, paths.damaged, when)


def test_a_set_aside_file_is_pending_until_resolved(tmp_path: Path):
    paths = data_paths(tmp_path)
    assert damage.pending(paths.damaged) == []
    moved = _damaged_file(tmp_path, NOW)
    found = damage.pending(paths.damaged)
    assert [d.path for d in found] == [moved] and found[0].found_at == NOW
    resolved = damage.resolve(paths.damaged)
    assert damage.pending(paths.damaged) == []
    assert [p.parent.name for p in resolved] == ["resolved", "resolved"]
    assert all(p.is_file() for p in resolved)
    assert damage.event_times(paths.damaged) == [NOW]


def test_pruning_never_deletes_the_backups_from_before_a_damage(tmp_path: Path):
    paths = data_paths(tmp_path)
    day = dt.timedelta(days=1)
    before = [_backup(paths.backups, backups.DAILY, NOW - day * n) for n in range(1, 4)]
    _damaged_file(tmp_path, NOW)
    events = damage.event_times(paths.damaged)
    for n in range(1, 15):  # two weeks of daily backups of the new, empty workspace
        _backup(paths.backups, backups.DAILY, NOW + day * n)
        backups.prune(paths.backups, backups.DAILY, 10, generations=events)
    left = {b.path for b in backups.list_backups(paths.backups)}
    assert set(before) <= left
    assert len(left) == 3 + 10
    assert backups.newest_good_backup(paths.backups, before=NOW) == before[0]


def _corrupt_a_page(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.execute("CREATE INDEX i ON t (x)")
    conn.executemany("INSERT INTO t VALUES (?)", [(str(i) * 20,) for i in range(3000)])
    conn.commit()
    conn.close()
    data = bytearray(path.read_bytes())
    data[4096 * 20 + 100 : 4096 * 20 + 400] = b"A" * 300
    path.write_bytes(bytes(data))


def test_the_damage_message_is_one_sentence_with_the_details_beside_the_file(tmp_path: Path):
    paths = data_paths(tmp_path)
    paths.root.mkdir(parents=True, exist_ok=True)
    _corrupt_a_page(paths.database)
    with pytest.raises(WorkspaceDamaged) as caught:
        open_store(paths, NOW)
    message = str(caught.value)
    assert "\n" not in message and "tree page" not in message and "***" not in message
    assert "\n" not in caught.value.text("nl")
    details = caught.value.moved_to.with_name(caught.value.moved_to.name + "-problems.txt")
    assert "tree page" in details.read_text() and details.name in message
    resolved = damage.resolve(paths.damaged)
    assert {p.name for p in resolved} >= {details.name}
