"""Templates kept inside the workspace (imported ones and synthetic benchmark ones)."""

from __future__ import annotations

import datetime as dt
import logging
import sqlite3

from ddcheck.domain.templates import Template, condition_shape_problems

_log = logging.getLogger(__name__)


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
    templates = []
    for (body,) in rows:
        try:
            template = Template.model_validate_json(body)
            problem = next(iter(condition_shape_problems(template)), None)
            if problem is not None:
                raise ValueError(problem.message)
        except (ValueError, RecursionError) as error:  # stored by an older, laxer ddcheck
            _log.warning("a stored workspace template is left out: %s", error)
            continue
        templates.append(template)
    return templates


def delete_templates(conn: sqlite3.Connection, template_id: str) -> int:
    """Remove every stored version of a workspace template; return how many were removed."""
    return conn.execute("DELETE FROM custom_templates WHERE id = ?", (template_id,)).rowcount
