"""A file attached inside the PDF while reportlab writes it (no second pass over the bytes).

reportlab has no embedded-file API (tech-notes §3d), but its catalog takes a /Names entry and
its object model writes any dictionary or stream: an EmbeddedFiles name tree with one file
specification is all a viewer, pypdf or `pdfdetach` needs. Extra document-information keys
(the fingerprint) are added to reportlab's own info dictionary.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFInfo,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class Attachment:
    """A file to embed, and document-information entries to add (PDF name such as /Key → text)."""

    name: str
    data: bytes
    media_type: str = "application/json"
    description: str = "The dossier as data (ddcheck)"
    info: Mapping[str, str] = field(default_factory=dict)


def _media_name(media_type: str) -> str:
    """Return a media type as a PDF name: its slash written #2F, as names require."""
    return "/" + media_type.replace("#", "#23").replace("/", "#2F")


class _InfoWithExtras(PDFInfo):
    """reportlab's document information with extra ASCII entries appended."""

    extras: Mapping[str, str] = {}

    def format(self, document: Any) -> bytes:
        """Return the info dictionary with the extra entries before its closing brackets."""
        text = super().format(document)
        end = text.rindex(b">>")
        added = b"".join(
            b"\n" + key.encode("ascii") + b" " + PDFString(value).format(document)
            for key, value in self.extras.items()
        )
        return text[:end] + added + b"\n" + text[end:]


def attach(canvas: Canvas, attachment: Attachment) -> Any:
    """Add the file (compressed like the pages) and the info entries to the unsaved document;
    return (a reference to) its file specification, declared as the document's data."""
    doc = canvas._doc
    embedded = PDFStream(
        PDFDictionary(
            {
                "Type": "/EmbeddedFile",
                "Subtype": _media_name(attachment.media_type),
                "Params": PDFDictionary({"Size": len(attachment.data)}),
            }
        ),
        content=attachment.data,
    )
    spec = PDFDictionary(
        {
            "Type": "/Filespec",
            "F": PDFString(attachment.name),
            "UF": PDFString(attachment.name),
            "EF": PDFDictionary({"F": doc.Reference(embedded)}),
            "AFRelationship": PDFName("Data"),
            "Desc": PDFString(attachment.description),
        }
    )
    spec_ref = doc.Reference(spec)
    names = PDFArray([PDFString(attachment.name), spec_ref])
    doc.Catalog.Names = PDFDictionary({"EmbeddedFiles": PDFDictionary({"Names": names})})
    if attachment.info:
        info = doc.info
        info.__class__ = _InfoWithExtras
        info.extras = dict(attachment.info)
    return spec_ref
