"""Dossier rows: profile, template versions, trash, and the cached list statistics."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from dataclasses import dataclass
from typing import Any

from ddcheck.domain.dossier import STORED, Company, Dossier, Mission, TemplateUse
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.store import actions, answers, evidence
from ddcheck.store.errors import NotFound


@dataclass(frozen=True)
class DossierRow:
    """The columns of one dossier the list view needs, without its answers."""

    id: str
    company: Company
    mission: Mission
    language: str
    created_at: dt.datetime
    updated_at: dt.datetime
    trashed_at: dt.datetime | None
    stats: dict[str, Any] | None


def _time(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _row(row: sqlite3.Row | tuple[Any, ...]) -> DossierRow:
    ident, company, mission, language, created, updated, trashed, stats = row
    return DossierRow(
        id=ident,
        company=Company.model_validate_json(company, context=STORED),
        mission=Mission.model_validate_json(mission, context=STORED),
        language=language,
        created_at=dt.datetime.fromisoformat(created),
        updated_at=dt.datetime.fromisoformat(updated),
        trashed_at=_time(trashed),
        stats=json.loads(stats) if stats else None,
    )


_COLUMNS = "id, company, mission, language, created_at, updated_at, trashed_at, stats"


def insert_dossier(conn: sqlite3.Connection, dossier: Dossier) -> None:
    """Insert a dossier with its templates, answers, actions and reviews (not its evidence)."""
    conn.execute(
        "INSERT INTO dossiers (id, company, mission, language, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        (
            dossier.id,
            dossier.company.model_dump_json(),
            dossier.mission.model_dump_json(),
            dossier.language,
            dossier.created_at.isoformat(),
            dossier.updated_at.isoformat(),
        ),
    )
    set_templates(conn, dossier.id, dossier.templates)
    for answer in dossier.answers:
        answers.write_answer(conn, dossier.id, answer)
    for index, action in enumerate(dossier.actions):
        actions.insert_action(conn, dossier.id, action, position=index)
    for review in dossier.reviews:
        actions.insert_review(conn, dossier.id, review)


def header(conn: sqlite3.Connection, dossier_id: str) -> DossierRow:
    """Return a dossier's own row, or raise NotFound."""
    row = conn.execute(f"SELECT {_COLUMNS} FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    if row is None:
        raise NotFound(
            catalog_entry("error", "There is no dossier '{dossier}'."), dossier=dossier_id
        )
    return _row(row)


def exists(conn: sqlite3.Connection, dossier_id: str) -> bool:
    """Return whether a dossier with this id exists (trashed or not)."""
    found = conn.execute("SELECT 1 FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    return found is not None


def trashed_at(conn: sqlite3.Connection, dossier_id: str) -> str | None:
    """Return when a dossier was trashed (None when it is not), or raise NotFound."""
    row = conn.execute("SELECT trashed_at FROM dossiers WHERE id = ?", (dossier_id,)).fetchone()
    if row is None:
        raise NotFound(
            catalog_entry("error", "There is no dossier '{dossier}'."), dossier=dossier_id
        )
    return row[0]


def list_rows(conn: sqlite3.Connection, *, include_trashed: bool = False) -> list[DossierRow]:
    """Return every dossier's row, most recently changed first."""
    where = "" if include_trashed else " WHERE trashed_at IS NULL"
    rows = conn.execute(f"SELECT {_COLUMNS} FROM dossiers{where} ORDER BY updated_at DESC, id")
    return [_row(row) for row in rows]


def ids_starting_with(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """Return the ids of dossiers whose id starts with `prefix`."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        "SELECT id FROM dossiers WHERE id LIKE ? ESCAPE '\\' ORDER BY id", (escaped + "%",)
    )
    return [row[0] for row in rows]


def templates_of(conn: sqlite3.Connection, dossier_id: str) -> list[TemplateUse]:
    """Return the template versions a dossier uses, in order."""
    rows = conn.execute(
        "SELECT template_id, version FROM dossier_templates WHERE dossier_id = ? ORDER BY position",
        (dossier_id,),
    )
    return [TemplateUse(id=tid, version=version) for tid, version in rows]


def set_templates(conn: sqlite3.Connection, dossier_id: str, uses: list[TemplateUse]) -> None:
    """Replace the template versions a dossier uses."""
    conn.execute("DELETE FROM dossier_templates WHERE dossier_id = ?", (dossier_id,))
    conn.executemany(
        "INSERT INTO dossier_templates (dossier_id, template_id, version, position)"
        " VALUES (?, ?, ?, ?)",
        [(dossier_id, use.id, use.version, index) for index, use in enumerate(uses)],
    )


def load_dossier(conn: sqlite3.Connection, dossier_id: str) -> Dossier:
    """Return the whole dossier, or raise NotFound."""
    row = header(conn, dossier_id)
    return Dossier.model_construct(
        id=row.id,
        company=row.company,
        mission=row.mission,
        language=row.language,
        created_at=row.created_at,
        updated_at=row.updated_at,
        templates=templates_of(conn, dossier_id),
        answers=answers.load_answers(conn, dossier_id),
        evidence=evidence.load_evidence(conn, dossier_id),
        actions=actions.load_actions(conn, dossier_id),
        reviews=actions.load_reviews(conn, dossier_id),
    )


def update_profile(
    conn: sqlite3.Connection, dossier_id: str, company: Company, mission: Mission
) -> None:
    """Store a dossier's company and mission."""
    conn.execute(
        "UPDATE dossiers SET company = ?, mission = ? WHERE id = ?",
        (company.model_dump_json(), mission.model_dump_json(), dossier_id),
    )


def set_language(conn: sqlite3.Connection, dossier_id: str, language: str) -> None:
    """Store the language a dossier is filled in."""
    conn.execute("UPDATE dossiers SET language = ? WHERE id = ?", (language, dossier_id))


def touch(conn: sqlite3.Connection, dossier_id: str, at: dt.datetime) -> None:
    """Mark a dossier changed at `at` and its cached statistics stale."""
    conn.execute(
        "UPDATE dossiers SET updated_at = ?, stats = NULL WHERE id = ?",
        (at.isoformat(), dossier_id),
    )


def set_stats(
    conn: sqlite3.Connection, dossier_id: str, stats: dict[str, Any], updated_at: dt.datetime
) -> None:
    """Cache a dossier's list statistics, unless it changed since `updated_at`."""
    conn.execute(
        "UPDATE dossiers SET stats = ? WHERE id = ? AND updated_at = ?",
        (json.dumps(stats), dossier_id, updated_at.isoformat()),
    )


def clear_all_stats(conn: sqlite3.Connection) -> None:
    """Mark every dossier's cached statistics stale (after the templates changed)."""
    conn.execute("UPDATE dossiers SET stats = NULL")


def set_trashed(conn: sqlite3.Connection, dossier_id: str, at: dt.datetime | None) -> None:
    """Move a dossier to the trash (`at`) or back out of it (None)."""
    conn.execute(
        "UPDATE dossiers SET trashed_at = ? WHERE id = ?",
        (at.isoformat() if at else None, dossier_id),
    )


def delete_dossier(conn: sqlite3.Connection, dossier_id: str) -> None:
    """Delete a dossier and everything it holds, then blobs no dossier uses any more."""
    conn.execute("DELETE FROM dossiers WHERE id = ?", (dossier_id,))
    evidence.delete_orphan_blobs(conn)
