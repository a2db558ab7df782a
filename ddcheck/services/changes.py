"""What a mutation changed, so views know what to refresh; and the recorded history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ddcheck.store.history import HistoryRow

HistoryEntry = HistoryRow


@dataclass(frozen=True)
class Change:
    """One changed field of one thing in a dossier."""

    entity: str
    entity_id: str
    field: str
    old: Any = None
    new: Any = None


@dataclass(frozen=True)
class Changes:
    """Everything one call changed in one dossier (empty when nothing changed)."""

    dossier_id: str
    changes: tuple[Change, ...] = ()
    at: dt.datetime | None = None  # when they were recorded (the dossier's new last change)

    def __bool__(self) -> bool:
        return bool(self.changes)

    @property
    def entities(self) -> frozenset[str]:
        """Return the kinds of things that changed: answer, action, evidence, dossier, ..."""
        return frozenset(c.entity for c in self.changes)

    @property
    def ids(self) -> frozenset[str]:
        """Return the ids of the things that changed (item keys for answers)."""
        return frozenset(c.entity_id for c in self.changes)

    @property
    def fields(self) -> frozenset[str]:
        """Return the names of the fields that changed."""
        return frozenset(c.field for c in self.changes)

    def touches(self, entity: str, entity_id: str | None = None) -> bool:
        """Return whether an entity (or one specific entity id) changed."""
        return any(
            c.entity == entity and (entity_id is None or c.entity_id == entity_id)
            for c in self.changes
        )

    def as_history(self) -> list[tuple[str, str, str, Any, Any]]:
        """Return the changes as history tuples (entity, entity id, field, old, new)."""
        return [(c.entity, c.entity_id, c.field, c.old, c.new) for c in self.changes]
