"""Evidence files: attach them to a dossier or an item, read them back, detach them."""

from __future__ import annotations

import datetime as dt
import hashlib
import mimetypes
from pathlib import Path
from typing import Any

from ddcheck.bounded_read import FileTooLarge, UnreadableFile, read_regular_file
from ddcheck.domain.dossier import Evidence, split_item_key
from ddcheck.domain.formatting import size_field
from ddcheck.domain.ids import new_id
from ddcheck.domain.vocabulary import Wording, catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.changes import Change, Changes
from ddcheck.services.errors import EvidenceTooLarge, InvalidInput, NotFound
from ddcheck.services.values import check_text
from ddcheck.store import evidence as evidence_rows
from ddcheck.store import meta
from ddcheck.store.evidence_files import EvidenceDamaged

MAX_EVIDENCE_BYTES = 25_000_000
"""Evidence files above 25 MB are refused: the workspace and its backups stay easy to copy.

Decimal megabytes, the unit the app and the reports show every file size in."""

_FORBIDDEN_NAME = set('<>:"/\\|?*') | {chr(c) for c in range(32)}


_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{n}" for n in range(1, 10))}
_RESERVED |= {f"LPT{n}" for n in range(1, 10)}


def _safe_name(name: str) -> str:
    """Return a file name that is safe on Windows, macOS and Linux."""
    readable = name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    cleaned = "".join("_" if ch in _FORBIDDEN_NAME else ch for ch in readable).strip(" .")
    cleaned = cleaned[:200] or "evidence"
    if cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = f"_{cleaned}"
    return cleaned


def _too_large(source: Path, size: int | None) -> EvidenceTooLarge:
    limit = size_field(MAX_EVIDENCE_BYTES)
    shown = (
        size_field(size)
        if size is not None
        else Wording(catalog_entry("error", "more than {limit}"), limit=limit)
    )
    return EvidenceTooLarge(
        catalog_entry(
            "error",
            "{file} is {size}; evidence files may be at most {limit}. Attach a smaller file or "
            "a summary.",
        ),
        file=source.name,
        size=shown,
        limit=limit,
    )


def _read_capped(source: Path) -> bytes:
    """Read a regular file of at most MAX_EVIDENCE_BYTES: never a device, pipe, folder or link.

    A symbolic link is refused rather than followed, so a planted link cannot pull another
    file (such as /etc/shadow) into the workspace and out in an export.
    """
    try:
        return read_regular_file(source, MAX_EVIDENCE_BYTES, follow_links=False)
    except FileTooLarge as error:
        raise _too_large(source, error.size) from error
    except UnreadableFile as error:
        if error.reason == "file not found":
            raise InvalidInput(
                catalog_entry("error", "Cannot read {file}: file not found."), file=source
            ) from error
        raise InvalidInput(
            catalog_entry("error", "Cannot read {file}: {reason}; attach a file."),
            file=source,
            reason=error,
        ) from error


class EvidenceOps(WorkspaceBase):
    """Keep evidence files inside the workspace, with their SHA-256."""

    def attach_evidence(
        self,
        dossier_id: str,
        source: Path | str,
        *,
        item_key: str | None = None,
        name: str | None = None,
        dated: dt.date | None = None,
        valid_until: dt.date | None = None,
    ) -> Evidence:
        """Store a file as evidence of a dossier (linked to an item when `item_key` is given).

        The same file (same contents and name) attached again is not stored twice: the evidence
        already in the dossier is returned (and linked to the item).
        """
        source = Path(source)
        if item_key is not None:
            self._item(*split_item_key(item_key))
        data = _read_capped(source)
        display = _safe_name(name or source.name)
        media_type = mimetypes.guess_type(display)[0] or "application/octet-stream"
        now = self._now()
        item = Evidence(
            id=new_id(),
            name=display,
            media_type=media_type,
            size=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            added_at=now,
            dated=dated,
            valid_until=valid_until,
        )
        conn = self._store.conn
        with self._transaction():
            self._check_writable(dossier_id)
            known = evidence_rows.same_file(conn, dossier_id, item.sha256, item.name)
            changes = []
            if known is None:
                evidence_rows.put_blob(conn, self._store.files, item.sha256, data)
                evidence_rows.insert_evidence(conn, dossier_id, item)
                changes.append(Change("evidence", item.id, "added", None, item.name))
            else:
                item = self._own_evidence(dossier_id, known)
            if item_key is not None:
                changes += self._link(dossier_id, item.id, item_key)
            self._commit_changes(dossier_id, changes, now)
        return item

    def _link(self, dossier_id: str, evidence_id: str, item_key: str) -> list[Change]:
        """Link evidence to an item; return the item's evidence before and after (or nothing)."""
        conn = self._store.conn
        before = evidence_rows.item_evidence(conn, dossier_id, item_key)
        if not evidence_rows.link(conn, dossier_id, evidence_id, item_key):
            return []
        return [Change("answer", item_key, "evidence", before, [*before, evidence_id])]

    def link_evidence(self, dossier_id: str, evidence_id: str, item_key: str) -> Changes:
        """Link evidence already in the dossier to (another) item."""
        self._item(*split_item_key(item_key))
        with self._transaction():
            self._check_writable(dossier_id)
            self._own_evidence(dossier_id, evidence_id)
            return self._commit_changes(dossier_id, self._link(dossier_id, evidence_id, item_key))

    def update_evidence(
        self,
        dossier_id: str,
        evidence_id: str,
        *,
        name: str | None = None,
        note: str | None = None,
    ) -> Changes:
        """Rename an evidence file or change its note (its contents never change)."""
        with self._transaction():
            self._check_writable(dossier_id)
            old = self._own_evidence(dossier_id, evidence_id)
            new_name = old.name if name is None else _safe_name(name)
            new_note = old.note if note is None else check_text("note", note)
            changes = [
                Change("evidence", evidence_id, field, before, after)
                for field, before, after in (
                    ("name", old.name, new_name),
                    ("note", old.note, new_note),
                )
                if before != after
            ]
            if changes:
                evidence_rows.describe(self._store.conn, evidence_id, new_name, new_note)
            return self._commit_changes(dossier_id, changes)

    def _own_evidence(self, dossier_id: str, evidence_id: str) -> Evidence:
        owner, item = evidence_rows.get_evidence(self._store.conn, evidence_id)
        if owner != dossier_id:
            raise NotFound(
                catalog_entry("error", "Evidence file '{evidence}' is not part of this dossier."),
                evidence=evidence_id,
            )
        return item

    def evidence(self, evidence_id: str) -> Evidence:
        """Return an evidence record."""
        return evidence_rows.get_evidence(self._store.conn, evidence_id)[1]

    def evidence_bytes(self, evidence_id: str) -> bytes:
        """Return the contents of an evidence file, checked against its SHA-256."""
        item = self.evidence(evidence_id)
        try:
            data = evidence_rows.blob(self._store.conn, self._store.files, item.sha256)
        except EvidenceDamaged as error:
            raise InvalidInput(
                catalog_entry("error", "The stored copy of {file} is damaged (checksum differs)."),
                file=item.name,
            ) from error
        except NotFound as error:
            if item.sha256 in (meta.get(self._store.conn, "travel_left_home") or ""):
                raise NotFound(
                    catalog_entry(
                        "error",
                        "{file} was left at home for the trip; it comes back with 'Back home'.",
                    ),
                    file=item.name,
                ) from error
            raise
        if hashlib.sha256(data).hexdigest() != item.sha256:
            raise InvalidInput(
                catalog_entry("error", "The stored copy of {file} is damaged (checksum differs)."),
                file=item.name,
            )
        return data

    def export_evidence(self, *args: Any) -> Path:
        """Save evidence to a folder: (evidence_id, folder) or (dossier_id, evidence_id, …)."""
        if len(args) == 3:
            dossier_id, evidence_id, folder = args
            self._own_evidence(dossier_id, evidence_id)
        elif len(args) == 2:
            evidence_id, folder = args
        else:
            raise TypeError(
                "export_evidence(evidence_id, folder) or (dossier_id, evidence_id, folder)"
            )
        item = self.evidence(evidence_id)
        data = self.evidence_bytes(evidence_id)
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / _safe_name(item.name)
        stem, suffix = target.stem, target.suffix
        counter = 1
        while target.exists():
            target = folder / f"{stem} ({counter}){suffix}"
            counter += 1
        partial = target.with_name(target.name + ".part")
        partial.write_bytes(data)
        partial.replace(target)
        return target

    def detach_evidence(
        self, dossier_id: str, evidence_id: str, item_key: str | None = None
    ) -> Changes:
        """Unlink evidence from one item, or (without `item_key`) remove it from the dossier."""
        conn = self._store.conn
        with self._transaction():
            self._check_writable(dossier_id)
            item = self._own_evidence(dossier_id, evidence_id)
            keys = [item_key] if item_key is not None else evidence_rows.links_of(conn, evidence_id)
            before = {key: evidence_rows.item_evidence(conn, dossier_id, key) for key in keys}
            if item_key is not None:
                if not evidence_rows.unlink(conn, evidence_id, item_key):
                    return Changes(dossier_id)
            else:
                evidence_rows.delete_evidence(conn, evidence_id)
            changes = [
                Change("answer", key, "evidence", ids, [e for e in ids if e != evidence_id])
                for key, ids in before.items()
            ]
            if item_key is None:
                changes.append(Change("evidence", evidence_id, "removed", item.name, None))
            return self._commit_changes(dossier_id, changes)
