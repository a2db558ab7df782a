"""Received files made from a valid dossier document: as a PDF or bundle, with any change."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pypdf import PdfReader, PdfWriter

from ddcheck.exchange.bundle import write_bundle
from ddcheck.exchange.dossier_json import ATTACHMENT_NAME, canonical_bytes, fingerprint
from ddcheck.exchange.pdf_attachment import embed_json, info_entries
from tests.exchange.hostile_files import blank_pdf
from tests.services.exchange_helpers import filled, open_workspace


def valid_document(root: Path) -> dict[str, Any]:
    """Return the adviser dossier document of a filled-in company dossier."""
    with open_workspace(root / "company-for-document") as company:
        dossier = filled(company)
        pdf = root / "valid.pdf"
        company.export_pdf(dossier.id, pdf, lang="en")
    return json.loads(PdfReader(pdf).attachments[ATTACHMENT_NAME][0])


def as_pdf(data: bytes) -> bytes:
    """Return a PDF carrying `data` as its dossier JSON, with the matching fingerprint."""
    return embed_json(blank_pdf(), data, fingerprint(data))


def as_bundle(data: bytes) -> bytes:
    """Return a bundle carrying `data` as its dossier JSON (no evidence files)."""
    return write_bundle(data, [])


def two_dossiers_pdf(first: bytes, second: bytes) -> bytes:
    """Return a PDF with two embedded files named as the dossier JSON."""
    writer = PdfWriter(clone_from=io.BytesIO(blank_pdf()))
    writer.add_attachment(ATTACHMENT_NAME, first)
    writer.add_attachment(ATTACHMENT_NAME, second)
    writer.add_metadata(info_entries(fingerprint(first)))
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def changed(document: dict[str, Any], change: Callable[[dict[str, Any]], None]) -> bytes:
    """Return the canonical bytes of a deep copy of `document` after `change` (NaN allowed)."""
    copy = json.loads(json.dumps(document))
    change(copy)
    return canonical_bytes(copy)


def nested(document: dict[str, Any], depth: int) -> bytes:
    """Return the document with the company's sector replaced by lists `depth` deep."""
    marker = "NESTED-HERE"
    data = changed(document, lambda d: d["dossier"]["company"].update(sector=marker))
    return data.replace(f'"{marker}"'.encode(), b"[" * depth + b"]" * depth)
