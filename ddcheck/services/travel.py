"""Travel mode: leave chosen things at home in an encrypted travel archive, and put them back.

"Prepare for travel" moves whole dossiers, confidential answers (their history values are
blanked) and evidence contents out of the workspace into an archive encrypted with the
workspace's key, with every backup and set-aside damaged file (which still hold them), then
compacts the database. "Back home" puts everything back; answers given meanwhile are kept.
"""

from __future__ import annotations

import base64
import json
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.base import WorkspaceBase
from ddcheck.services.errors import InvalidInput, NotFound
from ddcheck.store import evidence as evidence_rows
from ddcheck.store import meta
from ddcheck.store import travel_rows as rows
from ddcheck.store.database import transaction

if TYPE_CHECKING:
    from ddcheck.store.travel_archive import ArchiveWriter

CONFIDENTIAL = "confidential"
EVIDENCE = "evidence"
_TRIP = "travel_trip"
LEFT_HOME = "travel_left_home"  # the checksums of evidence contents left at home
_MANIFEST = "manifest.json"
FORMAT = 1


@dataclass(frozen=True)
class TravelPlan:
    """What a trip leaves at home and what stays on the laptop."""

    dossiers_left: tuple[str, ...]
    dossiers_kept: tuple[str, ...]
    confidential: bool
    evidence: bool

    def lines(self) -> list[str]:
        """Return the plan as plain sentences."""
        out = [f"On the laptop during the trip: {len(self.dossiers_kept)} dossier(s)."]
        if self.dossiers_left:
            out.append(f"Left at home: {len(self.dossiers_left)} whole dossier(s).")
        if self.confidential:
            out.append("Left at home: every answer marked confidential, with its evidence.")
        if self.evidence:
            out.append("Left at home: the contents of every evidence file (names stay).")
        out.append("Left at home as well: every backup (they hold all of the above).")
        return out


@dataclass(frozen=True)
class TravelReport:
    """What preparing for travel or coming back did."""

    archive: Path
    plan: TravelPlan | None = None
    kept_answers: tuple[str, ...] = ()


def _encode(value: Any) -> Any:
    return {"$bytes": base64.b64encode(value).decode()} if isinstance(value, bytes) else value


def _decode(value: Any) -> Any:
    if isinstance(value, dict) and "$bytes" in value:
        return base64.b64decode(value["$bytes"])
    return value


class TravelOps(WorkspaceBase):
    """Prepare the workspace for a trip and bring it back."""

    def travelling(self) -> bool:
        """Return whether things are left at home for a trip now."""
        return meta.get(self._store.conn, _TRIP) is not None

    def travel_plan(self, leave: list[str]) -> TravelPlan:
        """Return what `leave` (confidential, evidence, dossier ids or starts) would leave home."""
        conn = self._store.conn
        every = rows.dossier_ids(conn)
        left: list[str] = []
        for choice in leave:
            if choice in (CONFIDENTIAL, EVIDENCE):
                continue
            matches = [d for d in every if d.startswith(choice)]
            if len(matches) != 1:
                raise InvalidInput(
                    catalog_entry(
                        "error", "'{choice}' is neither confidential, evidence nor one dossier id."
                    ),
                    choice=choice,
                )
            left.append(matches[0])
        return TravelPlan(
            dossiers_left=tuple(left),
            dossiers_kept=tuple(d for d in every if d not in left),
            confidential=CONFIDENTIAL in leave,
            evidence=EVIDENCE in leave,
        )

    def prepare_travel(self, leave: list[str], archive: Path | str) -> TravelReport:
        """Move what `leave` names into an encrypted archive at `archive` (outside the folder)."""
        from ddcheck.store.travel_archive import ArchiveWriter

        key = self._store.key
        if key is None:
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "Encrypt the workspace first ('ddcheck workspace encrypt'): the travel "
                    "archive is locked with the workspace's key.",
                )
            )
        if self.travelling():
            raise InvalidInput(
                catalog_entry(
                    "error", "The workspace is prepared for travel already; come back home first."
                )
            )
        archive = Path(archive).expanduser().resolve()
        if archive.is_relative_to(self._paths.root.resolve()):
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "Save the travel archive outside the workspace folder (a USB stick, the "
                    "company drive).",
                )
            )
        plan = self.travel_plan(leave)
        conn, trip = self._store.conn, secrets.token_hex(8)
        taken = rows.Taken()
        writer = ArchiveWriter(archive, key)
        try:
            with transaction(conn):
                for dossier_id in plan.dossiers_left:
                    rows.take_dossier(conn, dossier_id, taken)
                for dossier_id in plan.dossiers_kept:
                    if plan.confidential:
                        rows.take_confidential(conn, dossier_id, taken)
                    if plan.evidence:
                        rows.take_evidence_contents(conn, dossier_id, taken)
                rows.orphan_blobs(conn, taken)
                self._write_archive(writer, trip, taken)
                meta.put(conn, _TRIP, trip)
                meta.put(conn, LEFT_HOME, json.dumps(sorted(taken.contents)))
        except BaseException:
            writer.abort()
            raise
        self._leave_files_home(taken)
        return TravelReport(archive=archive, plan=plan)

    def _write_archive(self, writer: ArchiveWriter, trip: str, taken: rows.Taken) -> None:
        body = {
            "format": FORMAT,
            "trip": trip,
            "rows": {
                t: [{k: _encode(v) for k, v in r.items()} for r in rs]
                for t, rs in taken.rows.items()
            },
            "history_values": taken.history_values,
            "contents": sorted(taken.contents),
        }
        writer.add(_MANIFEST, json.dumps(body).encode("utf-8"))
        for sha in sorted(taken.contents):
            writer.add(
                f"evidence/{sha}", evidence_rows.blob(self._store.conn, self._store.files, sha)
            )
        for folder, name in ((self._paths.backups, "backups"), (self._paths.damaged, "damaged")):
            for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
                if path.is_file():
                    writer.add(f"{name}/{path.relative_to(folder).as_posix()}", path.read_bytes())
        writer.close()

    def _leave_files_home(self, taken: rows.Taken) -> None:
        """Delete what the archive now holds from the folder, and compact the database."""
        for sha in taken.contents:
            self._store.files.remove(sha)
        for folder in (self._paths.backups, self._paths.damaged):
            for path in sorted(folder.rglob("*"), reverse=True) if folder.is_dir() else ():
                path.unlink() if path.is_file() else path.rmdir()
        conn = self._store.conn
        conn.execute("VACUUM")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def return_from_travel(self, archive: Path | str) -> TravelReport:
        """Put back what the archive holds; answers given during the trip are kept."""
        from ddcheck.store.travel_archive import ArchiveError, read_archive

        key = self._store.key
        trip = meta.get(self._store.conn, _TRIP)
        if key is None or trip is None:
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "The workspace is not prepared for travel; there is nothing to bring back.",
                )
            )
        archive = Path(archive).expanduser()
        if not archive.is_file():
            raise NotFound(
                catalog_entry("error", "There is no travel archive {archive}."), archive=archive
            )
        try:
            records = dict(read_archive(archive, key))
            body = json.loads(records.pop(_MANIFEST))
        except (ArchiveError, KeyError, ValueError) as error:
            raise InvalidInput(
                catalog_entry(
                    "error",
                    "{archive} cannot be used as this workspace's travel archive ({error}); "
                    "nothing was changed.",
                ),
                archive=archive.name,
                error=error,
            ) from error
        if body.get("trip") != trip:
            raise InvalidInput(
                catalog_entry("error", "{archive} belongs to another trip; nothing was changed."),
                archive=archive.name,
            )
        taken = rows.Taken(
            rows={
                t: [{k: _decode(v) for k, v in r.items()} for r in rs]
                for t, rs in body["rows"].items()
            },
            history_values=body["history_values"],
            contents=set(body["contents"]),
        )
        for sha in taken.contents:
            self._store.files.put(sha, records[f"evidence/{sha}"])
        for name, data in records.items():
            folder, _, rest = name.partition("/")
            if folder in ("backups", "damaged"):
                target = self._paths.backups if folder == "backups" else self._paths.damaged
                target = target / rest
                if not target.exists():
                    target.parent.mkdir(parents=True, exist_ok=True)
                    target.write_bytes(data)
        conn = self._store.conn
        with transaction(conn):
            kept = rows.put_back(conn, taken)
            conn.execute("DELETE FROM meta WHERE key IN (?, ?)", (_TRIP, LEFT_HOME))
        return TravelReport(archive=archive, kept_answers=tuple(kept))
