"""Issue 11 point 8: XMP metadata, sRGB output intent and the JSON as an associated file."""

from __future__ import annotations

import re

import pikepdf
import pytest

from ddcheck import paths
from ddcheck.exchange.dossier_json import ATTACHMENT_NAME
from tests.report.conftest import DemoReports


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_xmp_metadata_repeats_the_document_information(
    demo_reports: DemoReports, lang: str
) -> None:
    with pikepdf.open(demo_reports.pdfs[lang]) as pdf:
        assert pdf.Root.Metadata.Subtype == "/XML"
        assert "/Filter" not in pdf.Root.Metadata  # readable without a PDF parser
        info = pdf.docinfo
        meta = pdf.open_metadata()
        assert meta["dc:title"] == str(info.Title)
        assert meta["dc:creator"] == [str(info.Author)]
        assert meta["dc:description"] == str(info.Subject)
        assert meta["pdf:Keywords"] == str(info.Keywords)
        assert meta["pdf:Producer"] == str(info.Producer)
        assert meta["xmp:CreatorTool"] == str(info.Creator)
        assert meta["pdfaid:part"] == "3"
        assert meta["pdfaid:conformance"] == "B"
        digits = re.sub(r"\D", "", meta["xmp:CreateDate"])[:14]
        assert str(info.CreationDate)[2:16] == digits


def test_output_intent_is_the_shipped_srgb_profile(demo_reports: DemoReports) -> None:
    with pikepdf.open(demo_reports.pdfs["en"]) as pdf:
        (intent,) = pdf.Root.OutputIntents
        assert intent.S == "/GTS_PDFA1"
        assert str(intent.OutputConditionIdentifier) == "sRGB IEC61966-2.1"
        profile = intent.DestOutputProfile
        assert profile.N == 3
        shipped = paths.resources_dir() / "color" / "sRGB.icc"
        assert profile.read_bytes() == shipped.read_bytes()
        assert (shipped.parent / "LICENSE-sRGB-icc.txt").is_file()


def test_embedded_json_is_the_documents_associated_data(demo_reports: DemoReports) -> None:
    with pikepdf.open(demo_reports.pdfs["en"]) as pdf:
        names = pdf.Root.Names.EmbeddedFiles.Names
        assert str(names[0]) == ATTACHMENT_NAME
        spec = names[1]
        assert spec.AFRelationship == "/Data"
        (associated,) = pdf.Root.AF
        assert associated.objgen == spec.objgen
        for page in pdf.pages:
            assert "/Trans" not in page.obj


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_pikepdf_validator_approves_pdfa_3b(demo_reports: DemoReports, lang: str) -> None:
    pdfa = pytest.importorskip("pikepdf.pdfa", exc_type=ImportError)
    with pikepdf.open(demo_reports.pdfs[lang]) as pdf:
        report = pdfa.check(pdf, "3b")
        assert report.passed, [str(f) for f in report.findings]
