"""Rolling backups through SQLite's online backup API, and restoring one."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.paths import DataPaths
from ddcheck.store import damage
from ddcheck.store.database import SQLITE_HEADER, connect, file_problems, open_read_only
from ddcheck.store.errors import NotFound, WorkspaceError
from ddcheck.store.keys import DataKey

DAILY = "daily"
PRE_MIGRATION = "pre-migration"
PRE_RESTORE = "pre-restore"
MANUAL = "manual"
KINDS = (DAILY, PRE_MIGRATION, PRE_RESTORE, MANUAL)
KEEP = 10
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupInfo:
    """One backup file: where it is, why it was made, and when."""

    path: Path
    kind: str
    made_at: dt.datetime
    size: int


def _parse(path: Path) -> BackupInfo | None:
    stem = path.stem
    for kind in KINDS:
        prefix = f"{kind}-"
        if stem.startswith(prefix):
            stamp = stem[len(prefix) : len(prefix) + 15]
            try:
                made = dt.datetime.strptime(stamp, _STAMP).replace(tzinfo=dt.UTC)
            except ValueError:
                return None
            try:
                size = path.stat().st_size
            except FileNotFoundError:  # pruned by another process meanwhile
                return None
            return BackupInfo(path, kind, made, size)
    return None


def _has_sqlite_header(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(len(SQLITE_HEADER)) == SQLITE_HEADER
    except OSError:
        return False


def _may_be_database(path: Path) -> bool:
    """Return whether `path` is plain SQLite or could be SQLCipher (whole pages of random bytes)."""
    if _has_sqlite_header(path):
        return True
    try:
        size = path.stat().st_size
    except OSError:
        return False
    return size > 0 and size % 1024 == 0


def list_backups(folder: Path) -> list[BackupInfo]:
    """Return the backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [
        info
        for p in folder.glob("*.sqlite")
        if (info := _parse(p)) is not None and _may_be_database(p)
    ]
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def make_backup(
    conn: sqlite3.Connection,
    folder: Path,
    now: dt.datetime,
    kind: str,
    key: DataKey | None = None,
) -> Path:
    """Copy the open database into `folder` with the backup API; return the new file.

    With `key` (an encrypted workspace) the copy is encrypted with the same key.
    """
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(dt.UTC).strftime(_STAMP)
    target = folder / f"{kind}-{stamp}.sqlite"
    counter = 1
    while target.exists():
        target = folder / f"{kind}-{stamp}-{counter}.sqlite"
        counter += 1
    partial = folder / f".{target.stem}-{os.getpid()}-{secrets.token_hex(4)}.part"
    dest = connect(partial, wal=False, key=key) if key else sqlite3.connect(str(partial))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    os.replace(partial, target)
    return target


def holds_nothing(conn: sqlite3.Connection) -> bool:
    """Return whether a workspace has no dossiers, received dossiers or imported templates."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    for table in ("dossiers", "received_dossiers", "custom_templates"):
        if table in tables and conn.execute(f"SELECT 1 FROM {table} LIMIT 1").fetchone():
            return False
    return True


def prune(
    folder: Path, kind: str, keep: int = KEEP, *, generations: Sequence[dt.datetime] = ()
) -> list[Path]:
    """Delete all but the newest `keep` backups of one kind in each generation; return them.

    `generations` are the times the workspace was found damaged: the backups made before a
    damage are the only way back to the work before it, so new backups never push them out.
    """
    by_generation: dict[int, list[Path]] = {}
    for info in list_backups(folder):
        if info.kind == kind:
            generation = sum(1 for when in generations if when < info.made_at)
            by_generation.setdefault(generation, []).append(info.path)
    old = [path for paths in by_generation.values() for path in paths[keep:]]
    for path in old:
        path.unlink(missing_ok=True)
    return old


def prune_workspace(paths: DataPaths, kind: str, keep: int = KEEP) -> list[Path]:
    """Prune one kind of backup of a workspace, keeping every generation's newest `keep`."""
    return prune(paths.backups, kind, keep, generations=damage.event_times(paths.damaged))


def remove_stale_parts(folder: Path, now: dt.datetime, age: dt.timedelta) -> list[Path]:
    """Delete unfinished backup files (left by a killed process) older than `age`."""
    removed = []
    for part in folder.glob(".*.part") if folder.is_dir() else ():
        try:
            modified = dt.datetime.fromtimestamp(part.stat().st_mtime, dt.UTC)
            if now - modified > age:
                part.unlink()
                removed.append(part)
        except FileNotFoundError:
            continue
    return removed


def has_backup_on(folder: Path, day: dt.date, kind: str = DAILY) -> bool:
    """Return whether a backup of `kind` was made on `day` (UTC)."""
    return any(b.kind == kind and b.made_at.date() == day for b in list_backups(folder))


def newest_good_backup(
    folder: Path, *, before: dt.datetime | None = None, key: DataKey | None = None
) -> Path | None:
    """Return the newest backup (made before `before`) that passes `quick_check`, or None.

    A 'pre-restore' copy (the state a restore replaced) is chosen only when nothing else is
    left, so restoring twice does not undo the first restore.
    """
    candidates = [b for b in list_backups(folder) if before is None or b.made_at <= before]
    candidates.sort(key=lambda b: b.kind == PRE_RESTORE)  # stable: newest first within each
    for backup in candidates:
        if not file_problems(backup.path, key=key):
            return backup.path
    return None


def check_backup(backup: Path, workspace: Path, key: DataKey | None = None) -> None:
    """Refuse what cannot be restored: the workspace itself, a missing, foreign or damaged file."""
    if not backup.is_file():
        raise NotFound(catalog_entry("error", "There is no backup file {backup}."), backup=backup)
    if workspace.exists() and backup.resolve() == workspace.resolve():
        raise WorkspaceError(
            catalog_entry(
                "error",
                "{backup} is the workspace itself; name a backup (see 'ddcheck backup --list').",
            ),
            backup=backup,
        )
    if (key is None and not _has_sqlite_header(backup)) or not _is_workspace(backup, key):
        raise WorkspaceError(
            catalog_entry("error", "{backup} is not a ddcheck backup; nothing was changed."),
            backup=backup.name,
        )
    found = file_problems(backup, key=key)
    if found:
        raise WorkspaceError(
            catalog_entry("error", "The backup {backup} is damaged too; pick another."),
            backup=backup.name,
        )


def _is_workspace(path: Path, key: DataKey | None = None) -> bool:
    try:
        conn = open_read_only(path, key)
    except sqlite3.Error:
        return False
    try:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError:
        return True  # a damaged workspace: say so below, not that it is foreign
    finally:
        conn.close()
    return {"dossiers", "meta"} <= names


def restore_into(backup: Path, target: Path, key: DataKey | None = None) -> None:
    """Copy a sound backup over the workspace at `target` with the backup API."""
    check_backup(backup, target, key)
    source = open_read_only(backup, key)
    try:
        dest = connect(target, key=key)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
