"""Merging reviews of one dossier by several advisers, per item and field, never silently.

A review is flattened into fields (an item's assessment or comment, the verdict, its note, an
agreed action). Every change an adviser makes to a field is an edit that names the edits it
replaced (its parents). The field's current edits are those no other edit replaced: one means the
field is agreed; several with different values are a conflict, until someone chooses.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any, Literal

from ddcheck.domain.dossier import Action, ItemReview, Review, split_item_key

Entity = Literal["item", "review", "action"]
FieldName = Literal["assessment", "comment", "verdict", "verdict_note", "action"]
FieldRef = tuple[str, str, str]  # (entity, key, field): ("item", "tpl/item", "comment")

FIELDS: dict[str, tuple[str, ...]] = {
    "item": ("assessment", "comment"),
    "review": ("verdict", "verdict_note"),
    "action": ("action",),
}
DEFAULTS: dict[str, Any] = {
    "assessment": None,
    "comment": "",
    "verdict": None,
    "verdict_note": "",
    "action": None,
}


@dataclass(frozen=True)
class ReviewEdit:
    """One adviser's change of one field of a review, and the edits of that field it replaced."""

    id: str
    author: str
    author_name: str
    at: dt.datetime
    entity: str
    key: str
    field: str
    value: Any
    parents: tuple[str, ...] = ()

    @property
    def ref(self) -> FieldRef:
        """Return the field this edit changes."""
        return (self.entity, self.key, self.field)


@dataclass(frozen=True)
class Conflict:
    """A field two or more advisers changed independently to different values."""

    ref: FieldRef
    edits: tuple[ReviewEdit, ...]  # the competing current edits, oldest first
    local: Any  # the value this workspace shows now

    @property
    def label(self) -> str:
        """Return the field as people name it: 'item tpl/x: comment', 'verdict'."""
        entity, key, name = self.ref
        if entity == "review":
            return name.replace("_", " ")
        if entity == "action":
            return f"agreed action {key}"
        return f"item {key}: {name}"


def flatten(review: Review) -> dict[FieldRef, Any]:
    """Return the review's fields and their values (as JSON data)."""
    values: dict[FieldRef, Any] = {}
    for item in review.items:
        values[("item", item.key, "assessment")] = item.assessment
        values[("item", item.key, "comment")] = item.comment
    values[("review", "", "verdict")] = review.verdict
    values[("review", "", "verdict_note")] = review.verdict_note
    for action in review.agreed_actions:
        values[("action", action.id, "action")] = action.model_dump(mode="json")
    return values


def value_of(values: dict[FieldRef, Any], ref: FieldRef) -> Any:
    """Return a field's value, or the value of a field never set."""
    return values.get(ref, DEFAULTS[ref[2]])


def unflatten(values: dict[FieldRef, Any], like: Review) -> Review:
    """Return `like` with its items, verdict and agreed actions taken from `values`."""
    item_keys = list(dict.fromkeys(k for (e, k, _f) in values if e == "item"))
    items = []
    for key in item_keys:
        assessment = value_of(values, ("item", key, "assessment"))
        if assessment is None:
            continue  # cleared (a comment without an assessment is not kept)
        template_id, item_id = split_item_key(key)
        items.append(
            ItemReview(
                template_id=template_id,
                item_id=item_id,
                assessment=assessment,
                comment=value_of(values, ("item", key, "comment")),
            )
        )
    actions = [
        Action.model_validate(value)
        for (entity, _key, _field), value in values.items()
        if entity == "action" and value is not None
    ]
    return like.model_copy(
        update={
            "items": items,
            "verdict": value_of(values, ("review", "", "verdict")),
            "verdict_note": value_of(values, ("review", "", "verdict_note")),
            "agreed_actions": actions,
        }
    )


def changed_fields(
    old: dict[FieldRef, Any], new: dict[FieldRef, Any]
) -> list[tuple[FieldRef, Any]]:
    """Return the fields whose value differs from `old` to `new`, with the new value."""
    refs = list(dict.fromkeys([*old, *new]))
    return [(ref, value_of(new, ref)) for ref in refs if value_of(old, ref) != value_of(new, ref)]


def heads(edits: list[ReviewEdit]) -> list[ReviewEdit]:
    """Return the edits of one field that no other edit replaced, oldest first."""
    replaced = {parent for edit in edits for parent in edit.parents}
    current = {e.id: e for e in edits if e.id not in replaced}
    return sorted(current.values(), key=lambda e: (e.at, e.author, e.id))


def by_field(edits: list[ReviewEdit]) -> dict[FieldRef, list[ReviewEdit]]:
    """Return the edits grouped by the field they change."""
    grouped: dict[FieldRef, list[ReviewEdit]] = {}
    for edit in edits:
        grouped.setdefault(edit.ref, []).append(edit)
    return grouped


@dataclass(frozen=True)
class Merged:
    """The result of merging every known edit into this workspace's review."""

    values: dict[FieldRef, Any]
    conflicts: tuple[Conflict, ...]


def merge(local: dict[FieldRef, Any], edits: list[ReviewEdit]) -> Merged:
    """Take every field's single current value; keep the local value where edits conflict."""
    values = dict(local)
    conflicts = []
    for ref, field_edits in by_field(edits).items():
        current = heads(field_edits)
        distinct = {_canonical(e.value) for e in current}
        if len(distinct) == 1:
            values[ref] = current[-1].value
        else:
            conflicts.append(Conflict(ref, tuple(current), value_of(local, ref)))
    return Merged(values, tuple(conflicts))


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def both_texts(edits: tuple[ReviewEdit, ...]) -> str:
    """Return the different comments of competing edits kept together, oldest first."""
    parts = []
    for edit in edits:
        text = str(edit.value or "").strip()
        if text and text not in parts:
            parts.append(text)
    return "\n\n".join(parts)
