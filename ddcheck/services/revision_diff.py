"""Compare two revisions of a received dossier: answers, evidence, actions, withheld items."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ddcheck.domain.dossier import REVISION_ANSWER_FIELDS, Dossier
from ddcheck.domain.received import RevisionChange

_EVIDENCE_FIELDS = ("name", "sha256", "size", "note", "media_type")


def revision_changes(
    old: Dossier,
    new: Dossier,
    old_rendered: Mapping[str, str],
    new_rendered: Mapping[str, str],
    old_withheld: set[str],
    new_withheld: set[str],
) -> list[RevisionChange]:
    """Return every difference between two revisions, in a stable order."""
    changes = _answer_changes(old, new, old_rendered, new_rendered, old_withheld, new_withheld)
    changes += _keyed_changes(
        "evidence",
        {e.id: e.model_dump(mode="json", include=set(_EVIDENCE_FIELDS)) for e in old.evidence},
        {e.id: e.model_dump(mode="json", include=set(_EVIDENCE_FIELDS)) for e in new.evidence},
        label="name",
    )
    changes += _keyed_changes(
        "action",
        {a.id: a.model_dump(mode="json", exclude={"id"}) for a in old.actions},
        {a.id: a.model_dump(mode="json", exclude={"id"}) for a in new.actions},
        label="action",
    )
    changes += [RevisionChange("withheld", k, "added") for k in sorted(new_withheld - old_withheld)]
    changes += [
        RevisionChange("withheld", k, "removed") for k in sorted(old_withheld - new_withheld)
    ]
    return changes


def _answer_changes(
    old: Dossier,
    new: Dossier,
    old_rendered: Mapping[str, str],
    new_rendered: Mapping[str, str],
    old_withheld: set[str],
    new_withheld: set[str],
) -> list[RevisionChange]:
    before = {a.key: a for a in old.answers if a.key not in old_withheld}
    after = {a.key: a for a in new.answers if a.key not in new_withheld}
    changes: list[RevisionChange] = []
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        old_text = old_rendered.get(key, "")
        new_text = new_rendered.get(key, "")
        if was is None or now is None:
            if key in old_withheld or key in new_withheld:
                continue  # reported as a withheld change
            what = "added" if was is None else "removed"
            changes.append(RevisionChange("answer", key, what, old_text or None, new_text or None))
            continue
        if old_text != new_text or was.value != now.value:
            changes.append(RevisionChange("answer", key, "value", old_text, new_text))
        first, second = was.model_dump(mode="json"), now.model_dump(mode="json")
        changes += [
            RevisionChange("answer", key, name, first[name], second[name])
            for name in REVISION_ANSWER_FIELDS
            if first[name] != second[name]
        ]
    return changes


def _keyed_changes(
    kind: Any, before: dict[str, dict[str, Any]], after: dict[str, dict[str, Any]], label: str
) -> list[RevisionChange]:
    changes: list[RevisionChange] = []
    for key in sorted(set(before) | set(after)):
        was, now = before.get(key), after.get(key)
        if was is None:
            changes.append(RevisionChange(kind, key, "added", None, (now or {}).get(label)))
        elif now is None:
            changes.append(RevisionChange(kind, key, "removed", was.get(label), None))
        else:
            changes += [
                RevisionChange(kind, key, name, was.get(name), now[name])
                for name in now
                if was.get(name) != now[name]
            ]
    return changes
