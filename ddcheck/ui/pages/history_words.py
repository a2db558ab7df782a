"""History entries in words: verbs and field names translated, ids shown as names and titles."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from ddcheck.ui.dates import date_text
from ddcheck.ui.i18n import tr


def _plain(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return ", ".join(
            f"{k}: {_plain(v)}" for k, v in value.items() if v not in (None, "", [], False)
        )
    if isinstance(value, list):
        return ", ".join(_plain(v) for v in value)
    return str(value)


def item_key_of(entry: Any) -> str | None:
    """Return the item key a history entry is about, if any."""
    if entry.entity in ("answer", "review") and "/" in entry.entity_id:
        return str(entry.entity_id)
    return None


def recorded_name(entry: Any) -> str | None:
    """Return the name an "added" or "removed" entry recorded (a file name, an action)."""
    named = entry.new if entry.field == "added" else entry.old if entry.field == "removed" else None
    return named if isinstance(named, str) else None


def date_words(value: str) -> str:
    """Return an ISO date as the UI writes dates (other text unchanged)."""
    try:
        return date_text(dt.date.fromisoformat(value))
    except ValueError:
        return value


def field_label(field: str) -> str:
    """Return a readable name for a changed field or what happened."""
    return {
        "value": tr("Answer"),
        "note": tr("Note"),
        "confidential": tr("Confidential"),
        "review": tr("Marked for review"),
        "risk": tr("Risk"),
        "evidence": tr("Evidence"),
        "needs_reconfirmation": tr("To re-confirm"),
        "added": tr("added"),
        "removed": tr("removed"),
        "created": tr("created"),
        "recorded": tr("recorded"),
        "restored_from": tr("restored from a file"),
        "duplicated_from": tr("copied from another dossier"),
        "trashed_at": tr("trash"),
        "purged": tr("deleted for good"),
        "version": tr("version"),
        "language": tr("Language"),
        "company": tr("Company"),
        "mission": tr("Mission"),
        "assessment": tr("Assessment"),
        "action": tr("Action"),
        "item_keys": tr("Linked questions"),
        "standard_ref": tr("Standard"),
        "gap": tr("Gap"),
        "deliverable": tr("Deliverable"),
        "owner": tr("Owner"),
        "start": tr("Start"),
        "due": tr("Due"),
        "priority": tr("Priority"),
        "status": tr("Status"),
        "budget": tr("Budget"),
        "completion_evidence": tr("Completion evidence"),
        "progress_note": tr("Progress"),
        "agreed_with_adviser": tr("Agreed with the adviser"),
        "description": tr("Description"),
    }.get(field, field)


def entity_label(entity: str) -> str:
    """Return a readable name for a kind of changed thing."""
    return {
        "action": tr("Action"),
        "evidence": tr("Evidence"),
        "dossier": tr("Dossier"),
        "template": tr("Checklist"),
        "review": tr("Review"),
    }.get(entity, entity)


class HistoryWords:
    """Word the entries of one dossier's history for the open session."""

    def __init__(self, session: Any) -> None:
        self.session = session
        self.evidence_names: dict[str, str] = {}
        self.action_titles: dict[str, str] = {}
        self.dossier_titles: dict[str, str] = {}

    def learn(self, rows: Iterable[Any]) -> None:
        """Remember names of evidence and actions, also of those since removed."""
        rows = list(rows)
        if any(row.field == "duplicated_from" for row in rows):
            every = self.session.workspace.list_dossiers(include_trashed=True)
            self.dossier_titles = {info.id: info.title for info in every}
        for row in rows:
            named = recorded_name(row)
            if named is not None and row.entity == "evidence":
                self.evidence_names.setdefault(row.entity_id, named)
            elif named is not None and row.entity == "action":
                self.action_titles.setdefault(row.entity_id, named)
        for evidence in self.session.dossier.evidence:
            self.evidence_names[evidence.id] = evidence.name
        for action in self.session.dossier.actions:
            self.action_titles[action.id] = action.action

    def _question(self, key: str) -> str:
        found = self.session.entry(key)
        return found.item.question.get(self.session.lang) if found is not None else key

    def describe(self, entry: Any) -> str:
        """Return what an entry changed, in words."""
        what = field_label(entry.field)
        key = item_key_of(entry)
        if key:
            return f"{what}: {self._question(key)}"
        entity, subject = entry.entity, ""
        if entity == "action":
            subject = self.action_titles.get(entry.entity_id, "")
        elif entity == "evidence":
            subject = self.evidence_names.get(entry.entity_id, "")
        elif entity == "template":
            template = self.session.templates.get(entry.entity_id)
            subject = template.title.get(self.session.lang) if template else entry.entity_id
        joint = " " if entry.field in _VERBS else " · "
        head = f"{entity_label(entity)}{joint}{what}"
        if entry.field in ("added", "removed") and entity in ("action", "evidence"):
            return head  # the name is in the Before/After column
        return f"{head}: {subject}" if subject else head

    def value(self, entry: Any, value: Any) -> str:
        """Return a recorded value in words: labels, file names and titles instead of ids."""
        if value is None:
            return ""
        key = item_key_of(entry)
        field = entry.field
        if key and field == "value":
            found = self.session.entry(key)
            scale = found.template.scale_for(found.item) if found is not None else None
            if scale is not None and scale.is_choice:
                ids = value if isinstance(value, list) else [value]
                return ", ".join(
                    o.label.get(self.session.lang) if (o := scale.option(str(v))) else str(v)
                    for v in ids
                )
        if field == "evidence" and isinstance(value, list):
            return ", ".join(self.evidence_names.get(str(v), str(v)) for v in value)
        if field == "item_keys" and isinstance(value, list):
            return "; ".join(self._question(str(v)) for v in value)
        if field == "duplicated_from":
            return self.dossier_titles.get(str(value), str(value))
        if entry.entity == "action" and field in ("status", "priority"):
            from ddcheck.ui.dialogs.action_editor import priority_labels, status_labels

            labels = status_labels() if field == "status" else priority_labels()
            return labels.get(str(value), str(value))
        if field in ("due", "start") and isinstance(value, str):
            return date_words(value)
        if field == "trashed_at":
            return tr("in the trash")
        if isinstance(value, dict) and {"severity", "likelihood"} <= set(value):
            from ddcheck.ui.widgets.risk_editor import involvement_labels

            involvement = value.get("involvement")
            parts = [
                f"{tr('Severity')} {value['severity']}" if value.get("severity") else "",
                f"{tr('Likelihood')} {value['likelihood']}" if value.get("likelihood") else "",
                involvement_labels().get(str(involvement), "") if involvement else "",
            ]
            return ", ".join(p for p in parts if p)
        if isinstance(value, bool):
            return tr("Yes") if value else tr("No")
        return _plain(value)


_VERBS = ("added", "removed", "created", "recorded", "restored_from", "duplicated_from", "purged")
