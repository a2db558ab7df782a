"""Action-plan and review rows, each stored as the model's JSON."""

from __future__ import annotations

import sqlite3

from ddcheck.domain.dossier import Action, Review
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.store.errors import NotFound


def insert_action(
    conn: sqlite3.Connection, dossier_id: str, action: Action, position: int | None = None
) -> None:
    """Add an action at the end of a dossier's plan (or at `position`)."""
    if position is None:
        row = conn.execute(
            "SELECT coalesce(max(position) + 1, 0) FROM actions WHERE dossier_id = ?",
            (dossier_id,),
        ).fetchone()
        position = int(row[0])
    conn.execute(
        "INSERT INTO actions (id, dossier_id, position, data) VALUES (?, ?, ?, ?)",
        (action.id, dossier_id, position, action.model_dump_json()),
    )


def get_action(conn: sqlite3.Connection, dossier_id: str, action_id: str) -> Action:
    """Return one action of a dossier, or raise NotFound."""
    row = conn.execute(
        "SELECT data FROM actions WHERE id = ? AND dossier_id = ?", (action_id, dossier_id)
    ).fetchone()
    if row is None:
        raise NotFound(
            catalog_entry("error", "There is no action '{action}' in this dossier."),
            action=action_id,
        )
    return Action.model_validate_json(row[0])


def replace_action(conn: sqlite3.Connection, dossier_id: str, action: Action) -> None:
    """Store a changed action in place."""
    conn.execute(
        "UPDATE actions SET data = ? WHERE id = ? AND dossier_id = ?",
        (action.model_dump_json(), action.id, dossier_id),
    )


def delete_action(conn: sqlite3.Connection, dossier_id: str, action_id: str) -> None:
    """Delete one action."""
    conn.execute("DELETE FROM actions WHERE id = ? AND dossier_id = ?", (action_id, dossier_id))


def load_actions(conn: sqlite3.Connection, dossier_id: str) -> list[Action]:
    """Return a dossier's action plan in order."""
    rows = conn.execute(
        "SELECT data FROM actions WHERE dossier_id = ? ORDER BY position, rowid", (dossier_id,)
    )
    return [Action.model_validate_json(row[0]) for row in rows]


def insert_review(conn: sqlite3.Connection, dossier_id: str, review: Review) -> None:
    """Add (or replace) an adviser's review of a dossier; never touches another dossier's."""
    row = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM reviews WHERE dossier_id = ?", (dossier_id,)
    ).fetchone()
    conn.execute(
        "INSERT INTO reviews (id, dossier_id, position, data) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (dossier_id, id) DO UPDATE SET data = excluded.data",
        (review.id, dossier_id, int(row[0]), review.model_dump_json()),
    )


def load_reviews(conn: sqlite3.Connection, dossier_id: str) -> list[Review]:
    """Return a dossier's reviews in the order they were recorded."""
    rows = conn.execute(
        "SELECT data FROM reviews WHERE dossier_id = ? ORDER BY position, rowid", (dossier_id,)
    )
    return [Review.model_validate_json(row[0]) for row in rows]
