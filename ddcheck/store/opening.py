"""Open a workspace safely: check it, set a damaged file aside, back up, migrate."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from sqlite_utils import Database

from ddcheck.paths import DataPaths
from ddcheck.store import backups, damage, schema
from ddcheck.store.database import (
    connect,
    enable_wal,
    is_damage,
    looks_like_sqlite,
    plain_error,
    problems,
    set_aside,
    transaction,
)
from ddcheck.store.errors import WorkspaceDamaged, WorkspaceError, WorkspaceTooNew

log = logging.getLogger(__name__)


@dataclass
class Store:
    """An open workspace file: the raw connection for hot paths, sqlite-utils for the rest."""

    conn: sqlite3.Connection
    db: Database
    path: Path
    backups_made: list[Path] = field(default_factory=list)

    def close(self) -> None:
        """Close the connection (checkpointing the WAL when this is the last one)."""
        self.conn.close()


def _damaged(paths: DataPaths, now: dt.datetime, details: list[str]) -> WorkspaceDamaged:
    """Set the damaged file aside, write what SQLite found beside it, return the error."""
    moved = set_aside(paths.database, paths.damaged, now)
    report = moved.with_name(moved.name + damage.PROBLEMS_SUFFIX)
    try:
        report.write_text("\n".join(details) + "\n", encoding="utf-8")
        seen, seen_nl = f" (what SQLite found is in {report.name})", f" (zie {report.name})"
    except OSError:
        seen = seen_nl = ""
    log.info("workspace %s damaged, set aside as %s: %s", paths.database, moved, details)
    newest = backups.newest_good_backup(paths.backups)
    offer = f"the newest good backup is {newest.name}" if newest else "there is no backup"
    offer_nl = f"de nieuwste goede back-up is {newest.name}" if newest else "er is geen back-up"
    return WorkspaceDamaged(
        f"The workspace file is damaged; it was set aside unchanged as {moved}{seen}, and {offer}.",
        nl=f"Het werkbestand is beschadigd; het is ongewijzigd apart gezet als {moved}"
        f"{seen_nl}, en {offer_nl}.",
        moved_to=moved,
        newest_backup=newest,
    )


def _connect_checked(paths: DataPaths, now: dt.datetime) -> sqlite3.Connection:
    path = paths.database
    if path.exists() and not looks_like_sqlite(path):
        raise _damaged(paths, now, ["the file is not an SQLite database"])
    try:
        conn = connect(path, wal=False)
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            raise _damaged(paths, now, [str(error)]) from error
        raise plain_error(error) from error
    try:
        found = problems(conn)
    except BaseException:
        conn.close()
        raise
    if found:
        conn.close()
        raise _damaged(paths, now, found)
    return conn


def _has_dossiers(db: Database) -> bool:
    return "dossiers" in db.table_names() and db["dossiers"].count > 0


def _migrate(store: Store, paths: DataPaths, now: dt.datetime, keep: int) -> None:
    pending = schema.pending_names(store.db)
    if not pending:
        return
    if schema.applied_names(store.db):
        store.backups_made.append(
            backups.make_backup(store.conn, paths.backups, now, backups.PRE_MIGRATION)
        )
        backups.prune_workspace(paths, backups.PRE_MIGRATION, keep)
    with transaction(store.conn):
        schema.migrate(store.db)


def open_store(paths: DataPaths, now: dt.datetime, *, keep: int = backups.KEEP) -> Store:
    """Open (or create) the workspace file; raise WorkspaceDamaged or WorkspaceTooNew."""
    try:
        paths.root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        reason = error.strerror or error
        raise WorkspaceError(
            f"{paths.root} cannot be used as the workspace folder ({reason}).",
            nl=f"{paths.root} kan niet als werkmap worden gebruikt ({reason}).",
        ) from error
    conn = _connect_checked(paths, now)
    store = Store(conn=conn, db=Database(conn, execute_plugins=False), path=paths.database)
    try:
        unknown = schema.unknown_names(store.db)
        if unknown:
            raise WorkspaceTooNew(
                "The workspace was saved by a newer version of ddcheck; update ddcheck to open it.",
                nl="Het werkbestand is opgeslagen door een nieuwere versie van ddcheck; werk "
                "ddcheck bij om het te openen.",
            )
        enable_wal(conn)
        _migrate(store, paths, now, keep)
        if _has_dossiers(store.db) and not backups.has_backup_on(paths.backups, now.date()):
            store.backups_made.append(backups.make_backup(conn, paths.backups, now, backups.DAILY))
            backups.prune_workspace(paths, backups.DAILY, keep)
        backups.remove_stale_parts(paths.backups, now, dt.timedelta(hours=1))
    except BaseException:
        conn.close()
        raise
    return store
