"""Missions with a stable id, and which mission a received dossier belongs to."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3
from typing import Literal

from pydantic import ValidationError

from ddcheck.domain.mission import MissionDefinition
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.store.errors import NotFound

Origin = Literal["own", "pack"]
_log = logging.getLogger(__name__)


def save_mission(
    conn: sqlite3.Connection, mission: MissionDefinition, origin: Origin, at: dt.datetime
) -> None:
    """Store a mission (replacing the one with the same id, keeping when it was first added)."""
    conn.execute(
        "INSERT INTO missions (id, data, origin, added_at, updated_at) VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at",
        (mission.id, mission.model_dump_json(), origin, at.isoformat(), at.isoformat()),
    )


def _mission(data: str) -> MissionDefinition | None:
    try:
        return MissionDefinition.model_validate_json(data)
    except ValidationError as error:  # written by a newer or laxer ddcheck
        _log.warning("a stored mission is left out: %s", error)
        return None


def get_mission(conn: sqlite3.Connection, mission_id: str) -> MissionDefinition:
    """Return the mission with this id, or raise NotFound."""
    row = conn.execute("SELECT data FROM missions WHERE id = ?", (mission_id,)).fetchone()
    found = _mission(row[0]) if row else None
    if found is None:
        raise NotFound(
            catalog_entry(
                "error", "There is no mission '{mission}'; 'ddcheck mission list' shows them."
            ),
            mission=mission_id,
        )
    return found


def find_mission(conn: sqlite3.Connection, mission_id: str) -> MissionDefinition | None:
    """Return the mission with this id, or None."""
    row = conn.execute("SELECT data FROM missions WHERE id = ?", (mission_id,)).fetchone()
    return _mission(row[0]) if row else None


def list_missions(conn: sqlite3.Connection) -> list[MissionDefinition]:
    """Return every readable mission, soonest start first."""
    rows = conn.execute("SELECT data FROM missions ORDER BY added_at, id")
    found = [m for (data,) in rows if (m := _mission(data)) is not None]
    return sorted(found, key=lambda m: (m.start, m.name.nl.casefold(), m.id))


def ids_starting_with(conn: sqlite3.Connection, prefix: str) -> list[str]:
    """Return the ids of missions whose id starts with `prefix`."""
    escaped = prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = conn.execute(
        "SELECT id FROM missions WHERE id LIKE ? ESCAPE '\\' ORDER BY id", (escaped + "%",)
    )
    return [row[0] for row in rows]


def received_mission_ids(conn: sqlite3.Connection) -> dict[str, str | None]:
    """Return the mission id of every received dossier, by received id (None: not attached)."""
    rows = conn.execute("SELECT id, mission_id FROM received_dossiers")
    return {ident: mission_id for ident, mission_id in rows}


def received_mission_id(conn: sqlite3.Connection, received_id: str) -> str | None:
    """Return the mission the adviser attached a received dossier to (None: none)."""
    row = conn.execute(
        "SELECT mission_id FROM received_dossiers WHERE id = ?", (received_id,)
    ).fetchone()
    return row[0] if row else None


def set_received_mission(
    conn: sqlite3.Connection, received_id: str, mission_id: str | None
) -> None:
    """Attach a received dossier to a mission (None: detach)."""
    conn.execute(
        "UPDATE received_dossiers SET mission_id = ? WHERE id = ?", (mission_id, received_id)
    )
