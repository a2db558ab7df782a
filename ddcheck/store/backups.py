"""Rolling backups through SQLite's online backup API, and restoring one."""

from __future__ import annotations

import datetime as dt
import os
import secrets
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from ddcheck.paths import DataPaths
from ddcheck.store import damage
from ddcheck.store.database import connect, file_problems
from ddcheck.store.errors import NotFound, WorkspaceError

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


def list_backups(folder: Path) -> list[BackupInfo]:
    """Return the backups in `folder`, newest first."""
    if not folder.is_dir():
        return []
    found = [info for p in folder.glob("*.sqlite") if (info := _parse(p)) is not None]
    return sorted(found, key=lambda b: (b.made_at, b.path.name), reverse=True)


def make_backup(conn: sqlite3.Connection, folder: Path, now: dt.datetime, kind: str) -> Path:
    """Copy the open database into `folder` with the backup API; return the new file."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = now.astimezone(dt.UTC).strftime(_STAMP)
    target = folder / f"{kind}-{stamp}.sqlite"
    counter = 1
    while target.exists():
        target = folder / f"{kind}-{stamp}-{counter}.sqlite"
        counter += 1
    partial = folder / f".{target.stem}-{os.getpid()}-{secrets.token_hex(4)}.part"
    dest = sqlite3.connect(str(partial))
    try:
        conn.backup(dest)
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()
    os.replace(partial, target)
    return target


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


def newest_good_backup(folder: Path, *, before: dt.datetime | None = None) -> Path | None:
    """Return the newest backup (made before `before`) that passes `quick_check`, or None."""
    for backup in list_backups(folder):
        if before is not None and backup.made_at > before:
            continue
        if not file_problems(backup.path):
            return backup.path
    return None


def restore_into(backup: Path, target: Path) -> None:
    """Copy a sound backup over the workspace at `target` with the backup API."""
    if not backup.is_file():
        raise NotFound(f"There is no backup file {backup}.")
    found = file_problems(backup)
    if found:
        raise WorkspaceError(
            f"The backup {backup.name} is damaged too ({found[0]}); pick another.",
            nl=f"De back-up {backup.name} is ook beschadigd ({found[0]}); kies een andere.",
        )
    source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dest = connect(target)
        try:
            source.backup(dest)
        finally:
            dest.close()
    finally:
        source.close()
