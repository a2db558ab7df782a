"""Evidence that stays where it is: a link (URL) or a path on the company drive, never fetched."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from urllib.parse import unquote, urlsplit

from ddcheck.domain.dossier import Evidence, split_item_key
from ddcheck.domain.ids import new_id
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.changes import Change, Changes
from ddcheck.services.errors import InvalidInput
from ddcheck.services.evidence import EvidenceOps, _safe_name
from ddcheck.services.values import strip_controls
from ddcheck.store import evidence as evidence_rows

NO_BYTES_SHA256 = hashlib.sha256(b"").hexdigest()
"""A link keeps no copy: its record points at the (empty) contents of no bytes."""

MAX_LOCATION = 2000
_WINDOWS_PATH = re.compile(r"^[A-Za-z]:[\\/]")
_SCHEMES = ("http", "https", "file")


def check_location(text: str) -> str:
    """Return a cleaned link or path, or raise InvalidInput for anything else.

    Accepted: http(s) and file URLs, Windows paths (S:\\..., \\\\server\\share\\...) and absolute
    paths (/mnt/...). Other schemes (javascript:, data:, mailto:) are refused.
    """
    location = strip_controls(text).replace("\n", " ").strip()
    if not location:
        raise InvalidInput(
            catalog_entry("error", "Give a link (https://...) or a path on the company drive.")
        )
    if len(location) > MAX_LOCATION:
        raise InvalidInput(
            catalog_entry("error", "A link or path may be at most {limit} characters."),
            limit=MAX_LOCATION,
        )
    if location.startswith(("\\\\", "/")) or _WINDOWS_PATH.match(location):
        return location
    scheme = urlsplit(location).scheme.lower()
    if scheme in _SCHEMES and (scheme == "file" or urlsplit(location).netloc):
        return location
    raise InvalidInput(
        catalog_entry(
            "error", "'{location}' is not a web link (http, https) or a path on a drive."
        ),
        location=location[:80],
    )


def location_name(location: str) -> str:
    """Return a display name for a link or path: its last part, or the host."""
    parts = urlsplit(location) if "://" in location else None
    path = unquote(parts.path) if parts else location
    last = re.split(r"[\\/]", path.rstrip("\\/"))[-1]
    return last or (parts.netloc if parts else "") or location[:80]


def check_dates(dated: dt.date | None, valid_until: dt.date | None) -> None:
    """Refuse a 'valid until' date before the document's own date."""
    if dated and valid_until and valid_until < dated:
        raise InvalidInput(
            catalog_entry(
                "error", "'Valid until' ({valid_until}) is before the document date ({dated})."
            ),
            valid_until=valid_until,
            dated=dated,
        )


class EvidenceLinkOps(EvidenceOps):
    """Record evidence by link or path, and the dates of any evidence."""

    def attach_link(
        self,
        dossier_id: str,
        location: str,
        *,
        item_key: str | None = None,
        name: str | None = None,
        dated: dt.date | None = None,
        valid_until: dt.date | None = None,
    ) -> Evidence:
        """Record a link or path as evidence (never fetched); the same location is kept once."""
        location = check_location(location)
        check_dates(dated, valid_until)
        if item_key is not None:
            self._item(*split_item_key(item_key))
        now = self._now()
        item = Evidence(
            id=new_id(),
            name=_safe_name(name or location_name(location)),
            media_type="text/uri-list",
            size=0,
            sha256=NO_BYTES_SHA256,
            added_at=now,
            location=location,
            dated=dated,
            valid_until=valid_until,
        )
        conn = self._store.conn
        with self._transaction():
            self._check_writable(dossier_id)
            known = evidence_rows.same_location(conn, dossier_id, location)
            changes = []
            if known is None:
                evidence_rows.put_blob(conn, self._store.files, NO_BYTES_SHA256, b"")
                evidence_rows.insert_evidence(conn, dossier_id, item)
                changes.append(Change("evidence", item.id, "added", None, location))
            else:
                item = self._own_evidence(dossier_id, known)
            if item_key is not None:
                changes += self._link(dossier_id, item.id, item_key)
            self._commit_changes(dossier_id, changes, now)
        return item

    def set_evidence_dates(
        self,
        dossier_id: str,
        evidence_id: str,
        *,
        dated: dt.date | None,
        valid_until: dt.date | None,
    ) -> Changes:
        """Set (or clear, with None) an evidence item's document date and 'valid until' date."""
        check_dates(dated, valid_until)
        with self._transaction():
            self._check_writable(dossier_id)
            old = self._own_evidence(dossier_id, evidence_id)
            changes = [
                Change("evidence", evidence_id, field, _iso(before), _iso(after))
                for field, before, after in (
                    ("dated", old.dated, dated),
                    ("valid_until", old.valid_until, valid_until),
                )
                if before != after
            ]
            if changes:
                evidence_rows.set_dates(self._store.conn, evidence_id, dated, valid_until)
            return self._commit_changes(dossier_id, changes)

    def evidence_bytes(self, evidence_id: str) -> bytes:
        """Return a stored copy's contents; a link has none (it is never fetched)."""
        item = self.evidence(evidence_id)
        if item.is_link:
            raise InvalidInput(
                catalog_entry(
                    "error", "{file} is a link ({location}); ddcheck keeps no copy of it."
                ),
                file=item.name,
                location=item.location,
            )
        return super().evidence_bytes(evidence_id)


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None
