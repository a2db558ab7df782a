"""Which schema migrations a workspace file carries, read with plain SQL.

Opening a workspace that is up to date needs only these reads; sqlite-utils (and what it
imports) is loaded only when a migration has to run (see `ddcheck.store.schema`).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

MIGRATION_SET = "ddcheck"
MIGRATIONS_TABLE = "_sqlite_migrations"  # the table sqlite-utils' Migrations keeps
MIGRATION_NAMES: tuple[str, ...] = (
    "0001_initial",
    "0002_templates_and_stats",
    "0003_received",
    "0004_review_history",
    "0005_evidence_locations",
    "0006_missions",
    "0007_review_binding",
    "0008_signing",
    "0009_review_sync",
)
SCHEMA_VERSION = len(MIGRATION_NAMES)


def applied_names(conn: sqlite3.Connection) -> list[str]:
    """Return the names of the migrations applied to the file, in the order they ran."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (MIGRATIONS_TABLE,)
    ).fetchone()
    if found is None:
        return []
    rows = conn.execute(
        f"SELECT name FROM [{MIGRATIONS_TABLE}] WHERE migration_set = ? ORDER BY rowid",
        (MIGRATION_SET,),
    )
    return [str(name) for (name,) in rows]


def pending(applied: Sequence[str]) -> list[str]:
    """Return the migrations a file with `applied` still needs, in the order they run."""
    return [name for name in MIGRATION_NAMES if name not in applied]


def unknown(applied: Sequence[str]) -> list[str]:
    """Return the `applied` migrations this version of ddcheck does not know (a newer file)."""
    return [name for name in applied if name not in MIGRATION_NAMES]


def pending_names(conn: sqlite3.Connection) -> list[str]:
    """Return the names of the migrations the file still needs, in the order they run."""
    return pending(applied_names(conn))


def unknown_names(conn: sqlite3.Connection) -> list[str]:
    """Return applied migrations this version of ddcheck does not know (a newer workspace)."""
    return unknown(applied_names(conn))
