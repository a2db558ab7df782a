"""Backups, restoring one, and checking the workspace file."""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.paths import data_paths
from ddcheck.services.damage import (
    PendingDamage,
    dismiss_damage,
    pending_damage,
    pending_damage_at,
)
from ddcheck.services.encryption import Keychain, unlock
from ddcheck.services.errors import NotFound
from ddcheck.services.templates import TemplateOps
from ddcheck.services.travel import LEFT_HOME
from ddcheck.store import backups as backup_files
from ddcheck.store import damage, meta, open_store
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store.backups import BackupInfo
from ddcheck.store.database import connect, file_problems, foreign_key_problems, problems, set_aside
from ddcheck.store.evidence import counts, damaged_blobs
from ddcheck.store.keys import DataKey
from ddcheck.store.opening import collect_evidence


@dataclass(frozen=True)
class CheckReport:
    """What `check` found: integrity, foreign keys, evidence checksums, and what is stored."""

    problems: tuple[str, ...]
    counts: dict[str, int] = field(default_factory=dict)
    size_bytes: int = 0

    @property
    def ok(self) -> bool:
        """Return whether nothing is wrong."""
        return not self.problems


def restore_workspace(
    data_dir: Path | str | None,
    backup: Path | str | None = None,
    *,
    now: dt.datetime | None = None,
    passphrase: str | None = None,
    key: DataKey | None = None,
    keychain: Keychain | None = None,
) -> Path:
    """Restore a backup (default: the newest good one) as the workspace; return the backup used.

    An encrypted workspace needs its `passphrase` (or the data `key` of an open workspace).
    """
    paths = data_paths(data_dir)
    now = now or dt.datetime.now(dt.UTC)
    key = key or unlock(paths, passphrase, keychain)
    pending = pending_damage_at(paths, key)
    if backup:
        chosen: Path | None = Path(backup)
    elif pending is not None:
        chosen = pending.backup
        if chosen is None:
            raise NotFound(
                catalog_entry(
                    "error", "There is no good backup from before the workspace was damaged."
                )
            )
    else:
        chosen = backup_files.newest_good_backup(paths.backups, key=key)
    if chosen is None:
        raise NotFound(
            catalog_entry("error", "There is no good backup in {folder}."), folder=paths.backups
        )
    target = paths.database
    backup_files.check_backup(chosen, target, key)
    if target.exists():
        if file_problems(target, key=key):
            set_aside(target, paths.damaged, now)
        else:
            conn = connect(target, key=key)
            try:
                if not backup_files.holds_nothing(conn):  # an empty workspace is not worth a copy
                    backup_files.make_backup(
                        conn, paths.backups, now, backup_files.PRE_RESTORE, key
                    )
            finally:
                conn.close()
            backup_files.prune_workspace(paths, backup_files.PRE_RESTORE)
    paths.root.mkdir(parents=True, exist_ok=True)
    backup_files.restore_into(chosen, target, key)
    damage.resolve(paths.damaged)
    return chosen


class _ClassOrInstance:
    """A method that works on the class (closed workspace) and on an open instance."""

    def __init__(self, on_class: Callable[..., Any], on_instance: Callable[..., Any]) -> None:
        self._on_class = on_class
        self._on_instance = on_instance
        self.__doc__ = on_instance.__doc__

    def __get__(self, obj: Any, owner: type | None = None) -> Callable[..., Any]:
        if obj is None:
            return self._on_class
        return functools.partial(self._on_instance, obj)


class SafetyOps(TemplateOps):
    """Back up, restore and check the workspace file."""

    def backup(self) -> Path:
        """Make a backup now with SQLite's backup API; return the file."""
        made = backup_files.make_backup(
            self._store.conn, self._paths.backups, self._now(), backup_files.MANUAL, self._store.key
        )
        backup_files.prune_workspace(self._paths, backup_files.MANUAL)
        collect_evidence(self._store, self._paths, self._now())
        return made

    def list_backups(self) -> list[BackupInfo]:
        """Return the backups of this workspace, newest first."""
        return backup_files.list_backups(self._paths.backups)

    def _restore_open(self, backup: Path | str | None = None) -> Path:
        """Replace the workspace by a backup (the current state is backed up first)."""
        key = self._store.key
        self._store.close()
        try:
            used = restore_workspace(self._paths.root, backup, now=self._now(), key=key)
        finally:
            self._store = open_store(self._paths, self._now(), key=key)
        self._reload_templates()
        return used

    restore = _ClassOrInstance(restore_workspace, _restore_open)

    def _pending_open(self) -> PendingDamage | None:
        """Return the damaged workspace file still waiting for a decision, or None."""
        return pending_damage_at(self._paths, self._store.key)

    def _dismiss_open(self) -> list[Path]:
        """Keep this workspace: move the damaged files to `damaged/resolved/`."""
        return dismiss_damage(self._paths.root)

    pending_damage = _ClassOrInstance(pending_damage, _pending_open)
    dismiss_damage = _ClassOrInstance(dismiss_damage, _dismiss_open)

    def _row_problems(self) -> list[str]:
        """Return the stored dossiers and received revisions that no longer read back."""
        found: list[str] = []
        for row in dossier_rows.list_rows(self._store.conn, include_trashed=True):
            try:
                self.get_dossier(row.id)  # type: ignore[attr-defined]
            except Exception as error:  # a check reports what it finds, it does not stop
                found.append(f"dossier {row.id} cannot be read: {_one_line(error)}")
        for received_id, revision, reason in self._received_problems():  # type: ignore[attr-defined]
            found.append(
                f"received dossier {received_id} revision {revision} does not validate: {reason}"
            )
        return found

    def check(self) -> CheckReport:
        """Run SQLite's integrity and foreign-key checks and verify every evidence checksum."""
        conn = self._store.conn
        found = problems(conn, full=True) + foreign_key_problems(conn)
        at_home = set(json.loads(meta.get(conn, LEFT_HOME) or "[]"))
        found += [
            f"evidence contents {sha[:12]} do not match their checksum"
            for sha in damaged_blobs(conn, self._store.files)
            if sha not in at_home
        ]
        found += self._row_problems()
        pending = pending_damage_at(self._paths, self._store.key)
        if pending is not None:
            found.append(str(pending))
        size = self._paths.database.stat().st_size if self._paths.database.exists() else 0
        return CheckReport(problems=tuple(found), counts=counts(conn), size_bytes=size)


def _one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 160 else text[:159] + "…"
