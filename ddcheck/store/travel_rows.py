"""The rows travel mode takes out of the workspace and puts back: whole dossiers, confidential
answers (their history values blanked meanwhile), and which evidence contents stay at home."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

# Tables that belong to one dossier, parents first (the order rows go back in).
DOSSIER_TABLES = (
    "dossiers",
    "dossier_templates",
    "evidence",
    "evidence_links",
    "answers",
    "actions",
    "reviews",
    "history",
)
Rows = dict[str, list[dict[str, Any]]]


@dataclass
class Taken:
    """What was taken out: rows per table, blanked history values, and contents left home."""

    rows: Rows = field(default_factory=dict)
    history_values: list[dict[str, Any]] = field(default_factory=list)
    contents: set[str] = field(default_factory=set)


def _select(conn: sqlite3.Connection, sql: str, args: tuple = ()) -> list[dict[str, Any]]:
    cursor = conn.execute(sql, args)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def _owner(table: str) -> str:
    return "id" if table == "dossiers" else "dossier_id"


def dossier_ids(conn: sqlite3.Connection) -> list[str]:
    """Return the ids of every dossier in the workspace."""
    return [row[0] for row in conn.execute("SELECT id FROM dossiers ORDER BY created_at, id")]


def take_dossier(conn: sqlite3.Connection, dossier_id: str, taken: Taken) -> None:
    """Move a whole dossier (every row that belongs to it) into `taken`; delete it here."""
    for table in DOSSIER_TABLES:
        rows = _select(conn, f"SELECT * FROM {table} WHERE {_owner(table)} = ?", (dossier_id,))
        taken.rows.setdefault(table, []).extend(rows)
        if table == "evidence":
            taken.contents |= {row["sha256"] for row in rows}
    conn.execute("DELETE FROM dossiers WHERE id = ?", (dossier_id,))  # the rest cascades


def take_confidential(conn: sqlite3.Connection, dossier_id: str, taken: Taken) -> None:
    """Move a dossier's confidential answers into `taken`, blank their history values, and
    leave the contents of the evidence linked to them at home."""
    answers = _select(
        conn, "SELECT * FROM answers WHERE dossier_id = ? AND confidential = 1", (dossier_id,)
    )
    keys = [f"{row['template_id']}/{row['item_id']}" for row in answers]
    taken.rows.setdefault("answers", []).extend(answers)
    for key in keys:
        values = _select(
            conn,
            "SELECT id, old, new FROM history WHERE dossier_id = ? AND entity = 'answer'"
            " AND entity_id = ?",
            (dossier_id, key),
        )
        taken.history_values.extend(values)
        conn.execute(
            "UPDATE history SET old = NULL, new = NULL WHERE dossier_id = ? AND entity = 'answer'"
            " AND entity_id = ?",
            (dossier_id, key),
        )
        linked = conn.execute(
            "SELECT e.sha256 FROM evidence_links l JOIN evidence e ON e.id = l.evidence_id"
            " WHERE l.dossier_id = ? AND l.item_key = ?",
            (dossier_id, key),
        )
        taken.contents |= {row[0] for row in linked}
    conn.execute("DELETE FROM answers WHERE dossier_id = ? AND confidential = 1", (dossier_id,))


def take_evidence_contents(conn: sqlite3.Connection, dossier_id: str, taken: Taken) -> None:
    """Leave the contents of every evidence file of a dossier at home (the records stay)."""
    rows = conn.execute("SELECT sha256 FROM evidence WHERE dossier_id = ?", (dossier_id,))
    taken.contents |= {row[0] for row in rows}


def orphan_blobs(conn: sqlite3.Connection, taken: Taken) -> None:
    """Move blob records no evidence refers to any more into `taken`; delete them here."""
    rows = _select(conn, "SELECT * FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM evidence)")
    taken.rows.setdefault("blobs", []).extend(rows)
    conn.execute("DELETE FROM blobs WHERE sha256 NOT IN (SELECT sha256 FROM evidence)")


def put_back(conn: sqlite3.Connection, taken: Taken) -> list[str]:
    """Insert what was taken out again; return the answers changed meanwhile (kept as they are).

    A history row whose id was reused meanwhile goes back under a new id.
    """
    kept: list[str] = []
    for table in ("blobs", *DOSSIER_TABLES):
        for row in taken.rows.get(table, []):
            if (
                table == "history"
                and conn.execute("SELECT 1 FROM history WHERE id = ?", (row["id"],)).fetchone()
            ):
                row = {k: v for k, v in row.items() if k != "id"}
            names = ", ".join(row)
            marks = ", ".join("?" for _ in row)
            cursor = conn.execute(
                f"INSERT OR IGNORE INTO {table} ({names}) VALUES ({marks})", tuple(row.values())
            )
            if cursor.rowcount == 0 and table == "answers":
                kept.append(f"{row['template_id']}/{row['item_id']}")
    for value in taken.history_values:
        conn.execute(
            "UPDATE history SET old = ?, new = ? WHERE id = ? AND old IS NULL AND new IS NULL",
            (value["old"], value["new"], value["id"]),
        )
    return kept


def table_names(conn: sqlite3.Connection) -> list[str]:
    """Return the names of the workspace's own tables."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " ORDER BY name"
    )
    return [row[0] for row in rows]


def all_rows(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Return every row of every table, sorted (to compare two states of a workspace)."""
    return {
        name: sorted(conn.execute(f"SELECT * FROM {name}").fetchall(), key=repr)
        for name in table_names(conn)
    }
