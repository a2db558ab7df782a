"""No confidential text anywhere in the adviser PDF: pages, metadata, outline, data, streams."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.factories import SECRET, make_snapshot, shipped_snapshot
from tests.report.pdf_tools import deep_scan, export, pdf_text, requires_poppler

pytestmark = requires_poppler

EVIDENCE_NAME = f"{SECRET}-evidence-"


@pytest.fixture(scope="module")
def snapshots():
    return {"synthetic": make_snapshot(), "shipped": shipped_snapshot()}


@pytest.mark.parametrize("kind", ["synthetic", "shipped"])
@pytest.mark.parametrize("lang", ["en", "nl"])
def test_adviser_pdf_holds_no_confidential_text(snapshots, kind, lang, tmp_path: Path) -> None:
    snapshot = snapshots[kind]
    assert any(a.confidential for a in snapshot.dossier.answers)
    path, result = export(snapshot, tmp_path, lang=lang, audience="adviser")
    assert result.withheld_items > 0
    raw = path.read_bytes()
    scanned = deep_scan(path)
    text = pdf_text(path)
    for needle in (SECRET, EVIDENCE_NAME, f"{SECRET} action"):
        assert needle.encode() not in raw
        assert needle.encode() not in scanned
        assert needle not in text
    attached = PdfReader(path).attachments["ddcheck-dossier.json"][0]
    assert SECRET.encode() not in attached


def test_internal_pdf_holds_the_confidential_text_marked(snapshots, tmp_path: Path) -> None:
    path, result = export(snapshots["shipped"], tmp_path, audience="internal")
    text = pdf_text(path)
    assert SECRET in text and EVIDENCE_NAME in text
    assert SECRET.encode() in deep_scan(path)
    assert "CONFIDENTIAL" in text and "INTERNAL — contains confidential items" in text
    assert result.withheld_items == 0
