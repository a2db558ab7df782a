"""The open review of a received dossier: its state for the views, saving, and undo/redo.

The adviser's counterpart of `DossierSession`, with the same signals (changed, saved state, save
failed) and the same undo idiom: an edit is pushed as a command whose `redo` writes it.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand

from ddcheck.domain.applicability import ItemApplicability, item_applicability
from ddcheck.domain.dossier import Action, Review
from ddcheck.domain.formatting import format_time
from ddcheck.domain.ids import new_id
from ddcheck.domain.overview import OverviewRow
from ddcheck.domain.readiness import Readiness, readiness
from ddcheck.domain.received import ReceivedDossier, RevisionChanges
from ddcheck.domain.scoring import DossierSummary
from ddcheck.domain.text import Language
from ddcheck.services.changes import Changes
from ddcheck.ui import i18n
from ddcheck.ui.editing_session import EditingSession
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr

log = logging.getLogger(__name__)

_COMMENT_MERGE_ID = 2001

if TYPE_CHECKING:
    from ddcheck.services.port import WorkspacePort


@dataclass(frozen=True)
class ReviewUpdate:
    """What one save (or a reload) changed in the open review, for the views to apply."""

    changes: Changes | None = None
    items: frozenset[str] = frozenset()  # item keys whose assessment changed
    full: bool = True  # the received dossier was read again (another version): show it all
    restored: bool = False  # undo or redo put a whole earlier review back

    def touches_item(self, key: str) -> bool:
        """Return whether the assessment of an item may have changed."""
        return self.full or self.restored or key in self.items

    @property
    def touches_agreed_actions(self) -> bool:
        """Return whether the agreed actions (or, after undo and redo, the verdict) may differ
        from what the views show; a verdict being typed is not shown back while typing."""
        if self.full or self.restored or self.changes is None:
            return True
        return "agreed_action" in self.changes.entities


class ReviewCommand(QUndoCommand):
    """One review edit; `redo` writes it (the first time through the service call `write`, later
    by putting the review it made back), `undo` puts the review from before it back."""

    def __init__(
        self,
        session: ReviewSession,
        text: str,
        write: Callable[[], Any],
        merge_key: str | None = None,
    ) -> None:
        super().__init__(text)
        self.session, self.write, self.merge_key = session, write, merge_key
        self.before: Review = session.review
        self.after: Review | None = None

    def redo(self) -> None:
        """Write the edit; an edit that was refused or changed nothing leaves no undo step."""
        if self.after is not None:
            self.session._put(self.after)
            return
        if not self.session._save(self.write) or self.session.review == self.before:
            self.setObsolete(True)
        self.after = self.session.review

    def undo(self) -> None:
        """Put the review from before the edit back."""
        self.session._put(self.before)

    def id(self) -> int:
        """Let successive comment edits of one item merge into one undo step."""
        return _COMMENT_MERGE_ID if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        """Merge a following comment edit of the same item."""
        if not isinstance(other, ReviewCommand) or other.merge_key != self.merge_key:
            return False
        self.after = other.after
        return True


class ReviewSession(EditingSession):
    """Hold a received dossier and the adviser's review of it; every edit is saved at once."""

    def __init__(
        self,
        workspace: WorkspacePort,
        received_id: str,
        lang: Language,
        now: Callable[[], dt.datetime] = dt.datetime.now,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(workspace, lang, now, parent)
        self.received_id = received_id
        self.received: ReceivedDossier
        self.review: Review
        self.summary: DossierSummary
        self.row: OverviewRow
        self.figures: Readiness
        self.entries: list[ItemApplicability] = []
        self.revision_changes: RevisionChanges | None = None
        self._flushers: list[Callable[[], None]] = []
        self._flushing = False
        self._saved_ok = True
        self.load()

    # ---------------------------------------------------------------- state
    def load(self, revision: int | None = None) -> None:
        """Read the received dossier (a revision, default the newest) and its review."""
        ws = self.workspace
        self.received = ws.get_received(self.received_id, revision)
        self.review = ws.review_of(self.received_id)
        dossier = self.received.dossier
        templates = ws.templates
        used = {u.id: templates[u.id] for u in dossier.templates if u.id in templates}
        self.entries = item_applicability(dossier, used, self.lang)
        self.summary = ws.received_summary(self.received)
        self.row = ws.overview_row(self.received)
        withheld = frozenset(self.received.withheld_items)
        self.figures = readiness(dossier, used, withheld, self.summary)
        self.revision_changes = (
            ws.changes_since_previous(self.received_id, self.received.revision.number)
            if len(self.received.revisions) > 1
            else None
        )
        self.changed.emit(ReviewUpdate())

    @property
    def title(self) -> str:
        """Return company and mission of the received dossier."""
        return self.received.title

    def entry(self, key: str) -> ItemApplicability | None:
        """Return the item with `key`."""
        return next((e for e in self.entries if e.key == key), None)

    def item_review(self, key: str) -> Any:
        """Return the adviser's assessment of an item (None when not assessed)."""
        return next((r for r in self.review.items if r.key == key), None)

    def actions_for(self, key: str) -> list[Action]:
        """Return the company's actions linked to an item."""
        return [a for a in self.received.dossier.actions if key in a.item_keys]

    def history(self) -> list[Any]:
        """Return what happened to the received dossier: versions received, review edits."""
        return list(self.workspace.review_history(self.received_id))

    # ---------------------------------------------------------------- edits
    def add_flusher(self, flush: Callable[[], None]) -> None:
        """Have `flush` save text a view still holds before every edit, undo and redo."""
        self._flushers.append(flush)

    def flush(self) -> None:
        """Save text still being typed in the views (each as its own undo step)."""
        if self._flushing:
            return
        self._flushing = True
        try:
            for flush in list(self._flushers):
                flush()
        finally:
            self._flushing = False

    def _edit(self, text: str, write: Callable[[], Any], merge_key: str | None = None) -> bool:
        """Push an edit as an undoable step (typed text is saved first); return whether it saved."""
        self.flush()
        self._saved_ok = True
        self.undo_stack.push(ReviewCommand(self, text, write, merge_key))
        return self._saved_ok

    def assess(self, key: str, assessment: str, comment: str = "") -> bool:
        """Assess an item (or clear its assessment with "") with a comment."""
        ws, rid = self.workspace, self.received_id
        old = self.item_review(key)
        if not assessment:
            return self._edit(tr("Clear assessment"), lambda: ws.clear_assessment(rid, key))
        comment_only = old is not None and old.assessment == assessment
        return self._edit(
            tr("Comment") if comment_only else tr("Assess item"),
            lambda: ws.assess_item(rid, key, assessment, comment),
            key if comment_only else None,
        )

    def set_verdict(self, fields: dict[str, Any]) -> bool:
        """Record the verdict, its note, the reviewer and the organisation."""
        ws, rid = self.workspace, self.received_id
        return self._edit(
            tr("Change verdict"),
            lambda: ws.set_verdict(
                rid,
                fields["verdict"],
                fields["note"],
                reviewer=fields["reviewer"],
                organisation=fields["organisation"],
            ),
        )

    def draft_agreed_action(self, key: str | None, today: dt.date) -> Action:
        """Return an unsaved agreed action for an item (or the dossier as a whole), due in 90
        days, high priority for a red flag."""
        entry = self.entry(key) if key else None
        gap = entry.item.question.get(self.lang) if entry is not None else (key or "")
        standard = ""
        if entry is not None:
            step = entry.template.oecd_step_of(entry.item)
            standard = entry.template.ifc_standard_of(entry.item) or (
                f"OECD {step}" if step else ""
            )
        red = key is not None and key in {f.key for f in self.summary.red_flags}
        return Action(
            id=new_id(),
            item_keys=[key] if key else [],
            gap=gap,
            standard_ref=standard,
            action=tr("Close the gap: {question}", question=gap) if gap else tr("Improvement"),
            due=today + dt.timedelta(days=90),
            priority="high" if red else "medium",
            agreed_with_adviser=True,
        )

    def add_agreed_action(self, action: Action) -> bool:
        """Agree an improvement action with the company."""
        ws, rid = self.workspace, self.received_id
        return self._edit(tr("Add agreed action"), lambda: ws.add_agreed_action(rid, action))

    def update_agreed_action(self, action_id: str, **fields: Any) -> bool:
        """Change an agreed action."""
        ws, rid = self.workspace, self.received_id
        return self._edit(
            tr("Change agreed action"), lambda: ws.update_agreed_action(rid, action_id, **fields)
        )

    def remove_agreed_action(self, action_id: str) -> bool:
        """Remove an agreed action."""
        ws, rid = self.workspace, self.received_id
        return self._edit(
            tr("Remove agreed action"), lambda: ws.remove_agreed_action(rid, action_id)
        )

    # ---------------------------------------------------------------- saving
    def _put(self, review: Review) -> None:
        """Undo or redo: write a whole earlier review state back."""
        ws, rid = self.workspace, self.received_id
        self._save(lambda: ws.put_review(rid, review), restored=True)

    def _save(self, write: Callable[[], Any], restored: bool = False) -> bool:
        """Write, read the review again and say what changed; return whether it was saved."""
        self.savedStateChanged.emit("saving", tr("Saving…"))
        try:
            result = write()
        except Exception as error:
            log.exception("saving the review failed")
            text = error_text(error, i18n.language())
            self._saved_ok = False
            self.savedStateChanged.emit("error", tr("Not saved: {error}", error=text))
            self.saveFailed.emit(text)
            return False
        self.review = self.workspace.review_of(self.received_id)
        changes = result if isinstance(result, Changes) else None
        items = frozenset(
            c.entity_id
            for c in (changes.changes if changes is not None else ())
            if c.entity == "review" and c.field == "assessment"
        )
        self.changed.emit(ReviewUpdate(changes, items, full=False, restored=restored))
        self.savedStateChanged.emit(
            "saved", tr("Review saved · {time}", time=format_time(self._now()))
        )
        return True
