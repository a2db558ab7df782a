"""Export use case: snapshot → redacted JSON + PDF report, written atomically."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.domain.text import Language
from ddcheck.report.errors import ExportCancelled
from ddcheck.services.files import write_atomically

if TYPE_CHECKING:
    from ddcheck.domain.redaction import Audience, Redaction
    from ddcheck.exchange.signing import SigningKey

__all__ = ["ExportCancelled", "ExportResult", "export_pdf"]


@dataclass(frozen=True)
class ExportResult:
    """What an export wrote."""

    path: Path
    fingerprint: str
    pages: int
    size: int
    lang: Language
    audience: Audience
    withheld_items: int
    signed_by: str = ""  # the signing key's id ("" when exported without a key)


def printed_headings(redaction: Redaction, lang: Language) -> dict[str, tuple[str, str]]:
    """Return each item's printed number and question (the embedded data's way to find it)."""
    from ddcheck.domain.numbering import number_templates

    snapshot = redaction.snapshot
    used = [snapshot.templates.get(use.id) for use in snapshot.dossier.templates]
    templates = [t for t in used if t is not None]
    numbers = number_templates(templates).items
    return {
        f"{template.id}/{item.id}": (
            numbers.get(f"{template.id}/{item.id}", ""),
            item.question.get(lang),
        )
        for template in templates
        for section in template.sections
        for item in section.items
    }


def export_pdf(
    snapshot: DossierSnapshot,
    out_path: Path | str,
    *,
    lang: Language,
    audience: Audience = "adviser",
    progress: Callable[[int, int], None] | None = None,
    cancel: Callable[[], bool] | None = None,
    invariant: bool = False,
    key: SigningKey | None = None,
) -> ExportResult:
    """Write the report PDF with the embedded dossier JSON to `out_path`.

    With `key` (the workspace's, see `Workspace.signing_key`) the PDF gets a PAdES signature as
    an incremental update. Progress is reported as (done, total); `cancel` returning True raises
    ExportCancelled.
    The file appears only when complete: a failed or cancelled export leaves nothing behind.
    """
    from ddcheck.domain.redaction import redact
    from ddcheck.exchange.dossier_json import (
        ATTACHMENT_NAME,
        canonical_bytes,
        dossier_document,
        fingerprint,
    )
    from ddcheck.exchange.pdf_attachment import info_entries
    from ddcheck.report.attachment import Attachment
    from ddcheck.report.builder import render_pdf  # reportlab is imported only at export
    from ddcheck.report.labels import label

    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}; choose nl or en")
    target = Path(out_path)
    # The moment in the exporter's zone: the embedded data then says which day the report
    # shows, and rendering it again elsewhere (`verify`) writes the same dates.
    snapshot = snapshot.model_copy(update={"generated_at": snapshot.generated_at.astimezone()})
    redaction = redact(snapshot, audience)
    data = canonical_bytes(
        dossier_document(redaction, lang, label("answer", lang), printed_headings(redaction, lang))
    )
    digest = fingerprint(data)
    report = render_pdf(
        redaction,
        lang=lang,
        fingerprint=digest,
        progress=progress,
        cancel=cancel,
        invariant=invariant,
        attachment=Attachment(ATTACHMENT_NAME, data, info=info_entries(digest)),
    )
    if cancel is not None and cancel():
        raise ExportCancelled("the export was cancelled")
    pdf = report.pdf
    if key is not None:
        from ddcheck.exchange.signing import sign_pdf

        pdf = sign_pdf(pdf, key)
    write_atomically(target, pdf)
    if progress is not None:
        progress(1000, 1000)
    return ExportResult(
        path=target,
        fingerprint=digest,
        pages=report.pages,
        size=len(pdf),
        lang=lang,
        audience=audience,
        withheld_items=len(redaction.withheld_items),
        signed_by=key.signer.key_id if key is not None else "",
    )


SPREADSHEET_SUFFIXES = (".xlsx", ".ods")


@dataclass(frozen=True)
class WorkbookResult:
    """What a spreadsheet export wrote."""

    path: Path
    sheets: int
    lang: Language
    audience: Audience
    withheld_items: int


def export_workbook(
    snapshot: DossierSnapshot,
    out_path: Path | str,
    *,
    lang: Language,
    audience: Audience = "adviser",
) -> WorkbookResult:
    """Write the dossier as an XLSX or ODS workbook (by the file's suffix), built from `redact`."""
    from ddcheck.domain.redaction import redact
    from ddcheck.exchange.sheet_files import ods_bytes, xlsx_bytes
    from ddcheck.exchange.workbook import dossier_workbook

    if lang not in ("nl", "en"):
        raise ValueError(f"unknown language {lang!r}; choose nl or en")
    target = Path(out_path)
    suffix = target.suffix.lower()
    if suffix not in SPREADSHEET_SUFFIXES:
        raise ValueError(f"a workbook is .xlsx or .ods, not {suffix or 'no suffix'}")
    redaction = redact(snapshot, audience)
    sheets = dossier_workbook(redaction, lang)
    write_atomically(target, xlsx_bytes(sheets) if suffix == ".xlsx" else ods_bytes(sheets))
    return WorkbookResult(target, len(sheets), lang, audience, len(redaction.withheld_items))
