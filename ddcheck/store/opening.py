"""Open a workspace safely: check it, set a damaged file aside, back up, migrate."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ddcheck.domain.vocabulary import Wording, catalog_entry
from ddcheck.paths import DataPaths
from ddcheck.store import backups, damage, migration_state
from ddcheck.store import evidence as evidence_rows
from ddcheck.store.database import (
    connect,
    enable_wal,
    held_open,
    hold_open,
    is_damage,
    looks_like_sqlite,
    open_read_only,
    plain_error,
    problems,
    release,
    set_aside,
    transaction,
)
from ddcheck.store.errors import (
    WorkspaceDamaged,
    WorkspaceError,
    WorkspaceLocked,
    WorkspaceTooNew,
)
from ddcheck.store.evidence_files import EvidenceFiles
from ddcheck.store.keys import DataKey

if TYPE_CHECKING:
    from sqlite_utils import Database

log = logging.getLogger(__name__)


@dataclass
class Store:
    """An open workspace file: the raw connection, and sqlite-utils when a migration needs it."""

    conn: sqlite3.Connection
    path: Path
    backups_made: list[Path] = field(default_factory=list)
    key: DataKey | None = None
    files: EvidenceFiles = field(default_factory=lambda: EvidenceFiles(Path("evidence")))

    held: bool = field(default=False, init=False)
    _db: Database | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        hold_open(self.path)
        self.held = True

    @property
    def db(self) -> Database:
        """The connection seen through sqlite-utils (imported on first use: start-up skips it)."""
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def close(self) -> None:
        """Close the connection (checkpointing the WAL when this is the last one)."""
        self.conn.close()
        if self.held:
            release(self.path)
            self.held = False


def _damaged(
    paths: DataPaths, now: dt.datetime, details: list[str], key: DataKey | None
) -> WorkspaceDamaged:
    """Set the damaged file aside, write what SQLite found beside it, return the error."""
    moved = set_aside(paths.database, paths.damaged, now)
    report = moved.with_name(moved.name + damage.PROBLEMS_SUFFIX)
    try:
        report.write_text("\n".join(details) + "\n", encoding="utf-8")
        seen: Wording | str = Wording(
            catalog_entry("error", " (what SQLite found is in {report})"), report=report.name
        )
    except OSError:
        seen = ""
    log.info("workspace %s damaged, set aside as %s: %s", paths.database, moved, details)
    newest = backups.newest_good_backup(paths.backups, key=key)
    offer = (
        Wording(catalog_entry("error", "the newest good backup is {backup}"), backup=newest.name)
        if newest
        else Wording(catalog_entry("error", "there is no backup"))
    )
    return WorkspaceDamaged(
        catalog_entry(
            "error",
            "The workspace file is damaged; it was set aside unchanged as {moved}{seen}, "
            "and {offer}.",
        ),
        moved_to=moved,
        newest_backup=newest,
        moved=moved,
        seen=seen,
        offer=offer,
    )


def _check_key(paths: DataPaths, key: DataKey | None) -> None:
    """Refuse a key for a plain workspace, no key for an encrypted one, and a half conversion."""
    encrypted = paths.keys.exists()
    if encrypted and key is None:
        raise WorkspaceLocked(
            catalog_entry(
                "error", "The workspace is encrypted; its passphrase is needed to open it."
            )
        )
    if key is not None and not encrypted:
        raise WorkspaceError(
            catalog_entry("error", "The workspace is not encrypted; open it without a passphrase.")
        )
    path = paths.database
    if (
        key is not None
        and path.exists()
        and path.stat().st_size
        and not held_open(path)  # open here already: checked then, and never read raw again
        and looks_like_sqlite(path)
    ):
        raise WorkspaceError(
            catalog_entry(
                "error",
                "Encrypting or decrypting the workspace was interrupted; run 'ddcheck workspace "
                "encrypt' (or 'decrypt') again to finish it.",
            )
        )


def _connect_checked(paths: DataPaths, now: dt.datetime, key: DataKey | None) -> sqlite3.Connection:
    path = paths.database
    if path.is_dir():
        raise WorkspaceError(
            catalog_entry(
                "error",
                "{path} is a folder, not a workspace file; move it away or choose another data "
                "folder.",
            ),
            path=path,
        )
    if path.exists() and not path.is_file():
        raise WorkspaceError(
            catalog_entry(
                "error",
                "{path} is not a regular file; move it away or choose another data folder.",
            ),
            path=path,
        )
    _check_key(paths, key)
    if key is None and path.exists() and not looks_like_sqlite(path):
        raise _damaged(paths, now, ["the file is not an SQLite database"], key)
    existed = path.exists()
    if existed and path.stat().st_size == 0:
        # ddcheck never leaves an empty workspace file: something emptied it.
        raise _damaged(paths, now, ["the workspace file is empty (0 bytes)"], key)
    try:
        conn = connect(path, wal=False, key=key)
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise _damaged(paths, now, [str(error)], key) from error
        raise plain_error(error) from error
    try:
        found = problems(conn)
    except BaseException:
        conn.close()
        raise
    if not found and existed and _expected_but_empty(conn, paths, key):
        found = ["the workspace file holds no tables, but backups of a workspace exist"]
    if found:
        conn.close()
        raise _damaged(paths, now, found, key)
    return conn


def _expected_but_empty(conn: sqlite3.Connection, paths: DataPaths, key: DataKey | None) -> bool:
    """Return whether the file has no tables while backups show a workspace was here."""
    tables = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table'").fetchone()[0]
    return not tables and backups.newest_good_backup(paths.backups, key=key) is not None


def _has_dossiers(conn: sqlite3.Connection) -> bool:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'dossiers'").fetchone():
        return False
    return conn.execute("SELECT 1 FROM dossiers LIMIT 1").fetchone() is not None


def _migrate(
    store: Store, paths: DataPaths, now: dt.datetime, keep: int, applied: list[str]
) -> None:
    if not migration_state.pending(applied):
        return
    from ddcheck.store import schema  # sqlite-utils: only when the file needs a migration

    if applied:
        store.backups_made.append(
            backups.make_backup(store.conn, paths.backups, now, backups.PRE_MIGRATION, store.key)
        )
        backups.prune_workspace(paths, backups.PRE_MIGRATION, keep)
    with transaction(store.conn):
        schema.migrate(store.db)


def _move_evidence_out(store: Store) -> None:
    """Move evidence kept inside the database (older workspaces) into the evidence folder."""
    if not store.conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'blobs'").fetchone():
        return
    with transaction(store.conn):
        moved = evidence_rows.move_out(store.conn, store.files)
    if moved:
        store.conn.execute("VACUUM")  # give the space the contents took back to the disk


def collect_evidence(store: Store, paths: DataPaths, now: dt.datetime) -> list[Path]:
    """Delete evidence files that neither the workspace nor any backup refers to any more."""
    wanted = evidence_rows.referenced(store.conn)
    for info in backups.list_backups(paths.backups):
        try:
            conn = open_read_only(info.path, store.key)
            try:
                wanted |= evidence_rows.referenced(conn)
            finally:
                conn.close()
        except sqlite3.DatabaseError:
            log.info("backup %s unreadable; keeping every evidence file", info.path)
            return []
    return store.files.collect(wanted, now)


def open_store(
    paths: DataPaths,
    now: dt.datetime,
    *,
    keep: int = backups.KEEP,
    key: DataKey | None = None,
) -> Store:
    """Open (or create) the workspace file; raise WorkspaceDamaged or WorkspaceTooNew.

    An encrypted workspace needs its data `key` (unwrapped from `workspace.keys` by the caller);
    without one it raises WorkspaceLocked and touches nothing.
    """
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or error
        raise WorkspaceError(
            catalog_entry("error", "{folder} cannot be used as the workspace folder ({reason})."),
            folder=paths.root,
            reason=reason,
        ) from error
    conn = _connect_checked(paths, now, key)
    store = Store(
        conn=conn,
        path=paths.database,
        key=key,
        files=EvidenceFiles(paths.evidence, key),
    )
    try:
        applied = migration_state.applied_names(conn)  # read once: what is unknown, what is due
        if migration_state.unknown(applied):
            raise WorkspaceTooNew(
                catalog_entry(
                    "error",
                    "The workspace was saved by a newer version of ddcheck; update ddcheck to "
                    "open it.",
                )
            )

        enable_wal(conn)
        _migrate(store, paths, now, keep, applied)
        _move_evidence_out(store)
        if _has_dossiers(conn) and not backups.has_backup_on(paths.backups, now.date()):
            store.backups_made.append(
                backups.make_backup(conn, paths.backups, now, backups.DAILY, key)
            )
            backups.prune_workspace(paths, backups.DAILY, keep)
        backups.remove_stale_parts(paths.backups, now, dt.timedelta(hours=1))
        if store.backups_made:
            collect_evidence(store, paths, now)
    except BaseException:
        store.close()
        raise
    return store
