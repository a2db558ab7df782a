"""Hand sections to a colleague as a workbook, and merge the answers that come back per field."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddcheck.domain.applicability import applicable_items
from ddcheck.domain.numbering import dossier_numbering
from ddcheck.domain.scales import AnswerScale
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.answers import AnswerOps
from ddcheck.services.errors import InvalidInput
from ddcheck.services.files import write_atomically
from ddcheck.services.values import normalize_value, strip_controls

__all__ = ["FieldChange", "HandoutOps", "HandoutPlan", "PreviewRow"]


@dataclass(frozen=True)
class FieldChange:
    """One field of one item the colleague changed: what it was, what ddcheck has, what they wrote.

    `conflict` is True when ddcheck's value also changed since the hand-out (to something else).
    """

    key: str
    field: str  # "value" or "note"
    base: Any
    ours: Any
    theirs: Any
    conflict: bool


@dataclass
class HandoutPlan:
    """What importing a returned hand-out would change, item by item and field by field."""

    dossier_id: str
    colleague: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def conflicts(self) -> list[FieldChange]:
        """Return the fields changed on both sides since the hand-out."""
        return [c for c in self.changes if c.conflict]


@dataclass(frozen=True)
class PreviewRow:
    """One change as the preview shows it: the item (number, question) and both values in words."""

    change: FieldChange
    number: str
    question: str
    ours: str
    theirs: str


def _value_text(scale: AnswerScale, value: Any, lang: str) -> str:
    """Return a stored value as the colleague sees it: option labels, or the value as text."""
    if value is None:
        return ""
    if scale.is_choice:
        values = value if isinstance(value, list) else [value]
        labels = [
            (o.label.get(lang) if (o := scale.option(str(v))) else str(v))  # type: ignore[arg-type]
            for v in values
        ]
        return "; ".join(labels)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _from_cell(scale: AnswerScale, cell: Any, lang: str) -> Any:
    """Return the stored form of what the colleague wrote; labels (either language) or ids."""
    if cell is None or (isinstance(cell, str) and not cell.strip()):
        return None
    if scale.is_choice:
        parts = [p.strip() for p in str(cell).split(";")] if scale.kind == "multiple" else [cell]
        ids = []
        for part in parts:
            text = str(part).strip()
            found = next(
                (
                    o.id
                    for o in scale.options
                    if text.casefold()
                    in (o.id.casefold(), o.label.nl.casefold(), o.label.en.casefold())
                ),
                None,
            )
            if found is None:
                labels = ", ".join(o.label.get(lang) for o in scale.options)  # type: ignore[arg-type]
                raise InvalidInput(
                    catalog_entry(
                        "error", "'{text}' is not an answer of this question (choose: {labels})"
                    ),
                    text=text,
                    labels=labels,
                )
            ids.append(found)
        return normalize_value(scale, ids if scale.kind == "multiple" else ids[0])
    if hasattr(cell, "isoformat") and scale.kind == "date":
        return normalize_value(scale, cell)
    return normalize_value(scale, cell if not isinstance(cell, str) else strip_controls(cell))


class HandoutOps(AnswerOps):
    """Write hand-out workbooks and merge the returned ones."""

    def write_handout(
        self,
        dossier_id: str,
        out_path: Path | str,
        *,
        to: str,
        sections: Iterable[str],
        lang: str | None = None,
    ) -> int:
        """Write a hand-out of the applicable items of `sections` for colleague `to`; return items.

        A section is named by its id or `template/section`.
        """
        from ddcheck.exchange.handout import Handout, HandoutItem, handout_bytes
        from ddcheck.exchange.workbook import section_heading

        to = strip_controls(to).strip()
        if not to:
            raise InvalidInput(
                catalog_entry("error", "Name the colleague the hand-out is for (--to NAME).")
            )
        dossier = self.get_dossier(dossier_id)  # type: ignore[attr-defined]
        lang = lang or dossier.language
        wanted = {s.strip() for s in sections if s.strip()}
        entries = list(applicable_items(dossier, self._templates))
        known = {e.section.id for e in entries} | {
            f"{e.template.id}/{e.section.id}" for e in entries
        }
        unknown = sorted(wanted - known)
        if unknown:
            raise InvalidInput(
                catalog_entry(
                    "error", "No applicable section '{section}' in this dossier; known: {known}"
                ),
                section=unknown[0],
                known=", ".join(sorted(known)),
            )
        answers = dossier.answers_by_key()
        numbering = dossier_numbering(dossier, self._templates)
        items = []
        for entry in entries:
            if not wanted & {entry.section.id, f"{entry.template.id}/{entry.section.id}"}:
                continue
            scale = entry.template.scale_for(entry.item)
            answer = answers.get(entry.key)
            value = answer.value if answer else None
            items.append(
                HandoutItem(
                    key=entry.key,
                    version=entry.template.version,
                    fingerprint=self._fingerprint(entry.template, entry.item),
                    section=section_heading(numbering, entry, lang),  # type: ignore[arg-type]
                    question=f"{numbering.items.get(entry.key, '')} "
                    f"{entry.item.question.get(lang)}".strip(),  # type: ignore[arg-type]
                    guidance=entry.item.guidance.get(lang),  # type: ignore[arg-type]
                    choices=tuple(o.label.get(lang) for o in scale.options)  # type: ignore[arg-type]
                    if scale.is_choice
                    else (),
                    multiple=scale.kind == "multiple",
                    value_text=_value_text(scale, value, lang),
                    base_value=value,
                    base_note=answer.note if answer else "",
                )
            )
        handout = Handout(
            dossier.id, dossier.title, to, self._now().isoformat(), lang, tuple(items)
        )
        write_atomically(Path(out_path), handout_bytes(handout))
        return len(items)

    def plan_handout_import(self, path: Path | str) -> HandoutPlan:
        """Return what a returned hand-out would change; refuse it (nothing saved) when unusable."""
        from ddcheck.exchange.handout import HandoutRefused, read_returned

        source = Path(path)
        returned = read_returned(source)
        try:
            dossier = self.get_dossier(returned.dossier_id)  # type: ignore[attr-defined]
        except Exception as error:
            raise HandoutRefused(
                f"{source.name} is a hand-out for another dossier ({returned.dossier_id}), "
                "not one in this workspace"
            ) from error
        answers = dossier.answers_by_key()
        plan = HandoutPlan(dossier.id, returned.to)
        seen: set[str] = set()
        for row in returned.rows:
            row_no = row.place.rsplit("E", 1)[1]
            base = returned.base.get(row.key)
            if base is None:
                raise HandoutRefused(
                    f"Questions!A{row_no}: item '{row.key}' was not in this hand-out "
                    "(item ids may not be changed)"
                )
            if row.key in seen:
                raise HandoutRefused(f"Questions!A{row_no}: item '{row.key}' appears twice")
            seen.add(row.key)
            template_id, _, item_id = row.key.partition("/")
            try:
                template, item = self._item(template_id, item_id)
                theirs = _from_cell(template.scale_for(item), row.answer, dossier.language)
            except InvalidInput as error:
                raise HandoutRefused(f"{row.place}: {error}") from error
            current = answers.get(row.key)
            ours_value = current.value if current else None
            ours_note = current.note if current else ""
            theirs_note = row.note
            for name, base_v, ours, new in (
                ("value", base["value"], ours_value, theirs),
                ("note", base["note"], ours_note, theirs_note),
            ):
                if _same(new, base_v) or _same(new, ours):
                    continue
                plan.changes.append(
                    FieldChange(row.key, name, base_v, ours, new, not _same(ours, base_v))
                )
        missing = sorted(set(returned.base) - seen)
        if missing:
            raise HandoutRefused(f"Questions: item '{missing[0]}' was removed from the hand-out")
        return plan

    def preview_handout(self, plan: HandoutPlan, lang: str | None = None) -> list[PreviewRow]:
        """Return the plan's changes with item numbers, questions and values in words."""
        dossier = self.get_dossier(plan.dossier_id)  # type: ignore[attr-defined]
        lang = lang or dossier.language
        numbering = dossier_numbering(dossier, self._templates)
        rows = []
        for change in plan.changes:
            template_id, _, item_id = change.key.partition("/")
            template, item = self._item(template_id, item_id)
            if change.field == "value":
                scale = template.scale_for(item)
                ours, theirs = (_value_text(scale, v, lang) for v in (change.ours, change.theirs))
            else:
                ours, theirs = str(change.ours or ""), str(change.theirs or "")
            rows.append(
                PreviewRow(
                    change,
                    numbering.items.get(change.key, ""),
                    item.question.get(lang),  # type: ignore[arg-type]
                    ours,
                    theirs,
                )
            )
        return rows

    def apply_handout(
        self,
        plan: HandoutPlan,
        *,
        take_theirs: bool = False,
        taken: Iterable[tuple[str, str]] = (),
    ) -> list[FieldChange]:
        """Save the plan's changes in one transaction under the colleague's name; return them.

        Conflicts (changed in ddcheck since the hand-out) are skipped unless `take_theirs`, or
        unless their (item key, field) is among `taken` (the user chose the colleague's there).
        """
        chosen_conflicts = set(taken)
        chosen = [
            c
            for c in plan.changes
            if take_theirs or not c.conflict or (c.key, c.field) in chosen_conflicts
        ]
        user = self._user
        self._user = f"{plan.colleague} (hand-out)" if plan.colleague else "hand-out"
        try:
            with self.batch():
                for change in chosen:
                    template_id, _, item_id = change.key.partition("/")
                    self.answer(
                        plan.dossier_id, template_id, item_id, **{change.field: change.theirs}
                    )
        finally:
            self._user = user
        return chosen


def _same(a: Any, b: Any) -> bool:
    """Return whether two stored values are equal (None, '' and [] are all 'empty')."""
    empty: tuple[Any, ...] = (None, "", [])
    if a in empty and b in empty:
        return True
    return json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
