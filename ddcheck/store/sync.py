"""Rows of the shared mission folder: review edits, each dossier's synced state, files seen."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ddcheck.domain.review_merge import FieldRef, ReviewEdit


def _edit(row: tuple) -> ReviewEdit:
    from ddcheck.domain.review_merge import ReviewEdit

    return ReviewEdit(
        id=row[0],
        author=row[1],
        author_name=row[2],
        at=dt.datetime.fromisoformat(row[3]),
        entity=row[4],
        key=row[5],
        field=row[6],
        value=json.loads(row[7]),
        parents=tuple(json.loads(row[8])),
    )


_COLUMNS = "id, author, author_name, at, entity, key, field, value, parents"


def add_edits(
    conn: sqlite3.Connection, dossier_id: str, edits: list[ReviewEdit], *, written: bool
) -> int:
    """Store edits not known yet; return how many were new."""
    before = conn.total_changes
    conn.executemany(
        f"INSERT OR IGNORE INTO review_edits ({_COLUMNS}, dossier_id, written)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                e.id,
                e.author,
                e.author_name,
                e.at.isoformat(),
                e.entity,
                e.key,
                e.field,
                json.dumps(e.value, ensure_ascii=False),
                json.dumps(list(e.parents)),
                dossier_id,
                int(written),
            )
            for e in edits
        ],
    )
    return conn.total_changes - before


def edits_of(conn: sqlite3.Connection, dossier_id: str) -> list[ReviewEdit]:
    """Return every known edit of one dossier's reviews, oldest first."""
    rows = conn.execute(
        f"SELECT {_COLUMNS} FROM review_edits WHERE dossier_id = ? ORDER BY at, id", (dossier_id,)
    )
    return [_edit(row) for row in rows]


def unwritten(conn: sqlite3.Connection) -> dict[str, list[ReviewEdit]]:
    """Return this workspace's edits not yet written to the folder, per dossier."""
    rows = conn.execute(
        f"SELECT dossier_id, {_COLUMNS} FROM review_edits WHERE written = 0 ORDER BY at, id"
    )
    found: dict[str, list[ReviewEdit]] = {}
    for row in rows:
        found.setdefault(row[0], []).append(_edit(row[1:]))
    return found


def mark_written(conn: sqlite3.Connection, ids: list[str]) -> None:
    """Record that edits are in a file in the folder."""
    conn.executemany("UPDATE review_edits SET written = 1 WHERE id = ?", [(i,) for i in ids])


def edited_dossiers(conn: sqlite3.Connection) -> list[str]:
    """Return the dossier ids that have edits."""
    return [r[0] for r in conn.execute("SELECT DISTINCT dossier_id FROM review_edits")]


def synced_values(conn: sqlite3.Connection, dossier_id: str) -> dict[FieldRef, Any] | None:
    """Return a dossier's review fields as of the last sync, or None when never synced."""
    row = conn.execute(
        "SELECT synced FROM review_sync_state WHERE dossier_id = ?", (dossier_id,)
    ).fetchone()
    if row is None:
        return None
    return {(e, k, f): v for e, k, f, v in json.loads(row[0])}


def put_synced(conn: sqlite3.Connection, dossier_id: str, values: dict[FieldRef, Any]) -> None:
    """Store a dossier's review fields as of this sync."""
    data = json.dumps([[*ref, value] for ref, value in values.items()], ensure_ascii=False)
    conn.execute(
        "INSERT INTO review_sync_state (dossier_id, synced) VALUES (?, ?)"
        " ON CONFLICT (dossier_id) DO UPDATE SET synced = excluded.synced",
        (dossier_id, data),
    )


def seen_files(conn: sqlite3.Connection) -> dict[str, str]:
    """Return the content hashes of folder files already handled, with their outcome."""
    return dict(conn.execute("SELECT sha256, outcome FROM sync_files").fetchall())


def note_file(
    conn: sqlite3.Connection, sha256: str, name: str, outcome: str, message: str, at: dt.datetime
) -> None:
    """Remember a folder file by its content hash (imported, written, refused, skipped)."""
    conn.execute(
        "INSERT OR REPLACE INTO sync_files (sha256, name, outcome, message, at)"
        " VALUES (?, ?, ?, ?, ?)",
        (sha256, name[:300], outcome, message[:1000], at.isoformat()),
    )
