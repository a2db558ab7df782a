"""The company's side of the round trip: load the adviser's review file into its own dossier."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from ddcheck.domain.dossier import Review, split_item_key
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.changes import Change, Changes
from ddcheck.services.received import refused
from ddcheck.services.received_model import ImportResult
from ddcheck.services.signing import OTHER_KEY, SigningOps
from ddcheck.store import actions as action_rows
from ddcheck.store import dossiers as dossier_rows

if TYPE_CHECKING:  # exchange loads when a review file is read, not at start-up
    from ddcheck.exchange.review_file import ReviewFile
    from ddcheck.exchange.signing import Signer


def agreed_action_id(dossier_id: str, review_id: str, action_id: str) -> str:
    """Return the id an agreed action gets in the company's plan (the same on every load).

    The dossier is part of it: action ids are unique in the whole workspace, so a review file
    for one dossier can never collide with (or replace) an action of another.
    """
    key = f"{dossier_id}/{review_id}/{action_id}"
    return "adv-" + hashlib.sha256(key.encode()).hexdigest()[:12]


def _legacy_agreed_action_id(review_id: str, action_id: str) -> str:
    """Return the id ddcheck gave an agreed action before it was bound to the dossier."""
    return "adv-" + hashlib.sha256(f"{review_id}/{action_id}".encode()).hexdigest()[:12]


def _foreign_keys(review: Review, used: set[str]) -> list[str]:
    """Return the review's item keys when none of them is in a checklist the dossier uses.

    One stray key is tolerated (the company may have dropped a briefing since the export); a
    review none of whose items is in the dossier was made for another dossier.
    """
    keys = [i.key for i in review.items]
    keys += [k for a in review.agreed_actions for k in a.item_keys]
    if any(split_item_key(k)[0] in used for k in keys):
        return []
    return keys


class RoundTripOps(SigningOps):
    """Comments join the company's items and agreed actions its plan; answers stay untouched."""

    def load_review(self, path: Path | str) -> Changes:
        """Load a `.ddreview` file into the dossier it reviews; loading twice changes nothing."""
        return self.import_review_file(Path(path))[1]

    def import_review_file(self, path: Path) -> tuple[ImportResult, Changes]:
        """Load a review file; return the import result and what changed in the dossier."""
        review_file, signer = _read_review(path)
        dossier_id = review_file.dossier_id
        with self._transaction():
            self._check_reviewed_dossier(path, review_file)
            signature, warnings = self._check_sender([("adviser", dossier_id)], signer)
            new_key = signer.key_id if signature == OTHER_KEY and signer is not None else ""
            changes = self._take_review(dossier_id, review_file.review)
            self._commit_changes(dossier_id, [c for c in changes if c.entity == "action"])
            result = Changes(dossier_id, tuple(changes))
        status = "review_loaded" if result else "unchanged"
        return (
            ImportResult(
                path=path,
                status=status,  # type: ignore[arg-type]
                kind="review",
                dossier_id=dossier_id,
                fingerprint=review_file.fingerprint,
                company=review_file.company,
                mission=review_file.mission,
                warnings=warnings,
                new_key=new_key,
            ),
            result,
        )

    def _check_reviewed_dossier(self, path: Path, review_file: ReviewFile) -> None:
        """Refuse a review of a dossier not here, in the trash, or with none of its items."""
        conn = self._store.conn
        dossier_id = review_file.dossier_id
        if not dossier_rows.exists(conn, dossier_id):
            raise refused(
                path,
                catalog_entry(
                    "error",
                    "it reviews dossier {dossier} of {company}, which is not in this workspace",
                ),
                dossier=dossier_id,
                company=review_file.company,
            )
        if dossier_rows.trashed_at(conn, dossier_id) is not None:
            raise refused(
                path,
                catalog_entry("error", "the dossier it reviews is in the trash; restore it first"),
            )
        used = {t.id for t in dossier_rows.templates_of(conn, dossier_id)}
        if _foreign_keys(review_file.review, used):
            raise refused(
                path,
                catalog_entry(
                    "error",
                    "it is not a review of dossier {dossier} (none of its items is in it)",
                ),
                dossier=dossier_id,
            )

    def _take_review(self, dossier_id: str, review: Review) -> list[Change]:
        """Store the review (when it changed) and add its agreed actions the plan lacks."""
        conn = self._store.conn
        changes: list[Change] = []
        stored = {r.id: r for r in action_rows.load_reviews(conn, dossier_id)}
        if stored.get(review.id) != review:
            # ActionOps.record_review joins this transaction and records its own history
            changes += self.record_review(dossier_id, review).changes  # type: ignore[attr-defined]
        plan = {a.id for a in action_rows.load_actions(conn, dossier_id)}
        for agreed in review.agreed_actions:
            local_id = agreed_action_id(dossier_id, review.id, agreed.id)
            if {local_id, _legacy_agreed_action_id(review.id, agreed.id)} & plan:
                continue  # already in the plan; the company may have moved it on
            action = agreed.model_copy(
                update={"id": local_id, "agreed_with_adviser": True, "status": "open"}
            )
            action_rows.insert_action(conn, dossier_id, action)
            changes.append(Change("action", local_id, "added", None, action.action))
        return changes


def _read_review(path: Path) -> tuple[ReviewFile, Signer | None]:
    """Read and check a review file; a file that is not one is refused with the reason."""
    from ddcheck.exchange.review_file import MAX_REVIEW_BYTES, ReviewFileError, read_review_file

    try:
        if path.stat().st_size > MAX_REVIEW_BYTES:
            raise ReviewFileError("the file is larger than a review file can be")
        return read_review_file(path.read_bytes())
    except ReviewFileError as error:
        raise refused(path, error) from error
    except OSError as error:
        raise refused(
            path,
            catalog_entry("error", "it cannot be read ({reason})"),
            reason=error.strerror or error,
        ) from error
