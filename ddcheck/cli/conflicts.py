"""Review conflicts from a shared mission folder, as lines and as JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from ddcheck.cli.terminal import line

if TYPE_CHECKING:
    from ddcheck.services.sync import ReceivedConflict


def _value(value: Any) -> str:
    """Return a field value in one short line."""
    if value is None:
        return "(none)"
    if isinstance(value, dict):
        return str(value.get("action", ""))[:80]
    text = value if isinstance(value, str) else json.dumps(value)
    return " ".join(text.split())[:80] or "(empty)"


def conflict_lines(conflicts: list[ReceivedConflict]) -> list[str]:
    """Return each conflict as one line per competing value."""
    lines = []
    for found in conflicts:
        conflict = found.conflict
        lines.append(f"conflict: {line(found.company)} — {line(conflict.label)}")
        for edit in conflict.edits:
            lines.append(
                f"  {line(edit.author_name)} ({edit.at:%Y-%m-%d %H:%M}): {line(_value(edit.value))}"
            )
    return lines


def conflicts_json(conflicts: list[ReceivedConflict]) -> list[dict[str, Any]]:
    """Return conflicts as plain JSON data."""
    return [
        {
            "received_id": c.received_id,
            "company": c.company,
            "field": list(c.conflict.ref),
            "local": c.conflict.local,
            "values": [
                {"author": e.author_name, "at": e.at.isoformat(), "value": e.value}
                for e in c.conflict.edits
            ],
        }
        for c in conflicts
    ]
