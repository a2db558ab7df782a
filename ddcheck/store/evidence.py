"""Evidence records, their contents (deduplicated by SHA-256) and their links to items.

The `blobs` table lists every content by SHA-256 and size; the bytes live in the shared
evidence folder (`EvidenceFiles`). Workspaces from before kept the bytes in `blobs.data`;
`move_out` moves them into the folder on open, and `blob` still reads either.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3

from ddcheck.domain.dossier import Evidence
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.store.errors import NotFound
from ddcheck.store.evidence_files import EvidenceFiles

_COLUMNS = "id, name, media_type, size, sha256, added_at, note, location, dated, valid_until"
_SELECT = f"SELECT {_COLUMNS} FROM evidence"


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _evidence(row: tuple) -> Evidence:
    ident, name, media_type, size, sha256, added_at, note, location, dated, valid_until = row
    return Evidence(
        id=ident,
        name=name,
        media_type=media_type,
        size=size,
        sha256=sha256,
        added_at=dt.datetime.fromisoformat(added_at),
        note=note,
        location=location,
        dated=_day(dated),
        valid_until=_day(valid_until),
    )


def put_blob(conn: sqlite3.Connection, files: EvidenceFiles, sha256: str, data: bytes) -> None:
    """Store file contents once under their SHA-256 (the bytes in the evidence folder)."""
    files.put(sha256, data)
    conn.execute(
        "INSERT INTO blobs (sha256, size, data) VALUES (?, ?, x'') ON CONFLICT (sha256) DO NOTHING",
        (sha256, len(data)),
    )


def insert_evidence(conn: sqlite3.Connection, dossier_id: str, item: Evidence) -> None:
    """Record an evidence file of a dossier (its blob must be stored already)."""
    conn.execute(
        "INSERT INTO evidence (id, dossier_id, name, media_type, size, sha256, added_at, note,"
        " location, dated, valid_until) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            item.id,
            dossier_id,
            item.name,
            item.media_type,
            item.size,
            item.sha256,
            item.added_at.isoformat(),
            item.note,
            item.location,
            item.dated.isoformat() if item.dated else None,
            item.valid_until.isoformat() if item.valid_until else None,
        ),
    )


def describe(conn: sqlite3.Connection, evidence_id: str, name: str, note: str) -> None:
    """Store an evidence file's display name and note."""
    conn.execute("UPDATE evidence SET name = ?, note = ? WHERE id = ?", (name, note, evidence_id))


def set_dates(
    conn: sqlite3.Connection, evidence_id: str, dated: dt.date | None, valid_until: dt.date | None
) -> None:
    """Store an evidence item's document date and 'valid until' date."""
    conn.execute(
        "UPDATE evidence SET dated = ?, valid_until = ? WHERE id = ?",
        (
            dated.isoformat() if dated else None,
            valid_until.isoformat() if valid_until else None,
            evidence_id,
        ),
    )


def same_location(conn: sqlite3.Connection, dossier_id: str, location: str) -> str | None:
    """Return the id of the dossier's evidence kept at this link or path, if any."""
    row = conn.execute(
        "SELECT id FROM evidence WHERE dossier_id = ? AND location = ? ORDER BY rowid LIMIT 1",
        (dossier_id, location),
    ).fetchone()
    return row[0] if row else None


def get_evidence(conn: sqlite3.Connection, evidence_id: str) -> tuple[str, Evidence]:
    """Return (dossier id, evidence) for an evidence id, or raise NotFound."""
    row = conn.execute(
        f"SELECT dossier_id, {_COLUMNS} FROM evidence WHERE id = ?",
        (evidence_id,),
    ).fetchone()
    if row is None:
        raise NotFound(
            catalog_entry("error", "There is no evidence file '{evidence}'."), evidence=evidence_id
        )
    return row[0], _evidence(row[1:])


def load_evidence(conn: sqlite3.Connection, dossier_id: str) -> list[Evidence]:
    """Return a dossier's evidence files in the order they were added."""
    rows = conn.execute(f"{_SELECT} WHERE dossier_id = ? ORDER BY rowid", (dossier_id,))
    return [_evidence(row) for row in rows]


def blob(conn: sqlite3.Connection, files: EvidenceFiles, sha256: str) -> bytes:
    """Return stored file contents by their SHA-256."""
    row = conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()
    if row is None:
        raise NotFound(
            catalog_entry("error", "The contents of evidence file {file} are missing."),
            file=sha256[:12],
        )
    return bytes(row[0]) if row[0] else files.get(sha256)


def move_out(conn: sqlite3.Connection, files: EvidenceFiles) -> int:
    """Move contents still kept inside the database into the evidence folder; return how many.

    Contents that no longer match their checksum stay where they are, for `check` to report.
    """
    moved = 0
    inline = conn.execute("SELECT sha256 FROM blobs WHERE length(data) > 0").fetchall()
    for (sha256,) in inline:
        data = bytes(
            conn.execute("SELECT data FROM blobs WHERE sha256 = ?", (sha256,)).fetchone()[0]
        )
        if hashlib.sha256(data).hexdigest() != sha256:
            continue
        files.put(sha256, data)
        conn.execute("UPDATE blobs SET data = x'' WHERE sha256 = ?", (sha256,))
        moved += 1
    return moved


def referenced(conn: sqlite3.Connection) -> set[str]:
    """Return the SHA-256 of every content this database refers to."""
    return {row[0] for row in conn.execute("SELECT sha256 FROM blobs")}


def link(conn: sqlite3.Connection, dossier_id: str, evidence_id: str, item_key: str) -> bool:
    """Link evidence to an item; return False when it was linked already."""
    cursor = conn.execute(
        "INSERT INTO evidence_links (evidence_id, dossier_id, item_key) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        (evidence_id, dossier_id, item_key),
    )
    return cursor.rowcount > 0


def unlink(conn: sqlite3.Connection, evidence_id: str, item_key: str) -> bool:
    """Remove one link; return whether there was one."""
    cursor = conn.execute(
        "DELETE FROM evidence_links WHERE evidence_id = ? AND item_key = ?",
        (evidence_id, item_key),
    )
    return cursor.rowcount > 0


def links_of(conn: sqlite3.Connection, evidence_id: str) -> list[str]:
    """Return the item keys an evidence file is linked to."""
    rows = conn.execute(
        "SELECT item_key FROM evidence_links WHERE evidence_id = ? ORDER BY rowid", (evidence_id,)
    )
    return [row[0] for row in rows]


def item_evidence(conn: sqlite3.Connection, dossier_id: str, item_key: str) -> list[str]:
    """Return the ids of the evidence linked to one item, in the order they were linked."""
    rows = conn.execute(
        "SELECT evidence_id FROM evidence_links WHERE dossier_id = ? AND item_key = ?"
        " ORDER BY rowid",
        (dossier_id, item_key),
    )
    return [row[0] for row in rows]


def same_file(conn: sqlite3.Connection, dossier_id: str, sha256: str, name: str) -> str | None:
    """Return the id of the dossier's evidence with these contents and this name, if any."""
    row = conn.execute(
        "SELECT id FROM evidence WHERE dossier_id = ? AND sha256 = ? AND name = ?"
        " ORDER BY rowid LIMIT 1",
        (dossier_id, sha256, name),
    ).fetchone()
    return row[0] if row else None


def delete_evidence(conn: sqlite3.Connection, evidence_id: str) -> None:
    """Delete an evidence record, its links, and its blob when nothing else uses it."""
    conn.execute("DELETE FROM evidence WHERE id = ?", (evidence_id,))
    delete_orphan_blobs(conn)


def delete_orphan_blobs(conn: sqlite3.Connection) -> None:
    """Delete blobs no evidence record refers to any more."""
    conn.execute("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM evidence)")


def copy_evidence(
    conn: sqlite3.Connection, source_id: str, target_id: str, new_ids: dict[str, str]
) -> None:
    """Copy a dossier's evidence records and links to another dossier (blobs are shared)."""
    for item in load_evidence(conn, source_id):
        insert_evidence(conn, target_id, item.model_copy(update={"id": new_ids[item.id]}))
    rows = conn.execute(
        "SELECT evidence_id, item_key FROM evidence_links WHERE dossier_id = ? ORDER BY rowid",
        (source_id,),
    ).fetchall()
    for evidence_id, key in rows:
        link(conn, target_id, new_ids[evidence_id], key)


def damaged_blobs(conn: sqlite3.Connection, files: EvidenceFiles) -> list[str]:
    """Return the SHA-256 of every content that is missing or no longer matches it."""
    bad = []
    rows = conn.execute("SELECT sha256, length(data) FROM blobs").fetchall()
    for sha256, inline in rows:
        try:
            data = blob(conn, files, sha256) if inline else files.get(sha256)
        except NotFound:
            bad.append(sha256)
            continue
        if hashlib.sha256(data).hexdigest() != sha256:
            bad.append(sha256)
    return bad


def counts(conn: sqlite3.Connection) -> dict[str, int]:
    """Return how many dossiers, answers, evidence files and history rows the workspace holds."""
    tables = ("dossiers", "answers", "evidence", "actions", "history")
    return {t: int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
