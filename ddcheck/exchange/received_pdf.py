"""Read a received ddcheck PDF for import: the embedded dossier, checked against its fingerprint."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ddcheck.exchange.dossier_json import (
    ATTACHMENT_NAME,
    DossierFormatError,
    fingerprint,
    read_dossier_json,
)
from ddcheck.exchange.errors import ExchangeError
from ddcheck.exchange.pdf_attachment import UnreadablePdf, attached_json, info_fingerprint
from ddcheck.exchange.received_document import DossierDocument

MAX_PDF_BYTES = 200 * 1024 * 1024


class ReceivedPdfError(ExchangeError):
    """The PDF cannot be imported: unreadable, no ddcheck data, or data that does not match."""


@dataclass(frozen=True)
class ReceivedPdf:
    """The embedded dossier JSON of a PDF: its exact bytes, the document and the fingerprint."""

    data: bytes
    document: dict[str, Any]
    fingerprint: str
    model: DossierDocument


def _open(path: Path | str) -> Any:
    """Return a PdfReader; unlike `open_pdf` it does not walk the page tree (import needs none)."""
    from pypdf import PdfReader

    reader = PdfReader(str(path))
    if reader.is_encrypted:
        raise UnreadablePdf("the PDF is encrypted")
    return reader


def _has_attachment(reader: Any) -> bool:
    """Return whether the PDF names the dossier attachment (without reading its contents)."""
    try:
        with _quiet_pypdf():
            return ATTACHMENT_NAME in list(reader.attachments)  # iterating reads no contents
    except Exception:  # a damaged name tree: there is no usable attachment
        return False


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Keep pypdf's warnings about damaged files off the console; the refusal says it all."""
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.ERROR + 10)
    try:
        yield
    finally:
        logger.setLevel(level)


def read_received_pdf(path: Path | str) -> ReceivedPdf:
    """Return the embedded dossier of a ddcheck PDF; raise ReceivedPdfError on any problem.

    The fingerprint recorded in the PDF's metadata must be the SHA-256 of the embedded JSON.
    """
    try:
        size = Path(path).stat().st_size
    except OSError as error:
        raise ReceivedPdfError(f"the file cannot be read: {error.strerror or error}") from error
    if size > MAX_PDF_BYTES:
        raise ReceivedPdfError("the PDF is larger than ddcheck accepts")
    with Path(path).open("rb") as handle:
        if not handle.read(1024).lstrip().startswith(b"%PDF-"):
            raise ReceivedPdfError("the file is not a PDF")
    try:
        with _quiet_pypdf():
            reader = _open(path)
            data = attached_json(reader)
            stored = info_fingerprint(reader) if data is not None else None
    except UnreadablePdf as error:
        raise ReceivedPdfError(f"the PDF is damaged or unreadable ({error})") from error
    except Exception as error:  # pypdf raises many kinds of errors on hostile input
        raise ReceivedPdfError("the PDF is damaged or unreadable") from error
    if data is None:
        if _has_attachment(reader):
            raise ReceivedPdfError("the embedded dossier is damaged or too large to read")
        raise ReceivedPdfError("the PDF carries no ddcheck dossier (no embedded data)")
    digest = fingerprint(data)
    if stored != digest:
        raise ReceivedPdfError(
            "the embedded dossier does not match the fingerprint recorded in the PDF; "
            "it was changed after export"
        )
    try:
        document, model = read_dossier_json(data)
    except DossierFormatError as error:
        raise ReceivedPdfError(str(error)) from error
    return ReceivedPdf(data, document, digest, model)
