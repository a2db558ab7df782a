"""The workspace's own signing key and the keys pinned for the senders of received files."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

OFFERED = "offered"  # the kind under which keys seen on flagged files are kept, by key id


@dataclass(frozen=True)
class PinnedKey:
    """The key first seen for a sender (a dossier id, a KvK number or an adviser's review)."""

    kind: str
    subject: str
    key_id: str
    name: str
    certificate: bytes
    pinned_at: dt.datetime


def load_key(conn: sqlite3.Connection) -> tuple[bytes, bytes] | None:
    """Return the workspace's (private key, certificate) in DER, or None before the first one."""
    row = conn.execute("SELECT private_key, certificate FROM signing_key WHERE id = 1").fetchone()
    return (bytes(row[0]), bytes(row[1])) if row else None


def save_key(
    conn: sqlite3.Connection, private_key: bytes, certificate: bytes, at: dt.datetime
) -> None:
    """Store the workspace's signing key (only ever once: the first one stays)."""
    conn.execute(
        "INSERT INTO signing_key (id, private_key, certificate, created_at) VALUES (1, ?, ?, ?)"
        " ON CONFLICT (id) DO NOTHING",
        (private_key, certificate, at.isoformat()),
    )


def pinned(conn: sqlite3.Connection, kind: str, subject: str) -> PinnedKey | None:
    """Return the key pinned for a sender, or None."""
    row = conn.execute(
        "SELECT kind, subject, key_id, name, certificate, pinned_at FROM pinned_keys"
        " WHERE kind = ? AND subject = ?",
        (kind, subject),
    ).fetchone()
    if row is None:
        return None
    kind, subject, key_id, name, certificate, at = row
    return PinnedKey(kind, subject, key_id, name, bytes(certificate), dt.datetime.fromisoformat(at))


def pin(conn: sqlite3.Connection, key: PinnedKey) -> None:
    """Pin a key for a sender (the first pin stays; see `repin` to replace it)."""
    conn.execute(
        "INSERT INTO pinned_keys (kind, subject, key_id, name, certificate, pinned_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, subject) DO NOTHING",
        (key.kind, key.subject, key.key_id, key.name, key.certificate, key.pinned_at.isoformat()),
    )


def offer(conn: sqlite3.Connection, key: PinnedKey) -> None:
    """Keep the certificate of a key seen on a flagged file, so it can be accepted later.

    Stored in `pinned_keys` as kind OFFERED with the key id as subject: it pins nothing.
    """
    pin(conn, PinnedKey(OFFERED, key.key_id, key.key_id, key.name, key.certificate, key.pinned_at))


def repin(conn: sqlite3.Connection, key: PinnedKey) -> None:
    """Replace the key pinned for a sender (the user accepted a new key)."""
    conn.execute("DELETE FROM pinned_keys WHERE kind = ? AND subject = ?", (key.kind, key.subject))
    pin(conn, key)


def offered_starting_with(conn: sqlite3.Connection, digits: str) -> list[PinnedKey]:
    """Return the keys seen on flagged files (see `offer`) whose id starts with hex `digits`."""
    if not digits.isalnum():  # hex digits only: nothing to escape in LIKE
        return []
    rows = conn.execute(
        "SELECT kind, subject, key_id, name, certificate, pinned_at FROM pinned_keys"
        " WHERE kind = ? AND key_id LIKE ?",
        (OFFERED, digits + "%"),
    ).fetchall()
    return [
        PinnedKey(kind, subject, key_id, name, bytes(cert), dt.datetime.fromisoformat(at))
        for kind, subject, key_id, name, cert, at in rows
    ]
