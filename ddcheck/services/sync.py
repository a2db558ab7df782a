"""The shared mission folder: import what colleagues and companies put there, add our changes.

No server: the folder is a network share or a synced document library. Files in it are never
rewritten; this adviser's review changes go in as new append-only review-changes files, and
reviews of one dossier by several advisers merge per item and field (see domain/review_merge).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from hashlib import sha256
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck import __version__
from ddcheck.domain.dossier import Review
from ddcheck.domain.ids import new_id
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.changes import Changes
from ddcheck.services.errors import InvalidInput, WorkspaceError
from ddcheck.services.files import current_umask
from ddcheck.services.location import overlaps
from ddcheck.services.received import refused
from ddcheck.services.review import ReviewOps, review_differences
from ddcheck.services.sync_scan import Candidate, scan
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store import meta
from ddcheck.store import received as received_rows
from ddcheck.store import sync as sync_rows

if TYPE_CHECKING:
    from ddcheck.domain.review_merge import Conflict, FieldRef, ReviewEdit

REVIEWS_FOLDER = "reviews"


@dataclass(frozen=True)
class FileOutcome:
    """What one file of the folder did this sync: imported, refused, skipped, written."""

    name: str
    outcome: str
    message: str = ""


@dataclass(frozen=True)
class ReceivedConflict:
    """A conflict in the review of one received dossier."""

    received_id: str
    company: str
    conflict: Conflict


@dataclass(frozen=True)
class SyncReport:
    """What a sync did."""

    folder: Path
    files: tuple[FileOutcome, ...] = ()
    seen_before: int = 0
    merged_fields: int = 0
    conflicts: tuple[ReceivedConflict, ...] = field(default=())

    def of(self, outcome: str) -> tuple[FileOutcome, ...]:
        """Return the files with one outcome."""
        return tuple(f for f in self.files if f.outcome == outcome)

    @property
    def nothing_new(self) -> bool:
        """Return whether the sync imported, merged and wrote nothing."""
        return not (self.of("imported") or self.of("written") or self.merged_fields)


def _slug(name: str) -> str:
    """Return a name as a safe piece of a file name."""
    kept = "".join(c if c.isalnum() else "-" for c in name.casefold())
    return "-".join(p for p in kept.split("-") if p)[:40] or "adviser"


def write_new_file(target: Path, content: bytes) -> Path:
    """Write a new file under a temporary name, then move it in place; never replace a file."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temp_name = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            if hasattr(os, "fchmod"):
                os.fchmod(stream.fileno(), 0o666 & ~current_umask())
            stream.write(content)
            stream.flush()
            os.fsync(stream.fileno())
        try:
            os.link(temp_name, target)  # fails when the name exists: nothing is replaced
        except FileExistsError:
            raise
        except OSError:  # a share without hard links
            if target.exists():
                raise FileExistsError(target) from None
            os.replace(temp_name, target)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(temp_name)
    return target


class SyncOps(ReviewOps):
    """Sync the workspace with a shared mission folder."""

    def _sync_author(self) -> str:
        """Return this workspace's author id in review-changes files (made once)."""
        conn = self._store.conn
        author = meta.get(conn, "sync_author")
        if author is None:
            author = new_id()
            meta.put(conn, "sync_author", author)
        return author

    def sync_folder(
        self,
        folder: Path | str,
        *,
        settle_seconds: float = 1.0,
        progress: Callable[[int, int], None] | None = None,
    ) -> SyncReport:
        """Import what is new in `folder`, merge reviews, and write our review changes into it."""
        root = Path(folder).expanduser()
        if not root.is_dir():
            raise InvalidInput(catalog_entry("error", "{folder} is not a folder."), folder=root)
        if overlaps(root, self.paths.root):
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "{folder} and the workspace folder {workspace} lie inside one another; "
                    "choose a mission folder outside the workspace.",
                ),
                folder=root,
                workspace=self.paths.root,
            )

        with self._transaction():
            self._capture_local_edits()
        seen = sync_rows.seen_files(self._store.conn)
        ready, skipped, seen_before = scan(
            root, lambda digest: digest in seen, settle_seconds=settle_seconds
        )
        outcomes = [FileOutcome(s.name, "skipped", s.reason) for s in skipped]
        order = {".ddmission": 0, ".ddreview": 2}  # missions first, then dossiers, then reviews
        ordered = sorted(ready, key=lambda c: (order.get(c.path.suffix.casefold(), 1), c.name))
        for number, candidate in enumerate(ordered, 1):
            outcomes.append(self._sync_one(candidate))
            if progress is not None:
                progress(number, len(ordered))
        merged = self._merge_all()
        outcomes += self._write_edits(root)
        return SyncReport(root, tuple(outcomes), seen_before, merged, tuple(self.sync_conflicts()))

    def _sync_one(self, candidate: Candidate) -> FileOutcome:
        """Import one new file; a refused file is remembered so it is not tried again."""
        try:
            suffix = candidate.path.suffix.casefold()
            if suffix == ".ddreview":
                outcome = self._sync_review_file(candidate)
            elif suffix == ".ddmission":
                pack = self.import_mission_pack(candidate.path)  # type: ignore[attr-defined]
                what = f"mission {pack.mission.name.en or pack.mission.name.nl} ({pack.status})"
                if pack.signature == "other_key":  # the colleague's pack: say it, keep it
                    what += f"; {pack.warnings[0]}"
                outcome = FileOutcome(candidate.name, "imported", what)
            else:
                result = self.import_file(candidate.path)  # type: ignore[attr-defined]
                what = f"{result.company} ({result.status})"
                outcome = FileOutcome(candidate.name, "imported", what)
        except WorkspaceError as error:
            outcome = FileOutcome(candidate.name, "refused", str(error))
        except (OSError, ValueError) as error:
            outcome = FileOutcome(candidate.name, "refused", f"{candidate.name}: {error}")
        if outcome.outcome in ("imported", "refused", "skipped"):
            with self._transaction():
                sync_rows.note_file(
                    self._store.conn,
                    candidate.sha256,
                    candidate.name,
                    outcome.outcome,
                    outcome.message,
                    self._now(),
                )
        return outcome

    def _sync_review_file(self, candidate: Candidate) -> FileOutcome:
        """Take the edits of a colleague's review-changes file; a company review goes elsewhere."""
        from ddcheck.exchange.errors import ExchangeError
        from ddcheck.exchange.review_changes import is_changes_file, parse_changes_file
        from ddcheck.exchange.review_file import MAX_REVIEW_BYTES, parse_review_file

        path = candidate.path
        if candidate.size > MAX_REVIEW_BYTES:
            raise refused(path, "the file is larger than a review file can be")
        data = path.read_bytes()
        try:
            if not is_changes_file(data):
                review_file = parse_review_file(data)
                if dossier_rows.exists(self._store.conn, review_file.dossier_id):
                    result = self.import_file(path)  # type: ignore[attr-defined]
                    return FileOutcome(candidate.name, "imported", result.company)
                return FileOutcome(
                    candidate.name,
                    "skipped",
                    "a review for the company (it is loaded in the company's own workspace)",
                )
            document, edits = parse_changes_file(data)
        except ExchangeError as error:
            raise refused(path, error) from error
        with self._transaction():
            new = sync_rows.add_edits(self._store.conn, document.dossier_id, edits, written=True)
        return FileOutcome(
            candidate.name,
            "imported",
            f"{new} review change(s) by {document.author_name} for {document.company}",
        )

    def _received_reviews(self) -> list[tuple[received_rows.ReceivedRow, Review]]:
        conn = self._store.conn
        found = []
        for row in received_rows.list_received(conn):
            review = received_rows.load_review(conn, row.id) or Review(id=new_id())
            found.append((row, review))
        return found

    def _capture_local_edits(self) -> None:
        """Turn what this adviser changed since the last sync into edits (not yet written)."""
        from ddcheck.domain.review_merge import ReviewEdit, by_field, changed_fields, flatten, heads

        conn = self._store.conn
        author, now = self._sync_author(), self._now()
        for row, review in self._received_reviews():
            local = flatten(review)
            synced = sync_rows.synced_values(conn, row.dossier_id) or {}
            changed = changed_fields(synced, local)
            if not changed:
                continue
            grouped = by_field(sync_rows.edits_of(conn, row.dossier_id))
            edits = [
                ReviewEdit(
                    id=new_id(),
                    author=author,
                    author_name=self.user,
                    at=now,
                    entity=ref[0],
                    key=ref[1],
                    field=ref[2],
                    value=value,
                    parents=tuple(e.id for e in heads(grouped.get(ref, []))),
                )
                for ref, value in changed
            ]
            sync_rows.add_edits(conn, row.dossier_id, edits, written=False)
            sync_rows.put_synced(conn, row.dossier_id, local)

    def _merge_all(self) -> int:
        """Apply every field colleagues agree on to this workspace's reviews; count the fields."""
        conn = self._store.conn
        total = 0
        for row in received_rows.list_received(conn):
            with self._transaction():  # the app's own edits wait; none is lost in between
                total += self._merge_one(row)
        return total

    def _merge_one(self, row: received_rows.ReceivedRow) -> int:
        """Merge one dossier's edits into its review; a change not yet captured is kept."""
        from ddcheck.domain.review_merge import changed_fields, flatten, merge, unflatten, value_of

        conn = self._store.conn
        edits = sync_rows.edits_of(conn, row.dossier_id)
        if not edits:
            return 0
        review = received_rows.load_review(conn, row.id) or Review(id=new_id())
        local = flatten(review)
        synced = sync_rows.synced_values(conn, row.dossier_id) or {}
        pending = [ref for ref, _ in changed_fields(synced, local)]  # made during this sync
        merged = merge(local, self._known_items(row.id, edits)).values
        for ref in pending:
            merged[ref] = value_of(local, ref)
        taken = changed_fields(local, merged)
        target = unflatten(merged, review)

        def change(current: Review) -> tuple[Review, list]:
            return target, review_differences(current, target)

        self._change_review(row.id, change)
        now_synced = flatten(target)
        for ref in pending:
            now_synced[ref] = value_of(synced, ref)  # still to be captured as this adviser's
        sync_rows.put_synced(conn, row.dossier_id, now_synced)
        return len(taken)

    def _known_items(self, received_id: str, edits: list[ReviewEdit]) -> list[ReviewEdit]:
        """Return the edits that concern items of the received dossier (the others wait)."""
        templates = {u.id for u in self.get_received(received_id).dossier.templates}  # type: ignore[attr-defined]
        return [e for e in edits if e.entity != "item" or e.key.split("/")[0] in templates]

    def _write_edits(self, root: Path) -> list[FileOutcome]:
        """Write each dossier's unwritten edits into one new review-changes file."""
        from ddcheck.exchange.review_changes import changes_file_bytes

        conn = self._store.conn
        outcomes = []
        for dossier_id, edits in sync_rows.unwritten(conn).items():
            row = received_rows.by_dossier_id(conn, dossier_id)
            company = row.company if row else ""
            mission = row.mission if row else ""
            now = self._now()
            data, _digest = changes_file_bytes(
                dossier_id, company, mission, edits, now, __version__
            )
            stamp = now.strftime("%Y%m%dT%H%M%SZ")
            for _attempt in range(5):
                name = f"{_slug(self.user)}-{stamp}-{secrets.token_hex(3)}.ddreview"
                try:
                    path = write_new_file(root / REVIEWS_FOLDER / name, data)
                    break
                except FileExistsError:
                    continue
            else:
                raise InvalidInput(
                    catalog_entry("error", "Could not find a free file name in {folder}."),
                    folder=root,
                )
            with self._transaction():
                sync_rows.mark_written(conn, [e.id for e in edits])
                sync_rows.note_file(
                    conn, sha256(data).hexdigest(), path.name, "written", company, now
                )
            outcomes.append(
                FileOutcome(
                    path.relative_to(root).as_posix(),
                    "written",
                    f"{len(edits)} review change(s) for {company}",
                )
            )
        return outcomes

    def sync_conflicts(self, received_id: str | None = None) -> list[ReceivedConflict]:
        """Return the fields colleagues changed to different values, still to be chosen."""
        from ddcheck.domain.review_merge import flatten, merge, value_of

        conn = self._store.conn
        found = []
        for row, review in self._received_reviews():
            if received_id is not None and row.id != received_id:
                continue
            edits = sync_rows.edits_of(conn, row.dossier_id)
            if not edits:
                continue
            local = flatten(review)
            synced = sync_rows.synced_values(conn, row.dossier_id) or {}
            for conflict in merge(local, self._known_items(row.id, edits)).conflicts:
                if value_of(local, conflict.ref) == value_of(synced, conflict.ref):
                    found.append(ReceivedConflict(row.id, row.company, conflict))
        return found

    def resolve_conflict(self, received_id: str, ref: FieldRef, value: Any) -> Changes:
        """Keep `value` for a conflicting field; the choice goes out with the next sync."""
        from ddcheck.domain.review_merge import ReviewEdit, by_field, flatten, heads, unflatten

        row = received_rows.get_received(self._store.conn, received_id)
        conn = self._store.conn
        with self._transaction():
            review = self.review_of(received_id)
            values = flatten(review)
            values[ref] = value
            target = unflatten(values, review)

            def change(current: Review) -> tuple[Review, list]:
                return target, review_differences(current, target)

            result = self._change_review(received_id, change)
            current = heads(by_field(sync_rows.edits_of(conn, row.dossier_id)).get(ref, []))
            edit = ReviewEdit(
                id=new_id(),
                author=self._sync_author(),
                author_name=self.user,
                at=self._now(),
                entity=ref[0],
                key=ref[1],
                field=ref[2],
                value=value,
                parents=tuple(e.id for e in current),
            )
            sync_rows.add_edits(conn, row.dossier_id, [edit], written=False)
            synced = sync_rows.synced_values(conn, row.dossier_id) or {}
            synced[ref] = value
            sync_rows.put_synced(conn, row.dossier_id, synced)
        return result
