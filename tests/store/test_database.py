"""The workspace connection's pragmas, and how a damaged file is recognised and set aside."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from ddcheck.paths import data_paths
from ddcheck.store import WorkspaceBusy, WorkspaceDamaged, WorkspaceError, open_store
from ddcheck.store.database import connect, file_problems, set_aside, transaction

NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)


def test_every_connection_has_wal_foreign_keys_and_a_busy_timeout(tmp_path: Path):
    conn = connect(tmp_path / "w.sqlite")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    conn.close()


def test_foreign_keys_are_enforced(tmp_path: Path):
    store = open_store(data_paths(tmp_path), NOW)
    with pytest.raises(sqlite3.IntegrityError), transaction(store.conn):
        store.conn.execute(
            "INSERT INTO answers (dossier_id, template_id, item_id) VALUES ('none', 't', 'i')"
        )
    store.close()


def test_a_failed_transaction_leaves_nothing_behind(tmp_path: Path):
    store = open_store(data_paths(tmp_path), NOW)
    with pytest.raises(RuntimeError), transaction(store.conn):
        store.conn.execute("INSERT INTO meta VALUES ('k', 'v')")
        raise RuntimeError("boom")
    assert store.conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 0
    store.close()


def test_an_empty_file_is_damaged_and_the_next_open_starts_anew(tmp_path: Path):
    """Issue 17: ddcheck never leaves a 0-byte workspace, so one was emptied: set it aside."""
    paths = data_paths(tmp_path)
    paths.database.write_bytes(b"")
    with pytest.raises(WorkspaceDamaged, match="damaged"):
        open_store(paths, NOW)
    assert [p.stat().st_size for p in paths.damaged.glob("*.sqlite")] == [0]
    store = open_store(paths, NOW)
    assert "dossiers" in store.db.table_names()
    store.close()


def test_file_problems_names_what_is_wrong(tmp_path: Path):
    garbage = tmp_path / "g.sqlite"
    garbage.write_bytes(b"hello world" * 100)
    assert file_problems(garbage) == ["the file is not an SQLite database"]
    assert file_problems(tmp_path / "missing.sqlite")[0].endswith("does not exist")


def test_set_aside_moves_the_file_with_its_wal_and_shm(tmp_path: Path):
    path = tmp_path / "workspace.sqlite"
    for name, data in (("", b"main"), ("-wal", b"wal"), ("-shm", b"shm")):
        path.with_name(path.name + name).write_bytes(data)
    moved = set_aside(path, tmp_path / "damaged", NOW)
    assert moved.read_bytes() == b"main"
    assert moved.with_name(moved.name + "-wal").read_bytes() == b"wal"
    assert not path.exists() and not path.with_name(path.name + "-wal").exists()
    again = tmp_path / "workspace.sqlite"
    again.write_bytes(b"second")
    assert set_aside(again, tmp_path / "damaged", NOW) != moved


def test_a_non_sqlite_file_is_never_overwritten(tmp_path: Path):
    paths = data_paths(tmp_path)
    paths.database.write_bytes(b"PK\x03\x04 a zip file, not a workspace")
    with pytest.raises(WorkspaceDamaged) as caught:
        open_store(paths, NOW)
    assert caught.value.moved_to.read_bytes().startswith(b"PK\x03\x04")
    assert not paths.database.exists()


def test_a_locked_workspace_is_reported_busy_and_never_set_aside(tmp_path: Path, monkeypatch):
    monkeypatch.setattr("ddcheck.store.database.BUSY_TIMEOUT_MS", 200)
    paths = data_paths(tmp_path)
    open_store(paths, NOW).close()
    holder = sqlite3.connect(paths.database, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(WorkspaceBusy):
            open_store(paths, NOW)
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert paths.database.exists() and not paths.damaged.exists()


def test_a_full_disk_is_one_plain_sentence_and_saves_nothing(tmp_path: Path):
    store = open_store(data_paths(tmp_path), NOW)
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count={pages}")
    with pytest.raises(WorkspaceError, match="disk is full"), transaction(store.conn):
        store.conn.execute("INSERT INTO meta VALUES ('a', 'b')")
        store.conn.execute("INSERT INTO blobs VALUES ('x', 1, zeroblob(1000000))")
    assert store.conn.execute("SELECT count(*) FROM meta").fetchone()[0] == 0
    store.close()


def test_unfinished_backups_of_a_killed_process_are_cleaned_up(tmp_path: Path):
    paths = data_paths(tmp_path)
    paths.backups.mkdir(parents=True)
    stale = paths.backups / ".daily-20260101-000000-123-abcd.part"
    fresh = paths.backups / ".daily-20261123-115959-456-ef01.part"
    for part in (stale, fresh):
        part.write_bytes(b"half a backup")
    old = (NOW - dt.timedelta(days=2)).timestamp()
    os.utime(stale, (old, old))
    os.utime(fresh, (NOW.timestamp(), NOW.timestamp()))
    open_store(paths, NOW).close()
    assert not stale.exists() and fresh.exists()
