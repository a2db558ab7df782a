"""Answering items: each call is validated and committed on its own, like autosave."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ddcheck.domain.dossier import RECORDED_ANSWER_FIELDS, Answer, Risk, item_key
from ddcheck.domain.templates import Item, Template
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.changes import Change, Changes
from ddcheck.services.errors import AmbiguousId, InvalidInput
from ddcheck.services.values import check_text, normalize_value
from ddcheck.store import answers as answer_rows
from ddcheck.store import dossiers as dossier_rows


class _Unset:
    """The marker for 'leave this field as it is'."""

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Any = _Unset()


def _risk(risk: Any) -> Risk:
    if isinstance(risk, Risk):
        return risk
    if risk is None:
        return Risk()
    try:
        return Risk.model_validate(risk)
    except ValueError as error:
        raise InvalidInput(
            catalog_entry(
                "error",
                "A risk rating has severity and likelihood from 1 to 4 and an involvement of "
                "cause, contribute or linked.",
            )
        ) from error


def _plain(name: str, value: Any) -> Any:
    return value.model_dump() if name == "risk" else value


class AnswerOps(WorkspaceBase):
    """Answer, annotate and clear checklist items."""

    def find_item(self, dossier_id: str, reference: str) -> tuple[Template, Item]:
        """Return the item `template/item` or a unique item id among the dossier's templates."""
        if "/" in reference:
            template_id, _, item_id = reference.partition("/")
            return self._item(template_id, item_id)
        uses = dossier_rows.templates_of(self._store.conn, dossier_id)
        found = [
            (template, item)
            for use in uses
            if (template := self._templates.get(use.id)) is not None
            and (item := template.item(reference)) is not None
        ]
        if not found:
            raise InvalidInput(
                catalog_entry("error", "No template of this dossier has an item '{item}'."),
                item=reference,
            )
        if len(found) > 1:
            names = ", ".join(item_key(t.id, i.id) for t, i in found)
            raise AmbiguousId(
                catalog_entry(
                    "error", "Item '{item}' is in several templates ({names}); name one."
                ),
                item=reference,
                names=names,
            )
        return found[0]

    def answer(
        self,
        dossier_id: str,
        template_id: str,
        item_id: str,
        *,
        value: Any = UNSET,
        note: Any = UNSET,
        confidential: Any = UNSET,
        review: Any = UNSET,
        risk: Any = UNSET,
    ) -> Changes:
        """Save what was given for one item in its own transaction; return what changed."""
        template, item = self._item(template_id, item_id)
        update: dict[str, Any] = {}
        if value is not UNSET:
            update["value"] = normalize_value(template.scale_for(item), value)
            update["needs_reconfirmation"] = False
            update["item_fingerprint"] = self._fingerprint(template, item)
        if note is not UNSET:
            update["note"] = check_text("note", note)
        if confidential is not UNSET:
            update["confidential"] = bool(confidential)
        if review is not UNSET:
            update["review"] = bool(review)
        if risk is not UNSET:
            update["risk"] = _risk(risk)
        return self._save(dossier_id, template_id, item_id, update)

    def answers_of(self, dossier_id: str, keys: Iterable[str]) -> dict[str, Answer | None]:
        """Return the saved answers to some items (`template_id/item_id`), None where unanswered."""
        return answer_rows.read_answers(self._store.conn, dossier_id, keys)

    def confirm_answer(self, dossier_id: str, template_id: str, item_id: str) -> Changes:
        """Confirm a carried-over answer as still right for the current template version."""
        template, item = self._item(template_id, item_id)
        update = {
            "needs_reconfirmation": False,
            "item_fingerprint": self._fingerprint(template, item),
        }
        return self._save(dossier_id, template_id, item_id, update)

    def clear_answer(self, dossier_id: str, template_id: str, item_id: str) -> Changes:
        """Remove an item's answer, note, marks and risk (evidence links stay)."""
        now = self._now()
        conn = self._store.conn
        with self._transaction():
            self._check_writable(dossier_id)
            old = answer_rows.read_answer(conn, dossier_id, template_id, item_id)
            if old is None:
                return Changes(dossier_id)
            answer_rows.delete_answer(conn, dossier_id, template_id, item_id)
            blank = Answer(template_id=template_id, item_id=item_id)
            changes = [
                Change("answer", old.key, name, _plain(name, before), _plain(name, after))
                for name in RECORDED_ANSWER_FIELDS
                if (before := getattr(old, name)) != (after := getattr(blank, name))
            ]
            return self._commit_changes(dossier_id, changes, now)

    def _save(self, dossier_id: str, template_id: str, item_id: str, update: dict) -> Changes:
        now = self._now()
        conn = self._store.conn
        with self._transaction():
            self._check_writable(dossier_id)
            old = answer_rows.read_answer(conn, dossier_id, template_id, item_id)
            base = old or Answer(template_id=template_id, item_id=item_id)
            key = item_key(template_id, item_id)
            changes = [
                Change("answer", key, name, _plain(name, before), _plain(name, after))
                for name, after in update.items()
                if name in RECORDED_ANSWER_FIELDS and (before := getattr(base, name)) != after
            ]
            if not changes:
                return Changes(dossier_id)
            if not base.item_fingerprint and "item_fingerprint" not in update:
                template, item = self._item(template_id, item_id)
                update["item_fingerprint"] = self._fingerprint(template, item)
            update.update(updated_at=now, updated_by=self._user)
            answer_rows.write_answer(conn, dossier_id, base.model_copy(update=update))
            return self._commit_changes(dossier_id, changes, now)
