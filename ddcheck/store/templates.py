"""Templates kept inside the workspace (imported ones and synthetic benchmark ones)."""

from __future__ import annotations

import datetime as dt
import sqlite3

from ddcheck.domain.templates import Template


def save_template(conn: sqlite3.Connection, template: Template, at: dt.datetime) -> None:
    """Store a template version (replacing the same id and version)."""
    conn.execute(
        "INSERT INTO custom_templates (id, version, body, added_at) VALUES (?, ?, ?, ?)"
        " ON CONFLICT (id, version) DO UPDATE SET body = excluded.body",
        (template.id, template.version, template.model_dump_json(by_alias=True), at.isoformat()),
    )


def load_templates(conn: sqlite3.Connection) -> list[Template]:
    """Return the newest stored version of every workspace template."""
    rows = conn.execute(
        "SELECT body FROM custom_templates AS t WHERE version ="
        " (SELECT max(version) FROM custom_templates WHERE id = t.id) ORDER BY id"
    )
    return [Template.model_validate_json(row[0]) for row in rows]
