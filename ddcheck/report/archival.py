"""Archival metadata towards PDF/A-3b, written by reportlab with the rest of the file.

XMP metadata that repeats the document information, an sRGB output intent (the profile ships in
resources/color) and the embedded JSON declared as an associated file (/AF, /AFRelationship
/Data). Written in the same pass as the pages, so an incremental update (a signature) keeps them.
"""

from __future__ import annotations

from functools import cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfbase.pdfdoc import format as pdf_format
from reportlab.pdfgen.canvas import Canvas

from ddcheck import paths

SRGB = "sRGB IEC61966-2.1"
_XMP = """<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>
   <dc:description><rdf:Alt>
    <rdf:li xml:lang="x-default">{subject}</rdf:li>
   </rdf:Alt></dc:description>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
   <pdf:Keywords>{keywords}</pdf:Keywords>
   <pdf:Producer>{producer}</pdf:Producer>
   <xmp:CreatorTool>{creator}</xmp:CreatorTool>
   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <pdfaid:part>3</pdfaid:part>
   <pdfaid:conformance>B</pdfaid:conformance>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"""


class _PlainStream(PDFStream):
    """A stream written without filters and without an empty /Filter entry."""

    def format(self, document: Any) -> bytes:
        """Return the stream object as bytes: dictionary with its length, then the content."""
        dictionary = PDFDictionary(self.dictionary.dict.copy())
        content = document.encrypt.encode(self.content)
        dictionary["Length"] = len(content)
        head = pdf_format(dictionary, document)
        return bytes(head + b"\nstream\n" + pdf_format(content, document) + b"endstream\n")


@cache
def srgb_profile() -> bytes:
    """Return the shipped sRGB ICC profile (icc-profiles-free, zlib licence)."""
    return (paths.resources_dir() / "color" / "sRGB.icc").read_bytes()


def _xmp_date(doc: Any) -> str:
    """Return the document's time stamp as XMP writes it (the same instant as the info dates)."""
    stamp = doc._timeStamp
    year, month, day, hour, minute, second = stamp.YMDhms
    sign = "-" if stamp.dhh < 0 else "+"
    return (
        f"{year:04d}-{month:02d}-{day:02d}T{hour:02d}:{minute:02d}:{second:02d}"
        f"{sign}{abs(stamp.dhh):02d}:{stamp.dmm:02d}"
    )


def xmp_packet(doc: Any, lang: str) -> bytes:
    """Return the XMP packet that repeats the document information of reportlab's `doc`."""
    info = doc.info
    fields = {
        "title": info.title,
        "author": info.author,
        "subject": info.subject,
        "keywords": info.keywords,
        "producer": info.producer,
        "creator": info.creator,
        "lang": lang or "x-default",
    }
    text = _XMP.format(date=_xmp_date(doc), **{k: escape(str(v)) for k, v in fields.items()})
    return text.encode("utf-8")


def _drop_empty_transitions(doc: Any) -> None:
    """Remove the empty /Trans reportlab writes on every page (no transition is wanted)."""
    for page in doc.Pages.pages:
        if getattr(page, "Trans", None) is not None and not page.Trans.dict:
            page.Trans = None


def add_archival(canvas: Canvas, lang: str, file_spec: Any | None = None) -> None:
    """Add XMP metadata, the sRGB output intent and (for `file_spec`) the /AF entry."""
    doc = canvas._doc
    _drop_empty_transitions(doc)
    metadata = _PlainStream(  # uncompressed: archive tools read XMP without a PDF parser
        PDFDictionary({"Type": PDFName("Metadata"), "Subtype": PDFName("XML")}),
        content=xmp_packet(doc, lang),
    )
    doc.Catalog.Metadata = doc.Reference(metadata)
    profile = PDFStream(PDFDictionary({"N": 3}), content=srgb_profile())
    intent = PDFDictionary(
        {
            "Type": PDFName("OutputIntent"),
            "S": PDFName("GTS_PDFA1"),
            "OutputConditionIdentifier": PDFString(SRGB),
            "Info": PDFString(SRGB),
            "RegistryName": PDFString("http://www.color.org"),
            "DestOutputProfile": doc.Reference(profile),
        }
    )
    catalog = doc.Catalog
    catalog.OutputIntents = PDFArray([intent])
    extra = ["OutputIntents"]
    if file_spec is not None:
        catalog.AF = PDFArray([file_spec])
        extra.append("AF")
    # reportlab writes only the catalog keys it knows: widen that list for this catalog alone
    catalog.__NoDefault__ = [*type(catalog).__NoDefault__, *extra]
