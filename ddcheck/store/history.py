"""The change history: one row per changed field, with who, when, old and new."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class HistoryTable:
    """Where a history lives: the table and the column naming whose history a row is."""

    name: str
    owner: str


OWN = HistoryTable("history", "dossier_id")  # the company's own dossiers
RECEIVED = HistoryTable("received_history", "received_id")  # received revisions and the review


@dataclass(frozen=True)
class HistoryRow:
    """One recorded change of one field."""

    id: int
    dossier_id: str
    at: dt.datetime
    who: str
    entity: str
    entity_id: str
    field: str
    old: Any
    new: Any


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=str)


def record(
    conn: sqlite3.Connection,
    dossier_id: str,
    at: dt.datetime,
    who: str,
    changes: Iterable[tuple[str, str, str, Any, Any]],
    table: HistoryTable = OWN,
) -> None:
    """Write (entity, entity id, field, old, new) changes of one dossier."""
    stamp = at.isoformat()
    conn.executemany(
        f"INSERT INTO {table.name} ({table.owner}, at, who, entity, entity_id, field, old, new)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (dossier_id, stamp, who, entity, entity_id, field, _json(old), _json(new))
            for entity, entity_id, field, old, new in changes
        ],
    )


def load(
    conn: sqlite3.Connection,
    dossier_id: str,
    limit: int | None = None,
    table: HistoryTable = OWN,
) -> list[HistoryRow]:
    """Return a dossier's history, oldest first (the newest `limit` rows when given)."""
    sql = (
        f"SELECT id, {table.owner}, at, who, entity, entity_id, field, old, new FROM {table.name}"
        f" WHERE {table.owner} = ? ORDER BY id DESC"
    )
    params: tuple[Any, ...] = (dossier_id,)
    if limit is not None:
        sql += " LIMIT ?"
        params = (dossier_id, limit)
    rows = conn.execute(sql, params).fetchall()
    return [
        HistoryRow(
            id=row[0],
            dossier_id=row[1],
            at=dt.datetime.fromisoformat(row[2]),
            who=row[3],
            entity=row[4],
            entity_id=row[5],
            field=row[6],
            old=json.loads(row[7]) if row[7] is not None else None,
            new=json.loads(row[8]) if row[8] is not None else None,
        )
        for row in reversed(rows)
    ]
