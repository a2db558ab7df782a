"""Reading PDFs back in tests: page text (pdftotext), metadata and a deep decompressed scan."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pikepdf
import pytest

from ddcheck.domain.snapshot import DossierSnapshot
from ddcheck.services.export import ExportResult, export_pdf

requires_poppler = pytest.mark.skipif(
    shutil.which("pdftotext") is None, reason="poppler-utils (pdftotext) is not installed"
)


def pdf_text(path: Path) -> str:
    """Return the page text in reading order, as pdftotext gives it."""
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
    )
    return done.stdout.decode("utf-8")


def flat(text: str) -> str:
    """Return text with every run of whitespace collapsed to one space."""
    return " ".join(text.split())


def deep_scan(path: Path) -> bytes:
    """Return every object of the PDF, streams decompressed, plus the document info."""
    with pikepdf.open(path) as pdf:
        parts = [repr(pdf.docinfo).encode("utf-8", "replace")]
        for obj in pdf.objects:
            if isinstance(obj, pikepdf.Stream):
                try:
                    parts.append(obj.read_bytes())
                except pikepdf.PdfError:
                    parts.append(obj.read_raw_bytes())
            elif isinstance(obj, pikepdf.Dictionary | pikepdf.Array | pikepdf.String):
                parts.append(str(obj).encode("utf-8", "replace"))
        return b"\n".join(parts)


def export(
    snapshot: DossierSnapshot, folder: Path, name: str = "report.pdf", **options: object
) -> tuple[Path, ExportResult]:
    """Export `snapshot` into `folder` (invariant, English, adviser unless told) and return it."""
    settings: dict[str, object] = {"lang": "en", "audience": "adviser", "invariant": True}
    settings.update(options)
    target = folder / name
    result = export_pdf(snapshot, target, **settings)  # type: ignore[arg-type]
    return target, result
