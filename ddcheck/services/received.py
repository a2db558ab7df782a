"""Receive dossiers from companies: import PDFs and bundles, keep revisions, compare them."""

from __future__ import annotations

import datetime as dt
import hashlib
import sqlite3
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.domain.dossier import STORED, Dossier
from ddcheck.domain.ids import new_id
from ddcheck.domain.lookalike import lookalike
from ddcheck.domain.received import (
    TEXT_CHECKED_PDF,
    ReceivedDossier,
    RevisionChanges,
    RevisionInfo,
    mission_key,
)
from ddcheck.domain.scoring import DossierSummary, summarize
from ddcheck.domain.visible import visible_controls
from ddcheck.domain.vocabulary import Wording, catalog_entry
from ddcheck.services.changes import Change, Changes, HistoryEntry
from ddcheck.services.errors import AmbiguousId, InvalidInput, NotFound
from ddcheck.services.received_model import (
    ImportRefused,
    ImportResult,
    InternalVersionRefused,
    Notice,
    SourceKind,
    refused,
)
from ddcheck.services.revision_diff import revision_changes
from ddcheck.services.signing import OTHER_KEY, SigningOps
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store import history as history_rows
from ddcheck.store import received as received_rows

if TYPE_CHECKING:
    from ddcheck.exchange.received_document import DossierDocument
    from ddcheck.exchange.signing import Signer

PDF_MAGIC = b"%PDF-"
ZIP_MAGIC = b"PK\x03\x04"


class ReceivedDamaged(InvalidInput):
    """A stored received revision that no longer passes the import's checks."""


@lru_cache(maxsize=256)
def _parse(data: bytes) -> tuple[Dossier, DossierDocument]:
    """Return the dossier and the document of stored revision bytes (validated on import).

    The stored bytes go through the same border and model as on import (with the rules for
    stored profiles), so a row changed behind ddcheck's back gives one plain line, never a crash.
    """
    from ddcheck.exchange.dossier_json import DossierFormatError, read_dossier_json

    try:
        model = read_dossier_json(data, context=STORED)[1]
    except DossierFormatError as error:
        raise ReceivedDamaged(
            catalog_entry(
                "error",
                "A stored received dossier is damaged ({error}); run 'ddcheck check' to see which.",
            ),
            error=error,
        ) from error
    return model.dossier, model


def sniff(path: Path) -> str:
    """Return what a file looks like: 'pdf', 'bundle', 'review' or 'unknown'."""
    try:
        with path.open("rb") as handle:
            head = handle.read(1024)
    except OSError as error:
        raise ImportRefused(
            catalog_entry("error", "{file} cannot be read: {reason}."),
            file=path.name,
            reason=error.strerror or error,
        ) from error
    if head.lstrip().startswith(PDF_MAGIC):
        return "pdf"
    if head.startswith(ZIP_MAGIC):
        return "bundle"
    if path.suffix.lower() == ".ddreview" or head.lstrip().startswith(b"{"):
        return "review"
    return "unknown"


# said after a refused internal version that came as a bundle
_OWN_BUNDLE = Wording(
    catalog_entry("error", "; a bundle of your own can be restored as your own dossier")
)


def _senders(dossier: Dossier) -> list[tuple[str, str]]:
    """Return what a received dossier's sender is pinned by: its dossier id and KvK number."""
    subjects = [("dossier", dossier.id)]
    kvk = "".join(ch for ch in dossier.company.kvk_number or "" if ch.isdigit())
    if kvk:
        subjects.append(("kvk", kvk))
    return subjects


def _store_evidence(
    conn: sqlite3.Connection, revision_id: int, dossier: Dossier, files: dict[str, bytes]
) -> int:
    """Keep the evidence files that came with a revision; return how many."""
    stored = 0
    for item in dossier.evidence:
        blob = files.get(item.sha256)
        if blob is not None:
            received_rows.put_blob(conn, item.sha256, blob)
            received_rows.link_evidence(conn, revision_id, item.id, item.sha256)
            stored += 1
    return stored


class ReceivedOps(SigningOps):
    """Dossiers received from companies, kept apart from the user's own and read-only."""

    def _receive(
        self,
        path: Path,
        data: bytes,
        document: DossierDocument,
        digest: str,
        kind: SourceKind,
        files: dict[str, bytes] | None = None,
        *,
        accept_internal: bool = False,
        stored_kind: str | None = None,
        signer: Signer | None = None,
    ) -> ImportResult:
        """Store a checked dossier document as a received dossier (or a new revision of one).

        The revision is numbered by receipt; who signed it is checked against the keys pinned
        for the dossier id and the KvK number (a file signed by another key is kept, flagged).
        """
        if document.audience == "internal" and not accept_internal:
            own = "" if kind != "bundle" else _OWN_BUNDLE
            raise InternalVersionRefused(
                catalog_entry(
                    "error",
                    "{file} was not imported: it is the company's internal version, which "
                    "holds the answers the company marked confidential, so it is not meant for "
                    "an adviser; ask for the adviser version{own}.",
                ),
                file=path.name,
                own=own,
            )
        conn = self._store.conn
        dossier = _parse(data)[0]  # as stored; the overview later finds it in the cache
        generated = document.generated_at  # in the exporter's zone; stored in UTC (ordered)
        if generated.tzinfo is not None:
            generated = generated.astimezone(dt.UTC)
        withheld = document.withheld.items
        base: dict[str, Any] = {
            "path": path,
            "kind": kind,
            "dossier_id": dossier.id,
            "fingerprint": digest,
            "company": dossier.company.name,
            "mission": dossier.mission.name,
            "withheld_items": len(withheld),
        }
        now = self._now()
        with self._transaction():
            known = received_rows.revision_by_fingerprint(conn, digest)
            if known is not None:
                numbers = [r.id for r in received_rows.revisions(conn, known.received_id)]
                return ImportResult(
                    status="unchanged",
                    received_id=known.received_id,
                    revision=numbers.index(known.id) + 1,
                    **base,
                )
            signature, notices = self._check_sender(_senders(dossier), signer)
            row = received_rows.by_dossier_id(conn, dossier.id)
            status = "revision"
            if row is None:
                status = "new"
                row = received_rows.ReceivedRow(
                    new_id(),
                    dossier.id,
                    dossier.company.name,
                    dossier.mission.name,
                    mission_key(dossier.mission.name),
                    now,
                )
                received_rows.insert_received(conn, row)
            revision_id = received_rows.insert_revision(
                conn,
                received_rows.RevisionRow(
                    0,
                    row.id,
                    digest,
                    data,
                    generated,
                    now,
                    path.name[:300],
                    stored_kind or kind,
                    signature=signature,
                    signer=signer.key_id if signer is not None else "",
                ),
            )
            stored = _store_evidence(conn, revision_id, dossier, files or {})
            ordered = received_rows.revisions(conn, row.id)
            if signature != OTHER_KEY:  # a flagged file does not rename the company
                received_rows.update_names(
                    conn,
                    row.id,
                    dossier.company.name,
                    dossier.mission.name,
                    mission_key(dossier.mission.name),
                )
            number = [r.id for r in ordered].index(revision_id) + 1
            received_change = Change("revision", str(number), "received", None, path.name[:300])
            self._log_received(Changes(row.id, (received_change,)), now)
        dated_earlier = len(ordered) > 1 and generated < ordered[-2].generated_at
        warnings = notices + self._receipt_warnings(
            path, dossier, row.id, status == "new", dated_earlier
        )
        return ImportResult(
            status=status,  # type: ignore[arg-type]
            received_id=row.id,
            revision=number,
            evidence_files=stored,
            warnings=warnings,
            **base,
        )

    def _receipt_warnings(
        self, path: Path, dossier: Dossier, received_id: str, new: bool, dated_earlier: bool
    ) -> tuple[Notice, ...]:
        """Return what to point out about a stored revision: its date, its name, its origin."""
        conn = self._store.conn
        warnings: tuple[Notice, ...] = ()
        if dated_earlier:
            warnings += (
                Notice(
                    catalog_entry(
                        "notice",
                        "{file} says it was exported before the revision received last time; "
                        "it is the newest revision because it was received last.",
                    ),
                    file=path.name,
                ),
            )
        similar = lookalike(
            dossier.company.name,
            (r.company for r in received_rows.list_received(conn) if r.id != received_id),
        )
        if similar is not None:
            warnings += (
                Notice(
                    catalog_entry(
                        "notice",
                        "The company name looks like that of another received dossier "
                        "({company}); check that it really is that company.",
                    ),
                    company=visible_controls(similar),
                ),
            )
        if new and dossier_rows.exists(conn, dossier.id):
            warnings += (
                Notice(
                    catalog_entry(
                        "notice", "It is one of your own dossiers; it was added as a received copy."
                    )
                ),
            )
        return warnings

    def import_received_pdf(self, path: Path, *, accept_internal: bool = False) -> ImportResult:
        """Import a ddcheck PDF as a received dossier (an internal version only if accepted).

        Its pages must be what its embedded data renders (`verify`); a PDF this ddcheck cannot
        render again (another version made it) is compared by text only and stored flagged.
        """
        from ddcheck.exchange.errors import ExchangeError
        from ddcheck.exchange.received_pdf import read_received_pdf
        from ddcheck.exchange.signing import SignatureError, pdf_signature

        try:
            pdf = read_received_pdf(path)
            signer = pdf_signature(path.read_bytes())
        except SignatureError as error:
            failed = catalog_entry("failed signature", "{detail}")
            raise refused(path, Wording(failed, detail=str(error).rstrip("."))) from error

        except ExchangeError as error:
            raise refused(path, error) from error
        except OSError as error:
            raise refused(path, f"it cannot be read ({error.strerror or error})") from error
        text_only = self._check_pages(path)
        result = self._receive(
            path,
            pdf.data,
            pdf.model,
            pdf.fingerprint,
            "pdf",
            accept_internal=accept_internal,
            stored_kind=TEXT_CHECKED_PDF if text_only else "pdf",
            signer=signer,
        )
        if not text_only:
            return result
        notice = Notice(
            catalog_entry(
                "notice",
                "Its pages were not compared with its data ({reason}); only the text was checked.",
            ),
            reason=text_only,
        )
        return replace(result, warnings=(notice, *result.warnings))

    def _check_pages(self, path: Path) -> str:
        """Refuse a PDF whose pages are not what its data renders; return why only its text
        could be compared ("" when every page was)."""
        from ddcheck.exchange.verify import NotADdcheckPdf, verify_pdf
        from ddcheck.services.rerender import lookup_in, renderer

        render = renderer(lookup_in(self._templates, self._catalog), self._catalog.registry)
        try:
            result = verify_pdf(path, render)
        except NotADdcheckPdf as error:
            unverifiable = catalog_entry("unverifiable PDF", "{detail}")
            raise refused(path, Wording(unverifiable, detail=str(error).rstrip("."))) from error
        if not result.ok:
            raise refused(
                path,
                catalog_entry(
                    "error", "its pages do not show what its embedded data says ({problem})"
                ),
                problem=result.problems[0],
            )

        return result.why_text if result.checked == "text" else ""

    def resolve_received(self, reference: str) -> str:
        """Return the received id `reference` names: a (start of a) received or dossier id."""
        reference = reference.strip()
        if not reference:
            raise InvalidInput(
                catalog_entry(
                    "error", "Name a received dossier by its id (or the first characters)."
                )
            )
        found = received_rows.ids_starting_with(self._store.conn, reference)
        if not found:
            raise NotFound(
                catalog_entry("error", "No received dossier id starts with '{reference}'."),
                reference=reference,
            )
        if len(found) > 1:
            raise AmbiguousId(
                catalog_entry(
                    "error", "'{reference}' matches {count} received dossiers; type more of the id."
                ),
                reference=reference,
                count=len(found),
            )
        return found[0]

    def _revision_infos(self, received_id: str) -> list[tuple[RevisionInfo, Any]]:
        rows = received_rows.revisions(self._store.conn, received_id)
        return [
            (
                RevisionInfo(
                    number=n,
                    fingerprint=r.fingerprint,
                    generated_at=r.generated_at,
                    imported_at=r.imported_at,
                    source_name=r.source_name,
                    source_kind=r.source_kind,
                    signature=r.signature,
                    signer=r.signer,
                ),
                r,
            )
            for n, r in enumerate(rows, start=1)
        ]

    def received_revisions(self, received_id: str) -> list[RevisionInfo]:
        """Return the revisions of a received dossier, oldest first."""
        received_rows.get_received(self._store.conn, received_id)
        return [info for info, _ in self._revision_infos(received_id)]

    def get_received(self, received_id: str, revision: int | None = None) -> ReceivedDossier:
        """Return a received dossier as of `revision` (default: the newest)."""
        row = received_rows.get_received(self._store.conn, received_id)
        infos = self._revision_infos(row.id)
        number = revision or len(infos)
        if not 1 <= number <= len(infos):
            raise NotFound(
                catalog_entry("error", "Received dossier '{received}' has no revision {number}."),
                received=received_id,
                number=number,
            )
        info, raw = infos[number - 1]
        dossier, document = _parse(raw.document)
        withheld = document.withheld
        return ReceivedDossier(
            id=row.id,
            dossier=dossier,
            revision=info,
            revisions=tuple(i for i, _ in infos),
            audience=document.audience,
            lang=document.lang,
            withheld_items=tuple(withheld.items),
            withheld_evidence=withheld.evidence or 0,
            withheld_actions=withheld.actions or 0,
            rendered_answers=dict(document.rendered.answers),
            evidence_with_contents=frozenset(
                received_rows.evidence_with_contents(self._store.conn, raw.id)
            ),
            review=received_rows.load_review(self._store.conn, row.id),
        )

    def _received_problems(self) -> list[tuple[str, int, str]]:
        """Return (received id, revision number, reason) for every stored revision that fails."""
        from ddcheck.exchange.dossier_json import DossierFormatError, read_dossier_json

        found = []
        conn = self._store.conn
        for row in received_rows.list_received(conn):
            for number, raw in enumerate(received_rows.revisions(conn, row.id), start=1):
                try:
                    read_dossier_json(raw.document, context=STORED)
                except DossierFormatError as error:
                    found.append((row.id, number, str(error)))
            try:
                received_rows.load_review(conn, row.id)
            except Exception as error:
                found.append((row.id, 0, f"its review cannot be read ({type(error).__name__})"))
        return found

    def received_summary(self, received: ReceivedDossier) -> DossierSummary:
        """Return completeness and red flags of a received dossier (templates known here)."""
        return summarize(received.dossier, self._templates)

    def changes_since_previous(
        self, received_id: str, revision: int | None = None
    ) -> RevisionChanges:
        """Return what changed in `revision` (default: the newest) against the one before it."""
        new = self.get_received(received_id, revision)
        if new.revision.number == 1:
            return RevisionChanges(received_id, None, new.revision)
        old = self.get_received(received_id, new.revision.number - 1)
        changes = revision_changes(
            old.dossier,
            new.dossier,
            old.rendered_answers,
            new.rendered_answers,
            set(old.withheld_items),
            set(new.withheld_items),
        )
        return RevisionChanges(received_id, old.revision, new.revision, tuple(changes))

    def received_evidence_bytes(self, received_id: str, evidence_id: str) -> bytes:
        """Return an evidence file received with the newest revision that carried it."""
        for _, raw in reversed(self._revision_infos(received_id)):
            data = received_rows.evidence_blob(self._store.conn, raw.id, evidence_id)
            if data is not None:
                dossier, _ = _parse(raw.document)
                expected = next((e.sha256 for e in dossier.evidence if e.id == evidence_id), "")
                if hashlib.sha256(data).hexdigest() != expected:
                    raise InvalidInput(
                        catalog_entry("error", "The stored copy of this evidence file is damaged.")
                    )
                return data
        raise NotFound(
            catalog_entry(
                "error", "The contents of this evidence file were not received (PDFs carry none)."
            )
        )

    def _log_received(self, changes: Changes, now: dt.datetime) -> None:
        """Record changes of a received dossier (inside the caller's transaction)."""
        history_rows.record(
            self._store.conn,
            changes.dossier_id,
            now,
            self._user,
            changes.as_history(),
            table=history_rows.RECEIVED,
        )

    def review_history(self, received_id: str, limit: int | None = None) -> list[HistoryEntry]:
        """Return what happened to a received dossier, oldest first: revisions and review edits."""
        received_rows.get_received(self._store.conn, received_id)
        return history_rows.load(self._store.conn, received_id, limit, table=history_rows.RECEIVED)

    def delete_received(self, received_id: str) -> None:
        """Delete a received dossier with its revisions, evidence and review."""
        with self._transaction():
            received_rows.get_received(self._store.conn, received_id)
            received_rows.delete_received(self._store.conn, received_id)
