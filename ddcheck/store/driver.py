"""SQLCipher connections that raise the standard library's sqlite3 errors.

sqlcipher3 has its own exception classes; the store, sqlite-utils and the services catch
`sqlite3.Error` and its kin. A thin proxy turns every sqlcipher3 error into the sqlite3 error
of the same name (keeping SQLite's error code and name), so one code path serves plain and
encrypted workspaces alike.
"""

from __future__ import annotations

import contextlib
import functools
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from ddcheck.store.keys import DataKey


@functools.cache
def _sqlcipher() -> Any:
    import sqlcipher3  # imported only for an encrypted workspace

    return sqlcipher3


@functools.cache
def _error() -> type[Exception]:
    return _sqlcipher().Error


def _translated(error: Exception) -> sqlite3.Error:
    kind = getattr(sqlite3, type(error).__name__, sqlite3.DatabaseError)
    if not (isinstance(kind, type) and issubclass(kind, sqlite3.Error)):
        kind = sqlite3.DatabaseError
    copy = kind(*error.args)
    for attribute in ("sqlite_errorcode", "sqlite_errorname"):
        with contextlib.suppress(AttributeError, TypeError):
            setattr(copy, attribute, getattr(error, attribute))
    return copy


class CipherCursor:
    """A sqlcipher3 cursor whose errors are sqlite3 errors."""

    __slots__ = ("_cursor",)

    def __init__(self, cursor: Any) -> None:
        self._cursor = cursor

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cursor, name)

    def execute(self, *args: Any) -> CipherCursor:
        """Run one statement."""
        try:
            self._cursor.execute(*args)
        except _error() as error:
            raise _translated(error) from None
        return self

    def executemany(self, *args: Any) -> CipherCursor:
        """Run one statement for each set of parameters."""
        try:
            self._cursor.executemany(*args)
        except _error() as error:
            raise _translated(error) from None
        return self

    def fetchone(self) -> Any:
        """Return the next row or None."""
        try:
            return self._cursor.fetchone()
        except _error() as error:
            raise _translated(error) from None

    def fetchall(self) -> list[Any]:
        """Return the remaining rows."""
        try:
            return self._cursor.fetchall()
        except _error() as error:
            raise _translated(error) from None

    def fetchmany(self, *args: Any) -> list[Any]:
        """Return the next rows."""
        try:
            return self._cursor.fetchmany(*args)
        except _error() as error:
            raise _translated(error) from None

    def __iter__(self) -> Iterator[Any]:
        try:
            yield from self._cursor
        except _error() as error:
            raise _translated(error) from None


class CipherConnection:
    """A sqlcipher3 connection whose errors are sqlite3 errors; `raw` is the real one."""

    def __init__(self, raw: Any) -> None:
        self.raw = raw

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)

    def _call(self, method: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        try:
            return method(*args, **kwargs)
        except _error() as error:
            raise _translated(error) from None

    def execute(self, *args: Any) -> CipherCursor:
        """Run one statement; return its cursor."""
        return CipherCursor(self._call(self.raw.execute, *args))

    def executemany(self, *args: Any) -> CipherCursor:
        """Run one statement for each set of parameters."""
        return CipherCursor(self._call(self.raw.executemany, *args))

    def executescript(self, script: str) -> CipherCursor:
        """Run several statements."""
        return CipherCursor(self._call(self.raw.executescript, script))

    def cursor(self, *args: Any) -> CipherCursor:
        """Return a new cursor."""
        return CipherCursor(self._call(self.raw.cursor, *args))

    def commit(self) -> None:
        """Commit the open transaction."""
        self._call(self.raw.commit)

    def rollback(self) -> None:
        """Roll back the open transaction."""
        self._call(self.raw.rollback)

    def close(self) -> None:
        """Close the connection."""
        self._call(self.raw.close)

    @property
    def in_transaction(self) -> bool:
        """Return whether a transaction is open."""
        return bool(self.raw.in_transaction)

    def backup(self, target: Any, **kwargs: Any) -> None:
        """Copy this database into `target` (another encrypted connection with the same key)."""
        self._call(self.raw.backup, getattr(target, "raw", target), **kwargs)

    def __enter__(self) -> CipherConnection:
        return self

    def __exit__(self, *exc: object) -> None:
        self.raw.__exit__(*exc)


@contextlib.contextmanager
def _errors() -> Iterator[None]:
    try:
        yield
    except _error() as error:
        raise _translated(error) from None


def open_encrypted(path: Path | str, key: DataKey, **options: Any) -> CipherConnection:
    """Open an SQLCipher database at `path` with the raw 256-bit `key`; temp data stays in RAM."""
    with _errors():
        raw = _sqlcipher().connect(str(path), **options)
        raw.execute(f"PRAGMA key = {key.pragma()}")
        raw.execute("PRAGMA temp_store = MEMORY")
    return CipherConnection(raw)


def export_copy(
    source: Path, target: Path, *, source_key: DataKey | None, target_key: DataKey | None
) -> None:
    """Write `source` to `target` re-encrypted (or decrypted) with sqlcipher_export."""
    with _errors():
        conn = _sqlcipher().connect(str(source), isolation_level=None)
        try:
            if source_key is not None:
                conn.execute(f"PRAGMA key = {source_key.pragma()}")
            conn.execute("PRAGMA temp_store = MEMORY")
            secret = target_key.pragma() if target_key is not None else "''"
            conn.execute(f"ATTACH DATABASE ? AS target KEY {secret}", (str(target),))
            conn.execute("SELECT sqlcipher_export('target')")
            version = conn.execute("PRAGMA main.user_version").fetchone()[0]
            conn.execute(f"PRAGMA target.user_version = {int(version)}")
            conn.execute("DETACH DATABASE target")
        finally:
            conn.close()
