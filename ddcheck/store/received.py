"""Dossiers received from companies: their revisions, evidence files and the adviser's review."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import dataclass

from ddcheck.domain.dossier import Review
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.store.errors import NotFound


@dataclass(frozen=True)
class ReceivedRow:
    """One received dossier: the company's dossier id and who and what it is about."""

    id: str
    dossier_id: str
    company: str
    mission: str
    mission_key: str
    received_at: dt.datetime


@dataclass(frozen=True)
class RevisionRow:
    """One received version of a dossier, with the exact bytes its fingerprint covers."""

    id: int
    received_id: str
    fingerprint: str
    document: bytes
    generated_at: dt.datetime
    imported_at: dt.datetime
    source_name: str
    source_kind: str
    receipt: int = 0  # the order of receipt in this workspace (set on insert)
    signature: str = "unsigned"  # signed | other_key | unsigned
    signer: str = ""  # the signer's key id (SHA-256 of the public key), when signed


_RECEIVED = (
    "SELECT id, dossier_id, company, mission, mission_key, received_at FROM received_dossiers"
)
_REVISIONS = (
    "SELECT id, received_id, fingerprint, document, generated_at, imported_at, source_name,"
    " source_kind, receipt, signature, signer FROM received_revisions"
)


def _received(row: tuple) -> ReceivedRow:
    ident, dossier_id, company, mission, key, at = row
    return ReceivedRow(ident, dossier_id, company, mission, key, dt.datetime.fromisoformat(at))


def _revision(row: tuple) -> RevisionRow:
    ident, received_id, digest, document, generated, imported, name, kind, *signing = row
    return RevisionRow(
        ident,
        received_id,
        digest,
        bytes(document),
        dt.datetime.fromisoformat(generated),
        dt.datetime.fromisoformat(imported),
        name,
        kind,
        *signing,
    )


def insert_received(conn: sqlite3.Connection, row: ReceivedRow) -> None:
    """Record a newly received dossier."""
    conn.execute(
        "INSERT INTO received_dossiers (id, dossier_id, company, mission, mission_key, received_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            row.id,
            row.dossier_id,
            row.company,
            row.mission,
            row.mission_key,
            row.received_at.isoformat(),
        ),
    )


def update_names(
    conn: sqlite3.Connection, received_id: str, company: str, mission: str, mission_key: str
) -> None:
    """Store the company and mission names of the newest revision."""
    conn.execute(
        "UPDATE received_dossiers SET company = ?, mission = ?, mission_key = ? WHERE id = ?",
        (company, mission, mission_key, received_id),
    )


def mark_signed(conn: sqlite3.Connection, received_id: str, key_id: str) -> int:
    """Call a received dossier's revisions flagged for `key_id` signed (its key was accepted)."""
    cursor = conn.execute(
        "UPDATE received_revisions SET signature = 'signed'"
        " WHERE received_id = ? AND signer = ? AND signature = 'other_key'",
        (received_id, key_id),
    )
    return cursor.rowcount


def by_dossier_id(conn: sqlite3.Connection, dossier_id: str) -> ReceivedRow | None:
    """Return the received dossier with the company's dossier id, or None."""
    row = conn.execute(f"{_RECEIVED} WHERE dossier_id = ?", (dossier_id,)).fetchone()
    return _received(row) if row else None


def get_received(conn: sqlite3.Connection, received_id: str) -> ReceivedRow:
    """Return one received dossier, or raise NotFound."""
    row = conn.execute(f"{_RECEIVED} WHERE id = ?", (received_id,)).fetchone()
    if row is None:
        raise NotFound(
            catalog_entry("error", "There is no received dossier '{received}'."),
            received=received_id,
        )
    return _received(row)


def list_received(conn: sqlite3.Connection, mission_key: str | None = None) -> list[ReceivedRow]:
    """Return the received dossiers (of one mission), by company name."""
    if mission_key is None:
        rows = conn.execute(f"{_RECEIVED} ORDER BY company COLLATE NOCASE, id")
    else:
        rows = conn.execute(
            f"{_RECEIVED} WHERE mission_key = ? ORDER BY company COLLATE NOCASE, id",
            (mission_key,),
        )
    return [_received(row) for row in rows]


def ids_starting_with(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """Return the received ids (or company dossier ids) that start with `prefix`."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    rows = conn.execute(
        "SELECT id FROM received_dossiers WHERE id LIKE ? ESCAPE '\\'"
        " OR dossier_id LIKE ? ESCAPE '\\' ORDER BY id",
        (escaped, escaped),
    )
    return [row[0] for row in rows]


def revision_by_fingerprint(conn: sqlite3.Connection, digest: str) -> RevisionRow | None:
    """Return the revision with this fingerprint, or None."""
    row = conn.execute(f"{_REVISIONS} WHERE fingerprint = ?", (digest,)).fetchone()
    return _revision(row) if row else None


def insert_revision(conn: sqlite3.Connection, row: RevisionRow) -> int:
    """Store a revision as the last one received (its receipt number) and return its row id."""
    cursor = conn.execute(
        "INSERT INTO received_revisions (received_id, fingerprint, document, generated_at,"
        " imported_at, source_name, source_kind, receipt, signature, signer) VALUES"
        " (?, ?, ?, ?, ?, ?, ?, (SELECT coalesce(max(receipt), 0) + 1 FROM received_revisions),"
        " ?, ?)",
        (
            row.received_id,
            row.fingerprint,
            row.document,
            row.generated_at.isoformat(),
            row.imported_at.isoformat(),
            row.source_name,
            row.source_kind,
            row.signature,
            row.signer,
        ),
    )
    return int(cursor.lastrowid or 0)


def revisions(conn: sqlite3.Connection, received_id: str) -> list[RevisionRow]:
    """Return the revisions of a received dossier in the order they were received.

    Never by the export time a file claims: a file with a far-future date must not stay newest.
    """
    rows = conn.execute(f"{_REVISIONS} WHERE received_id = ? ORDER BY receipt, id", (received_id,))
    return [_revision(row) for row in rows]


def put_blob(conn: sqlite3.Connection, sha256: str, data: bytes) -> None:
    """Store a received evidence file once under its SHA-256."""
    conn.execute(
        "INSERT INTO received_blobs (sha256, size, data) VALUES (?, ?, ?)"
        " ON CONFLICT (sha256) DO NOTHING",
        (sha256, len(data), data),
    )


def link_evidence(
    conn: sqlite3.Connection, revision_id: int, evidence_id: str, sha256: str
) -> None:
    """Record that a revision came with the contents of one of its evidence files."""
    conn.execute(
        "INSERT INTO received_evidence (revision_id, evidence_id, sha256) VALUES (?, ?, ?)"
        " ON CONFLICT DO NOTHING",
        (revision_id, evidence_id, sha256),
    )


def evidence_blob(conn: sqlite3.Connection, revision_id: int, evidence_id: str) -> bytes | None:
    """Return the contents of an evidence file received with a revision, or None."""
    row = conn.execute(
        "SELECT b.data FROM received_evidence AS e JOIN received_blobs AS b USING (sha256)"
        " WHERE e.revision_id = ? AND e.evidence_id = ?",
        (revision_id, evidence_id),
    ).fetchone()
    return bytes(row[0]) if row else None


def evidence_with_contents(conn: sqlite3.Connection, revision_id: int) -> set[str]:
    """Return the ids of the evidence files whose contents came with a revision."""
    rows = conn.execute(
        "SELECT evidence_id FROM received_evidence WHERE revision_id = ?", (revision_id,)
    )
    return {row[0] for row in rows}


def load_review(conn: sqlite3.Connection, received_id: str) -> Review | None:
    """Return the adviser's review of a received dossier, or None."""
    row = conn.execute(
        "SELECT data FROM received_reviews WHERE received_id = ?", (received_id,)
    ).fetchone()
    return Review.model_validate_json(row[0]) if row else None


def save_review(
    conn: sqlite3.Connection, received_id: str, review: Review, at: dt.datetime
) -> None:
    """Store the adviser's review of a received dossier."""
    conn.execute(
        "INSERT INTO received_reviews (received_id, data, updated_at) VALUES (?, ?, ?)"
        " ON CONFLICT (received_id) DO UPDATE SET data = excluded.data,"
        " updated_at = excluded.updated_at",
        (received_id, review.model_dump_json(), at.isoformat()),
    )


def delete_received(conn: sqlite3.Connection, received_id: str) -> None:
    """Delete a received dossier with its revisions and review, then unused evidence files."""
    conn.execute("DELETE FROM received_dossiers WHERE id = ?", (received_id,))
    conn.execute(
        "DELETE FROM received_blobs WHERE sha256 NOT IN (SELECT sha256 FROM received_evidence)"
    )
