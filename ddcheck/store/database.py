"""Open the workspace file: pragmas, damage checks, transactions."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.store.errors import WorkspaceBusy, WorkspaceError
from ddcheck.store.keys import DataKey

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 10_000
# FULL: in WAL mode each commit fsyncs the log, so an answer the app reports as saved also
# survives a power cut, not only a crash. It costs one fsync per answer (tens of µs on an SSD),
# invisible at typing speed; bulk work (demo, duplicate, migrations) runs in one transaction.
SYNCHRONOUS = "FULL"


def is_damage(error: sqlite3.Error) -> bool:
    """Return whether an SQLite error means the file is damaged or not a database."""
    name = getattr(error, "sqlite_errorname", "") or ""
    if name:
        return name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB"))
    text = str(error).lower()
    return "malformed" in text or "not a database" in text


def plain_error(error: sqlite3.Error) -> WorkspaceError:
    """Return a workspace error with one plain sentence for an SQLite error that is not damage."""
    name = getattr(error, "sqlite_errorname", "") or ""
    text = str(error).lower()
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")) or "locked" in text or "busy" in text:
        return WorkspaceBusy(
            catalog_entry(
                "error", "Another ddcheck window or program is busy with the workspace; try again."
            )
        )
    if name.startswith("SQLITE_FULL") or "disk is full" in text:
        return WorkspaceError(
            catalog_entry(
                "error", "The disk is full, so this change was not saved; free some space."
            )
        )
    if name.startswith("SQLITE_READONLY") or "readonly" in text:
        return WorkspaceError(
            catalog_entry("error", "The workspace file is read-only, so this change was not saved.")
        )
    if name.startswith("SQLITE_CANTOPEN") or "unable to open" in text:
        return WorkspaceError(
            catalog_entry(
                "error", "The workspace file cannot be opened; check the folder's permissions."
            )
        )
    if name.startswith("SQLITE_IOERR") or "disk i/o" in text:
        return WorkspaceError(
            catalog_entry(
                "error", "The disk could not be read or written, so this change was not saved."
            )
        )
    return WorkspaceError(
        catalog_entry("error", "The workspace could not be used ({error})."), error=error
    )


def connect(
    path: Path | str, *, wal: bool = True, key: DataKey | None = None
) -> sqlite3.Connection:
    """Return a connection with the workspace pragmas: WAL, foreign keys, busy timeout.

    With `key` the file is an SQLCipher database encrypted with that key; without, plain SQLite.
    """
    if key is not None:
        from ddcheck.store.driver import open_encrypted

        conn: sqlite3.Connection = open_encrypted(  # type: ignore[assignment]
            path, key, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000
        )
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
    if wal:
        enable_wal(conn)
    return conn


def enable_wal(conn: sqlite3.Connection) -> None:
    """Switch the database to write-ahead logging (kept in the file once set)."""
    mode = conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if str(mode).lower() not in ("wal", "memory"):
        conn.close()
        raise WorkspaceBusy(
            catalog_entry("error", "The workspace could not be switched to WAL mode; is it locked?")
        )


# Workspace files this process holds open through SQLite, by resolved path, with their count.
# POSIX drops every lock a process holds on a file when it closes *any* descriptor of that file,
# so reading such a file's header with open()/close() would silently drop SQLite's locks: another
# process could then checkpoint and delete the WAL under this process's connection, and what this
# process commits afterwards would be lost. Files held open here are never read raw again.
_HELD_OPEN: dict[str, int] = {}


def hold_open(path: Path) -> None:
    """Note that this process now holds `path` open through an SQLite connection."""
    name = str(path.resolve())
    _HELD_OPEN[name] = _HELD_OPEN.get(name, 0) + 1


def release(path: Path) -> None:
    """Note that one of this process's SQLite connections to `path` was closed."""
    name = str(path.resolve())
    left = _HELD_OPEN.get(name, 0) - 1
    if left > 0:
        _HELD_OPEN[name] = left
    else:
        _HELD_OPEN.pop(name, None)


def held_open(path: Path) -> bool:
    """Return whether this process holds `path` open through SQLite (never read it raw then)."""
    return str(path.resolve()) in _HELD_OPEN


def looks_like_sqlite(path: Path) -> bool:
    """Return whether `path` is empty or starts with the SQLite header.

    A file this process already holds open through SQLite was checked when it was opened; it is
    not read again (see `_HELD_OPEN`).
    """
    if held_open(path):
        return True
    with path.open("rb") as handle:
        head = handle.read(len(SQLITE_HEADER))
    return head in (b"", SQLITE_HEADER)


def problems(conn: sqlite3.Connection, *, full: bool = False) -> list[str]:
    """Return what `PRAGMA quick_check` (or `integrity_check`) reports; empty when all is well."""
    pragma = "integrity_check" if full else "quick_check"
    try:
        rows = conn.execute(f"PRAGMA {pragma}").fetchall()
    except sqlite3.DatabaseError as error:
        if is_damage(error):
            return [str(error)]
        raise plain_error(error) from error
    messages = [str(row[0]) for row in rows]
    return [] if messages == ["ok"] else messages


def open_read_only(path: Path, key: DataKey | None = None) -> sqlite3.Connection:
    """Open an SQLite (or, with `key`, SQLCipher) file read-only."""
    uri = f"{path.resolve().as_uri()}?mode=ro"
    if key is not None:
        from ddcheck.store.driver import open_encrypted

        return open_encrypted(uri, key, uri=True)  # type: ignore[return-value]
    return sqlite3.connect(uri, uri=True)


def file_problems(path: Path, *, full: bool = False, key: DataKey | None = None) -> list[str]:
    """Return what is wrong with the SQLite file at `path`, read-only; empty when it is sound."""
    if not path.is_file():
        return [f"{path} does not exist"]
    if key is None and not looks_like_sqlite(path):
        return ["the file is not an SQLite database"]
    try:
        conn = open_read_only(path, key)
    except sqlite3.DatabaseError as error:
        return [str(error)]
    try:
        return problems(conn, full=full)
    finally:
        conn.close()


def set_aside(path: Path, folder: Path, now: dt.datetime) -> Path:
    """Move a damaged file (and its -wal/-shm companions) into `folder`; return its new path."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = (now.astimezone(dt.UTC) if now.tzinfo else now).strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-{stamp}{path.suffix}"
    counter = 1
    while target.exists():
        target = folder / f"{path.stem}-{stamp}-{counter}{path.suffix}"
        counter += 1
    shutil.move(str(path), target)
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        if companion.exists():
            shutil.move(str(companion), target.with_name(target.name + suffix))
    return target


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run a block in one write transaction (BEGIN IMMEDIATE), or inside the open one."""
    if conn.in_transaction:
        yield conn
        return
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.OperationalError as error:
        raise plain_error(error) from error
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.OperationalError as error:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise plain_error(error) from error
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def foreign_key_problems(conn: sqlite3.Connection) -> list[str]:
    """Return rows that break a foreign key, as sentences."""
    rows = conn.execute("PRAGMA foreign_key_check").fetchall()
    return [
        f"row {rowid} of {table} refers to a missing {parent}" for table, rowid, parent, _ in rows
    ]
