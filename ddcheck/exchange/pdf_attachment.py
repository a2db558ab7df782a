"""The dossier JSON inside the PDF: attached as a file, its fingerprint in the document info."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ddcheck.exchange.dossier_json import ATTACHMENT_NAME

if TYPE_CHECKING:
    from pypdf import PdfReader

FINGERPRINT_KEY = "/DdcheckFingerprint"
FORMAT_KEY = "/DdcheckFormat"


class UnreadablePdf(ValueError):
    """The file is not a PDF pypdf can read, or it is encrypted."""


FORMAT_VALUE = "ddcheck-dossier/1"


def info_entries(fingerprint: str) -> dict[str, str]:
    """Return the document-information entries of a ddcheck PDF (PDF name → text)."""
    return {FINGERPRINT_KEY: fingerprint, FORMAT_KEY: FORMAT_VALUE}


def embed_json(pdf: bytes, data: bytes, fingerprint: str) -> bytes:
    """Return any `pdf` with `data` attached as the dossier JSON and its fingerprint in the info.

    The export writes these while reportlab lays out the report; this rewrites a finished PDF
    (tests and tools that make ddcheck-like files).
    """
    from pypdf import PdfWriter

    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    writer.add_attachment(ATTACHMENT_NAME, data)
    writer.add_metadata(info_entries(fingerprint))
    writer.page_mode = "/UseOutlines"
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def open_pdf(path: Path | str) -> PdfReader:
    """Return a PdfReader for `path`; raise UnreadablePdf when it cannot be read."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(str(path))
        encrypted = reader.is_encrypted
        if not encrypted:
            _ = len(reader.pages)
    except Exception as error:  # pypdf raises many kinds of errors (zlib, struct, ...) on damage
        raise UnreadablePdf(f"cannot read the PDF: {error}") from error
    if encrypted:
        raise UnreadablePdf("the PDF is encrypted")
    return reader


def attached_json(reader: PdfReader) -> bytes | None:
    """Return the bytes of the attached dossier JSON, or None when there is none.

    Raise UnreadablePdf when the PDF carries more than one file under that name: which one
    would be the dossier is then anyone's guess.
    """
    try:
        attachments = reader.attachments
        found = attachments.get(ATTACHMENT_NAME)
    except Exception:  # a damaged name tree means "no readable attachment"
        return None
    if not found:
        return None
    if isinstance(found, list):
        if len(found) > 1:
            raise UnreadablePdf(f"it carries {len(found)} embedded dossier files, not one")
        return found[0]
    return found


def info_fingerprint(reader: PdfReader) -> str | None:
    """Return the fingerprint stored in the document information, or None."""
    try:
        info: Any = reader.metadata or {}
        value = info.get(FINGERPRINT_KEY)
    except Exception:  # a damaged info dictionary holds no fingerprint
        return None
    return str(value) if value else None
