"""The adviser's review of a received dossier: item assessments, verdict, agreed actions."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from pydantic import ValidationError

from ddcheck import __version__
from ddcheck.domain.dossier import (
    Action,
    ItemAssessment,
    ItemReview,
    Review,
    Verdict,
    split_item_key,
)
from ddcheck.domain.ids import new_id
from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.changes import Change, Changes
from ddcheck.services.errors import InvalidInput
from ddcheck.services.files import write_atomically
from ddcheck.services.received import ReceivedOps
from ddcheck.store import received as received_rows

if TYPE_CHECKING:
    from ddcheck.exchange.review_file import ReviewFile

ASSESSMENTS: tuple[str, ...] = ItemAssessment.__args__  # type: ignore[attr-defined]
VERDICTS: tuple[str, ...] = Verdict.__args__  # type: ignore[attr-defined]


@dataclass(frozen=True)
class ReviewExport:
    """What a review export wrote."""

    path: Path
    fingerprint: str
    reviewed_fingerprint: str


def _assessment_text(entry: ItemReview | None) -> str | None:
    return None if entry is None else f"{entry.assessment}: {entry.comment}"


def agreed_action_changes(old: Action, new: Action) -> list[Change]:
    """Return the fields that differ between two states of one agreed action."""
    was, now = old.model_dump(mode="json"), new.model_dump(mode="json")
    return [Change("agreed_action", old.id, k, was[k], now[k]) for k in now if was[k] != now[k]]


def review_differences(old: Review, new: Review) -> list[Change]:
    """Return what differs between two states of a review, as history changes."""
    changes: list[Change] = []
    before = {i.key: i for i in old.items}
    after = {i.key: i for i in new.items}
    for key in [*before, *(k for k in after if k not in before)]:
        if before.get(key) != after.get(key):
            changes.append(
                Change(
                    "review",
                    key,
                    "assessment",
                    _assessment_text(before.get(key)),
                    _assessment_text(after.get(key)),
                )
            )
    for name in ("verdict", "verdict_note", "reviewer", "organisation"):
        if getattr(old, name) != getattr(new, name):
            changes.append(Change("review", new.id, name, getattr(old, name), getattr(new, name)))
    old_actions = {a.id: a for a in old.agreed_actions}
    new_actions = {a.id: a for a in new.agreed_actions}
    for action_id, action in old_actions.items():
        if action_id not in new_actions:
            changes.append(Change("agreed_action", action_id, "removed", action.action, None))
        else:
            changes += agreed_action_changes(action, new_actions[action_id])
    for action_id, action in new_actions.items():
        if action_id not in old_actions:
            changes.append(Change("agreed_action", action_id, "added", None, action.action))
    return changes


class ReviewOps(ReceivedOps):
    """Record the adviser's review on a received dossier (never on the company's data)."""

    def review_of(self, received_id: str) -> Review:
        """Return the review of a received dossier (an empty one when nothing was recorded)."""
        received_rows.get_received(self._store.conn, received_id)
        found = received_rows.load_review(self._store.conn, received_id)
        return found or Review(id=new_id())

    def _change_review(
        self, received_id: str, change: Callable[[Review], tuple[Review, list[Change]]]
    ) -> Changes:
        with self._transaction():
            review = self.review_of(received_id)
            new, changes = change(review)
            result = Changes(received_id, tuple(changes))
            if result:
                now = self._now()
                received_rows.save_review(self._store.conn, received_id, new, now)
                self._log_received(result, now)
        return result

    def _check_item(self, received_id: str, key: str) -> None:
        self._check_items(received_id, [key])

    def _check_items(self, received_id: str, keys: Iterable[str]) -> None:
        """Raise InvalidInput unless every key is an item of the received dossier."""
        received = self.get_received(received_id)  # type: ignore[attr-defined]
        used = {u.id for u in received.dossier.templates}
        for key in keys:
            template_id, item_id = split_item_key(key)
            if template_id not in used or not item_id:
                raise InvalidInput(
                    catalog_entry(
                        "error", "'{key}' is not an item of this dossier (use template/item)."
                    ),
                    key=key,
                )
            template = self._templates.get(template_id)
            if template is not None and template.item(item_id) is None:
                raise InvalidInput(
                    catalog_entry("error", "Template '{template}' has no item '{item}'."),
                    template=template_id,
                    item=item_id,
                )

    def assess_item(
        self, received_id: str, key: str, assessment: str, comment: str = ""
    ) -> Changes:
        """Record an item's assessment (accepted / question / insufficient) with a comment."""
        if assessment not in ASSESSMENTS:
            raise InvalidInput(
                catalog_entry("error", "Assessment '{assessment}' is unknown; use {known}."),
                assessment=assessment,
                known=", ".join(ASSESSMENTS),
            )
        self._check_item(received_id, key)
        template_id, item_id = split_item_key(key)
        entry = ItemReview(
            template_id=template_id,
            item_id=item_id,
            assessment=assessment,  # type: ignore[arg-type]
            comment=comment.strip(),
        )

        def change(review: Review) -> tuple[Review, list[Change]]:
            old = next((i for i in review.items if i.key == key), None)
            if old == entry:
                return review, []
            items = [entry if i.key == key else i for i in review.items]
            if old is None:
                items.append(entry)
            before = None if old is None else f"{old.assessment}: {old.comment}"
            return review.model_copy(update={"items": items}), [
                Change("review", key, "assessment", before, f"{assessment}: {entry.comment}")
            ]

        return self._change_review(received_id, change)

    def clear_assessment(self, received_id: str, key: str) -> Changes:
        """Remove an item's assessment."""

        def change(review: Review) -> tuple[Review, list[Change]]:
            old = next((i for i in review.items if i.key == key), None)
            if old is None:
                return review, []
            items = [i for i in review.items if i.key != key]
            return review.model_copy(update={"items": items}), [
                Change("review", key, "assessment", _assessment_text(old), None)
            ]

        return self._change_review(received_id, change)

    def set_verdict(
        self,
        received_id: str,
        verdict: str | None,
        note: str | None = None,
        *,
        reviewer: str | None = None,
        organisation: str | None = None,
    ) -> Changes:
        """Set the overall verdict (and its note, the reviewer's name and organisation)."""
        if verdict is not None and verdict not in VERDICTS:
            raise InvalidInput(
                catalog_entry("error", "Verdict '{verdict}' is unknown; use {known}."),
                verdict=verdict,
                known=", ".join(VERDICTS),
            )
        fields: dict[str, Any] = {"verdict": verdict}
        for name, value in (
            ("verdict_note", note),
            ("reviewer", reviewer),
            ("organisation", organisation),
        ):
            if value is not None:
                fields[name] = value.strip()
        return self._update_review(received_id, fields)

    def _update_review(self, received_id: str, fields: dict[str, Any]) -> Changes:
        def change(review: Review) -> tuple[Review, list[Change]]:
            before = review.model_dump(mode="json")
            changes = [
                Change("review", review.id, name, before[name], value)
                for name, value in fields.items()
                if before[name] != value
            ]
            return review.model_copy(update=fields), changes

        return self._change_review(received_id, change)

    def add_agreed_action(self, received_id: str, action: Action) -> Changes:
        """Add an improvement action agreed with the company (verbeterafspraak)."""
        for key in action.item_keys:
            self._check_item(received_id, key)
        agreed = action.model_copy(update={"agreed_with_adviser": True})

        def change(review: Review) -> tuple[Review, list[Change]]:
            item = agreed
            if any(a.id == item.id for a in review.agreed_actions):
                item = item.model_copy(update={"id": new_id()})
            return review.model_copy(update={"agreed_actions": [*review.agreed_actions, item]}), [
                Change("agreed_action", item.id, "added", None, item.action)
            ]

        return self._change_review(received_id, change)

    def update_agreed_action(self, received_id: str, action_id: str, **fields: Any) -> Changes:
        """Change fields of an agreed action (due date, text, priority, ...)."""
        fields.pop("id", None)

        def change(review: Review) -> tuple[Review, list[Change]]:
            old = next((a for a in review.agreed_actions if a.id == action_id), None)
            if old is None:
                raise InvalidInput(
                    catalog_entry("error", "There is no agreed action '{action}'."),
                    action=action_id,
                )
            try:
                new = Action.model_validate({**old.model_dump(), **fields})
            except ValidationError as error:
                raise InvalidInput(
                    catalog_entry("error", "The agreed action is not valid: {problem}."),
                    problem=error.errors()[0]["msg"],
                ) from error
            changes = agreed_action_changes(old, new)
            actions = [new if a.id == action_id else a for a in review.agreed_actions]
            return review.model_copy(update={"agreed_actions": actions}), changes

        return self._change_review(received_id, change)

    def remove_agreed_action(self, received_id: str, action_id: str) -> Changes:
        """Remove an agreed action from the review."""

        def change(review: Review) -> tuple[Review, list[Change]]:
            old = next((a for a in review.agreed_actions if a.id == action_id), None)
            if old is None:
                return review, []
            actions = [a for a in review.agreed_actions if a.id != action_id]
            return review.model_copy(update={"agreed_actions": actions}), [
                Change("agreed_action", action_id, "removed", old.action, None)
            ]

        return self._change_review(received_id, change)

    def put_review(self, received_id: str, target: Review) -> Changes:
        """Make the review equal to `target` (the app's undo and redo); log every difference."""
        keys = {i.key for i in target.items} | {
            k for a in target.agreed_actions for k in a.item_keys
        }
        self._check_items(received_id, sorted(keys))

        def change(review: Review) -> tuple[Review, list[Change]]:
            new = target.model_copy(update={"id": review.id})
            return new, review_differences(review, new)

        return self._change_review(received_id, change)

    def _review_file(self, received_id: str) -> ReviewFile:
        from ddcheck.exchange.review_file import ReviewFile

        received = self.get_received(received_id)  # type: ignore[attr-defined]
        review = self.review_of(received_id)
        now = self._now()
        return ReviewFile(
            dossier_id=received.dossier_id,
            reviewed_fingerprint=received.revision.fingerprint,
            company=received.dossier.company.name,
            mission=received.dossier.mission.name,
            review=review.model_copy(update={"reviewed_at": review.reviewed_at or now}),
            generated_at=now,
            app_version=__version__,
        )

    def export_review_file(self, received_id: str, out_path: Path | str) -> ReviewExport:
        """Write the `.ddreview` file the company loads back into its own workspace."""
        from ddcheck.exchange.review_file import review_file_bytes

        review_file = self._review_file(received_id)
        name = review_file.review.organisation or review_file.review.reviewer
        data, digest = review_file_bytes(review_file, self.signing_key(name))
        target = Path(out_path)
        write_atomically(target, data)
        return ReviewExport(target, digest, review_file.reviewed_fingerprint)

    def export_review_pdf(
        self, received_id: str, out_path: Path | str, lang: Language = "nl"
    ) -> ReviewExport:
        """Write the review as a PDF in the report's style (Dutch or English)."""
        from ddcheck.exchange.review_file import review_file_bytes
        from ddcheck.exchange.signing import sign_pdf
        from ddcheck.report.review_pdf import render_review_pdf

        if lang not in ("nl", "en"):
            raise ValueError(f"no report language {lang!r}")  # Language says which there are
        review_file = self._review_file(received_id)
        received = self.get_received(received_id)  # type: ignore[attr-defined]
        pdf = render_review_pdf(received, review_file, self._templates, lang)
        name = review_file.review.organisation or review_file.review.reviewer
        pdf = sign_pdf(pdf, self.signing_key(name))
        target = Path(out_path)
        write_atomically(target, pdf)
        _, digest = review_file_bytes(review_file)
        return ReviewExport(target, digest, review_file.reviewed_fingerprint)
