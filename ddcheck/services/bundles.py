"""`.ddcheck` bundles: export a dossier with its evidence; import one as received or as own."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import catalog_entry
from ddcheck.services.changes import Change
from ddcheck.services.files import write_atomically
from ddcheck.services.received import ReceivedOps, refused
from ddcheck.services.received_model import ImportRefused, ImportResult, Notice
from ddcheck.store import dossiers as dossier_rows
from ddcheck.store import evidence as evidence_rows
from ddcheck.store.errors import NotFound

if TYPE_CHECKING:
    from ddcheck.domain.redaction import Audience
    from ddcheck.exchange.received_document import DossierDocument


@dataclass(frozen=True)
class BundleResult:
    """What a bundle export wrote."""

    path: Path
    fingerprint: str
    audience: Audience
    lang: Language
    evidence_files: int
    withheld_items: int
    size: int


class BundleOps(ReceivedOps):
    """Move a dossier with its evidence to an adviser or to another laptop."""

    def export_bundle(
        self,
        dossier_id: str,
        out_path: Path | str,
        *,
        audience: Audience = "adviser",
        lang: Language | None = None,
    ) -> BundleResult:
        """Write a `.ddcheck` bundle: the (redacted) dossier JSON and its evidence files."""
        from ddcheck.domain.redaction import redact
        from ddcheck.exchange.bundle import write_bundle
        from ddcheck.exchange.dossier_json import canonical_bytes, dossier_document, fingerprint
        from ddcheck.report.labels import label
        from ddcheck.services.export import printed_headings

        snapshot = self.snapshot(dossier_id)  # type: ignore[attr-defined]
        language: Language = lang or snapshot.dossier.language
        redaction = redact(snapshot, audience)
        headings = printed_headings(redaction, language)
        document = dossier_document(redaction, language, label("answer", language), headings)
        data = canonical_bytes(document)
        blobs = [
            evidence_rows.blob(self._store.conn, self._store.files, item.sha256)
            for item in redaction.snapshot.dossier.evidence
        ]
        key = self.signing_key(snapshot.dossier.company.name)
        content = write_bundle(data, blobs, key)
        target = Path(out_path)
        write_atomically(target, content)
        return BundleResult(
            path=target,
            fingerprint=fingerprint(data),
            audience=audience,
            lang=language,
            evidence_files=len({item.sha256 for item in redaction.snapshot.dossier.evidence}),
            withheld_items=len(redaction.withheld_items),
            size=len(content),
        )

    def import_bundle(
        self, path: Path, *, as_own: bool = False, accept_internal: bool = False
    ) -> ImportResult:
        """Import a bundle: as a received dossier, or (`as_own`) as one of the user's dossiers."""
        from ddcheck.exchange.bundle import read_bundle
        from ddcheck.exchange.errors import ExchangeError

        try:
            bundle = read_bundle(path)
        except ExchangeError as error:
            raise refused(path, error) from error
        if not as_own:
            return self._receive(
                path,
                bundle.data,
                bundle.model,
                bundle.fingerprint,
                "bundle",
                bundle.files,
                accept_internal=accept_internal,
                signer=bundle.signer,
            )
        return self._restore_own(path, bundle.model, bundle.fingerprint, bundle.files)

    def _restore_own(
        self, path: Path, document: DossierDocument, digest: str, files: dict[str, bytes]
    ) -> ImportResult:
        dossier = document.dossier
        if document.audience != "internal" or document.withheld.items:
            raise refused(
                path,
                catalog_entry(
                    "error",
                    "it is the adviser's version, which lacks the confidential answers; export "
                    "the bundle again with the audience 'internal' to move a dossier to another "
                    "laptop",
                ),
            )
        missing = [e.name for e in dossier.evidence if e.sha256 not in files]
        if missing:
            raise refused(
                path,
                catalog_entry("error", "the bundle lacks the contents of evidence file {name}"),
                name=missing[0],
            )
        conn = self._store.conn
        now = self._now()
        with self._transaction():
            if dossier_rows.exists(conn, dossier.id):
                raise refused(
                    path,
                    catalog_entry("error", "this workspace already holds dossier {dossier}"),
                    dossier=dossier.id,
                )
            clash = [e.id for e in dossier.evidence if _evidence_exists(conn, e.id)]
            if clash:
                raise refused(
                    path,
                    catalog_entry(
                        "error", "evidence id {evidence} is already used in this workspace"
                    ),
                    evidence=clash[0],
                )
            try:
                dossier_rows.insert_dossier(conn, dossier)
            except sqlite3.IntegrityError as error:
                raise refused(
                    path,
                    catalog_entry(
                        "error", "its actions or reviews clash with ones in this workspace"
                    ),
                ) from error

            for item in dossier.evidence:
                evidence_rows.put_blob(conn, self._store.files, item.sha256, files[item.sha256])
                evidence_rows.insert_evidence(conn, dossier.id, item)
            known = {e.id for e in dossier.evidence}
            for answer in dossier.answers:
                for evidence_id in answer.evidence_ids:
                    if evidence_id in known:
                        evidence_rows.link(conn, dossier.id, evidence_id, answer.key)
            self._commit_changes(
                dossier.id, [Change("dossier", dossier.id, "restored_from", None, path.name)], now
            )
        unknown = [u.id for u in dossier.templates if u.id not in self._templates]
        self._upgrade_dossier(dossier.id)  # type: ignore[attr-defined]
        warnings = tuple(
            Notice(
                catalog_entry(
                    "notice",
                    "Checklist {template} is not in this workspace; import it to see its items.",
                ),
                template=t,
            )
            for t in unknown
        )
        return ImportResult(
            path=path,
            status="restored",
            kind="bundle",
            dossier_id=dossier.id,
            fingerprint=digest,
            company=dossier.company.name,
            mission=dossier.mission.name,
            evidence_files=len(dossier.evidence),
            warnings=warnings,
        )


def _evidence_exists(conn: sqlite3.Connection, evidence_id: str) -> bool:
    try:
        evidence_rows.get_evidence(conn, evidence_id)
    except NotFound:
        return False
    return True


__all__ = ["BundleOps", "BundleResult", "ImportRefused"]
