"""Encrypt or decrypt every database file of a workspace: the workspace file and each backup."""

from __future__ import annotations

import os
import secrets
import sqlite3
from pathlib import Path

from ddcheck.paths import DataPaths
from ddcheck.store import backups
from ddcheck.store.database import connect, looks_like_sqlite, plain_error
from ddcheck.store.keys import DataKey


def _checkpoint(path: Path, key: DataKey | None) -> None:
    """Fold the write-ahead log into the file so one file holds everything; drop the log."""
    conn = connect(path, wal=False, key=key)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    finally:
        conn.close()


def is_plain(path: Path) -> bool:
    """Return whether a database file is plain SQLite (or still empty)."""
    return path.stat().st_size == 0 or looks_like_sqlite(path)


def convert_file(path: Path, *, old: DataKey | None, new: DataKey | None) -> bool:
    """Rewrite one database file from key `old` to key `new` (None: plain); False if done already.

    The new copy is written beside the file and renamed over it, so a crash leaves either the
    old or the new file, and running the conversion again finishes the rest.
    """
    if is_plain(path) != (old is None):
        return False
    from ddcheck.store.driver import export_copy

    partial = path.with_name(f".{path.name}-{os.getpid()}-{secrets.token_hex(4)}.part")
    try:
        _checkpoint(path, old)
        export_copy(path, partial, source_key=old, target_key=new)
        with partial.open("rb+") as handle:
            os.fsync(handle.fileno())
        os.replace(partial, path)
    except sqlite3.Error as error:
        raise plain_error(error) from error
    finally:
        partial.unlink(missing_ok=True)
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return True


def database_files(paths: DataPaths) -> list[Path]:
    """Return the workspace file (if it exists) and every backup, the workspace first."""
    found = [paths.database] if paths.database.is_file() else []
    return found + [info.path for info in backups.list_backups(paths.backups)]


def convert_workspace(paths: DataPaths, *, old: DataKey | None, new: DataKey | None) -> int:
    """Convert the workspace file and every backup; return how many files were rewritten."""
    return sum(convert_file(path, old=old, new=new) for path in database_files(paths))
