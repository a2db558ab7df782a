"""The action plan (add, change, remove, propose from gaps) and advisers' reviews."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from ddcheck.domain.dossier import Action, Dossier, Review
from ddcheck.domain.ids import new_id
from ddcheck.domain.proposals import propose_action
from ddcheck.domain.scoring import Flag, summarize
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.changes import Change, Changes
from ddcheck.services.errors import InvalidInput
from ddcheck.store import actions as action_rows
from ddcheck.store import dossiers as dossier_rows


def _invalid(error: ValidationError) -> InvalidInput:
    first = error.errors()[0]
    where = ".".join(str(p) for p in first["loc"]) or "action"
    return InvalidInput(
        catalog_entry("error", "The action's {where} is not valid: {problem}."),
        where=where,
        problem=first["msg"],
    )


def proposal_for(dossier_id: str, flag: Flag, lang: str) -> Action:
    """Return the action `propose_actions` offers for one flagged item (for the app)."""
    return propose_action(
        dossier_id,
        flag.entry,
        flag.answer,
        "nl" if lang == "nl" else "en",
        red_flag=flag.red_flag,
        information_requested=flag.information_requested,
    )


class ActionOps(WorkspaceBase):
    """Keep the dossier's action plan and the reviews it received."""

    def export_actions_ics(self, dossier: Dossier, out_path: Any) -> Any:
        """Write the open actions' due dates as an iCalendar file; return its path."""
        from pathlib import Path

        from ddcheck.exchange.calendar import actions_ics
        from ddcheck.services.files import write_atomically

        target = Path(out_path)
        write_atomically(target, actions_ics(dossier, self._now()).encode("utf-8"))
        return target

    def actions_of(self, dossier_id: str) -> list[Action]:
        """Return a dossier's action plan in order (without reading the rest of the dossier)."""
        return action_rows.load_actions(self._store.conn, dossier_id)

    def add_action(self, dossier_id: str, action: Action) -> Changes:
        """Add an action at the end of the plan."""
        with self._transaction():
            self._check_writable(dossier_id)
            if any(
                a.id == action.id for a in action_rows.load_actions(self._store.conn, dossier_id)
            ):
                action = action.model_copy(update={"id": new_id()})
            action_rows.insert_action(self._store.conn, dossier_id, action)
            return self._commit_changes(
                dossier_id, [Change("action", action.id, "added", None, action.action)]
            )

    def update_action(self, dossier_id: str, action_id: str, **fields: Any) -> Changes:
        """Change fields of an action (owner, due, status, ...); return what changed."""
        fields.pop("id", None)
        with self._transaction():
            self._check_writable(dossier_id)
            old = action_rows.get_action(self._store.conn, dossier_id, action_id)
            unknown = sorted(set(fields) - set(Action.model_fields))
            if unknown:
                raise InvalidInput(
                    catalog_entry("error", "An action has no field {fields}."),
                    fields=", ".join(unknown),
                )
            try:
                new = Action.model_validate({**old.model_dump(), **fields})
            except ValidationError as error:
                raise _invalid(error) from error
            before, after = old.model_dump(mode="json"), new.model_dump(mode="json")
            changes = [
                Change("action", action_id, name, before[name], after[name])
                for name in after
                if before[name] != after[name]
            ]
            if changes:
                action_rows.replace_action(self._store.conn, dossier_id, new)
            return self._commit_changes(dossier_id, changes)

    def delete_action(self, dossier_id: str, action_id: str) -> Changes:
        """Remove an action from the plan."""
        with self._transaction():
            self._check_writable(dossier_id)
            old = action_rows.get_action(self._store.conn, dossier_id, action_id)
            action_rows.delete_action(self._store.conn, dossier_id, action_id)
            return self._commit_changes(
                dossier_id, [Change("action", action_id, "removed", old.action, None)]
            )

    def propose_actions(self, dossier_id: str) -> list[Action]:
        """Return unsaved actions for every red flag and gap that has no action yet."""
        dossier: Dossier = dossier_rows.load_dossier(self._store.conn, dossier_id)
        actioned = {key for action in dossier.actions for key in action.item_keys}
        summary = summarize(dossier, self._templates)
        flags = [f for f in summary.flags if f.key not in actioned]
        flags.sort(key=lambda f: not f.red_flag)
        return [proposal_for(dossier_id, flag, dossier.language) for flag in flags]

    def record_review(self, dossier_id: str, review: Review) -> Changes:
        """Store an adviser's review of the dossier (replacing one with the same id)."""
        with self._transaction():
            dossier_rows.trashed_at(self._store.conn, dossier_id)
            action_rows.insert_review(self._store.conn, dossier_id, review)
            return self._commit_changes(
                dossier_id, [Change("review", review.id, "recorded", None, review.verdict)]
            )
