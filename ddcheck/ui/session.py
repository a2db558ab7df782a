"""The open dossier: its state for the pages, saving through the workspace, and undo/redo."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from ddcheck.domain.applicability import ItemApplicability, deciding_items, item_applicability
from ddcheck.domain.dossier import (
    Action,
    Answer,
    Dossier,
    ItemReview,
    editable_fields,
    split_item_key,
)
from ddcheck.domain.formatting import format_time
from ddcheck.domain.gate import GateReport, export_gate
from ddcheck.domain.ids import new_id
from ddcheck.domain.proposals import propose_action
from ddcheck.domain.scoring import DossierSummary, summarize, update_summary
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language
from ddcheck.services.changes import Changes
from ddcheck.ui import i18n
from ddcheck.ui.editing_session import EditingSession
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr

log = logging.getLogger(__name__)

_NOTE_MERGE_ID = 1001

if TYPE_CHECKING:
    from ddcheck.services.port import WorkspacePort


@dataclass(frozen=True)
class SessionUpdate:
    """What one save changed in the open dossier, for the views to apply."""

    changes: Changes
    items: frozenset[str] = frozenset()  # item keys whose answer changed
    full: bool = True  # the dossier was read again (or items came or went): refresh everything

    def touches_item(self, key: str) -> bool:
        """Return whether what a view shows of an item may have changed."""
        return self.full or key in self.items

    @property
    def answers_only(self) -> bool:
        """Return whether only answers changed (no actions, evidence, profile, ...)."""
        return not self.full and self.changes.entities <= {"answer"}


class AnswerCommand(QUndoCommand):
    """Change fields of one answer; undo writes the old values back."""

    def __init__(
        self, session: DossierSession, key: str, new: dict[str, Any], old: dict[str, Any]
    ) -> None:
        super().__init__(tr("Change answer"))
        self.session, self.key, self.new, self.old = session, key, dict(new), dict(old)

    def redo(self) -> None:
        """Write the new values."""
        self.session._write_answer(self.key, self.new)

    def undo(self) -> None:
        """Write the old values."""
        self.session._write_answer(self.key, self.old)

    def id(self) -> int:
        """Let successive note edits of one item merge into one undo step."""
        return _NOTE_MERGE_ID if set(self.new) == {"note"} else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Merge a following note edit of the same item."""
        if not isinstance(other, AnswerCommand) or other.key != self.key:
            return False
        self.new.update(other.new)
        return True


class ActionCommand(QUndoCommand):
    """Add, change or delete one action; undo restores the previous state."""

    def __init__(
        self, session: DossierSession, text: str, before: Action | None, after: Action | None
    ) -> None:
        super().__init__(text)
        self.session, self.before, self.after = session, before, after

    def redo(self) -> None:
        """Apply the change."""
        self.session._write_action(self.before, self.after)

    def undo(self) -> None:
        """Revert the change."""
        self.session._write_action(self.after, self.before)


class DossierSession(EditingSession):
    """Hold the open dossier and its derived state; every edit is saved at once."""

    def __init__(
        self,
        workspace: WorkspacePort,
        dossier_id: str,
        lang: Language,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(workspace, lang, now, parent)
        self.dossier_id = dossier_id
        self.dossier: Dossier
        self.templates: dict[str, Template] = {}
        self.entries: list[ItemApplicability] = []
        self.summary: DossierSummary
        self._deciding: frozenset[str] = frozenset()
        self._positions: dict[str, int] = {}
        self.reload()

    # ---------------------------------------------------------------- state
    def reload(self) -> None:
        """Read the dossier again and recompute what is derived from it."""
        self.dossier = self.workspace.get_dossier(self.dossier_id)
        available = self.workspace.templates
        self.templates = {
            u.id: available[u.id] for u in self.dossier.templates if u.id in available
        }
        self._deciding = deciding_items(self.templates.values())
        self._derive()
        self.changed.emit(SessionUpdate(Changes(self.dossier_id)))

    def _derive(self) -> None:
        self._positions = {a.key: n for n, a in enumerate(self.dossier.answers)}
        self.entries = item_applicability(self.dossier, self.templates, self.lang)
        self.summary = summarize(self.dossier, self.templates)

    def _patched(self, fresh: dict[str, Answer | None]) -> list[Answer]:
        """Return the dossier's answers with `fresh` ones in place (None: the answer is gone)."""
        answers: list[Answer | None] = list(self.dossier.answers)
        positions = self._positions
        for key, answer in fresh.items():
            at = positions.get(key)
            if at is not None:
                answers[at] = answer
            elif answer is not None:
                positions[key] = len(answers)
                answers.append(answer)
        if all(answer is not None for answer in fresh.values()):
            return answers  # type: ignore[return-value]  # nothing was removed
        kept = [a for a in answers if a is not None]
        self._positions = {a.key: n for n, a in enumerate(kept)}
        return kept

    def _apply(self, changes: Changes) -> None:
        """Patch the state from what a save changed (re-reading only those rows), and say so."""
        if not changes:
            return
        entities = changes.entities
        at = {"updated_at": changes.at} if changes.at is not None else {}
        if entities <= {"answer"}:
            keys = changes.ids
            fresh = self.workspace.answers_of(self.dossier_id, keys)
            self.dossier = self.dossier.model_copy(update={"answers": self._patched(fresh), **at})
            if keys & self._deciding:  # other items may start or stop applying
                self._derive()
                self.changed.emit(SessionUpdate(changes))
                return
            by_key = dict(self.summary.answers)
            for key, answer in fresh.items():
                if answer is None:
                    by_key.pop(key, None)
                else:
                    by_key[key] = answer
            self.summary = update_summary(self.summary, by_key, keys)
            self.changed.emit(SessionUpdate(changes, frozenset(keys), full=False))
        elif entities <= {"action"}:
            actions = self.workspace.actions_of(self.dossier_id)
            self.dossier = self.dossier.model_copy(update={"actions": actions, **at})
            self.changed.emit(SessionUpdate(changes, full=False))
        else:
            self.reload()

    @property
    def registry(self) -> Any:
        """Return the source registry the items cite."""
        return self.workspace.catalog.registry

    def entry(self, key: str) -> ItemApplicability | None:
        """Return the item with `key`."""
        return next((e for e in self.entries if e.key == key), None)

    def answer(self, key: str) -> Answer | None:
        """Return the saved answer to an item."""
        return self.summary.answers.get(key)

    def gate(self) -> GateReport:
        """Return the export gate findings for the current state."""
        return export_gate(self.dossier, self.templates, self.summary)

    def actions_for(self, key: str) -> tuple[Action, ...]:
        """Return the actions linked to an item."""
        return tuple(a for a in self.dossier.actions if key in a.item_keys)

    def reviews_for(self, key: str) -> tuple[ItemReview, ...]:
        """Return what advisers said about an item in reviews loaded back into the dossier."""
        return tuple(r for review in self.dossier.reviews for r in review.items if r.key == key)

    def action(self, action_id: str) -> Action | None:
        """Return an action by id."""
        return next((a for a in self.dossier.actions if a.id == action_id), None)

    def snapshot(self) -> Any:
        """Return a frozen snapshot of the saved dossier for export."""
        return self.workspace.snapshot(self.dossier_id)

    # ---------------------------------------------------------------- answers
    def set_answer(self, key: str, **fields: Any) -> None:
        """Change answer fields of one item as one undoable step, saved at once."""
        old_all = editable_fields(self.answer(key))
        new = {k: v for k, v in fields.items() if old_all.get(k) != v}
        if not new:
            return
        self.undo_stack.push(AnswerCommand(self, key, new, {k: old_all[k] for k in new}))

    def _write_answer(self, key: str, fields: dict[str, Any]) -> None:
        template_id, item_id = split_item_key(key)
        self._save(
            lambda: self.workspace.answer(self.dossier_id, template_id, item_id, **fields),
            self._apply,
        )

    # ---------------------------------------------------------------- actions
    def add_action(self, action: Action) -> None:
        """Add an action (undoable)."""
        self.undo_stack.push(ActionCommand(self, tr("Add action"), None, action))

    def update_action(self, action_id: str, **fields: Any) -> None:
        """Change fields of an action (undoable)."""
        before = self.action(action_id)
        if before is None:
            return
        after = before.model_copy(update=fields)
        if after == before:
            return
        self.undo_stack.push(ActionCommand(self, tr("Change action"), before, after))

    def delete_action(self, action_id: str) -> None:
        """Delete an action (undoable)."""
        before = self.action(action_id)
        if before is not None:
            self.undo_stack.push(ActionCommand(self, tr("Delete action"), before, None))

    def _write_action(self, before: Action | None, after: Action | None) -> None:
        ws, did = self.workspace, self.dossier_id
        if before is None and after is not None:
            self._save(lambda: ws.add_action(did, after), self._apply)
        elif after is None and before is not None:
            self._save(lambda: ws.delete_action(did, before.id), self._apply)
        elif after is not None:
            fields = after.model_dump(exclude={"id"})
            self._save(lambda: ws.update_action(did, after.id, **fields), self._apply)

    def new_action_from_gap(self, key: str) -> Action:
        """Return an unsaved action pre-filled from the gap an item's answer shows."""
        entry = self.entry(key)
        if entry is None:
            raise KeyError(key)
        flag = next((f for f in self.summary.flags if f.key == key), None)
        proposal = propose_action(  # as the services (and `ddcheck actions --propose`) propose
            self.dossier_id,
            entry,
            self.answer(key),
            self.dossier.language if flag is not None else self.lang,
            flagged=flag is not None,
            red_flag=flag is not None and flag.red_flag,
            information_requested=flag is not None and flag.information_requested,
        )
        return proposal.model_copy(update={"id": new_id()})

    # ---------------------------------------------------------------- evidence
    def attach_evidence(self, key: str, files: list[Path]) -> None:
        """Store files as evidence for an item."""
        for path in files:
            self._save(partial(self.workspace.attach_evidence, self.dossier_id, path, item_key=key))

    def attach_link(self, key: str, location: str, **dates: Any) -> None:
        """Record a link or drive path as evidence for an item (never fetched)."""
        self._save(
            lambda: self.workspace.attach_link(self.dossier_id, location, item_key=key, **dates)
        )

    def detach_evidence(self, key: str, evidence_id: str) -> None:
        """Remove a piece of evidence from an item."""
        self._save(
            lambda: self.workspace.detach_evidence(self.dossier_id, evidence_id, item_key=key)
        )

    def export_evidence(self, evidence_id: str, folder: Path) -> Path:
        """Write a piece of evidence to `folder` and return the file."""
        return Path(self.workspace.export_evidence(self.dossier_id, evidence_id, folder))

    def evidence_for(self, key: str) -> tuple[Any, ...]:
        """Return the evidence attached to an item."""
        answer = self.answer(key)
        ids = answer.evidence_ids if answer else []
        by_id = {e.id: e for e in self.dossier.evidence}
        return tuple(by_id[i] for i in ids if i in by_id)

    # ---------------------------------------------------------------- saving
    def mark_editing(self) -> None:
        """Show that typed text is about to be saved."""
        self.savedStateChanged.emit("saving", tr("Saving…"))

    def _save(
        self, write: Callable[[], Any], apply: Callable[[Changes], None] | None = None
    ) -> None:
        """Write, then patch the state from the returned Changes (`apply`) or read it again."""
        self.savedStateChanged.emit("saving", tr("Saving…"))
        try:
            result = write()
        except Exception as error:
            log.exception("saving failed")
            text = error_text(error, i18n.language())
            self.savedStateChanged.emit("error", tr("Not saved: {error}", error=text))
            self.reload()
            self.saveFailed.emit(text)
            return
        if apply is not None:
            apply(result)
        else:
            self.reload()
        self.savedStateChanged.emit(
            "saved", tr("All changes saved · {time}", time=format_time(self._now()))
        )
