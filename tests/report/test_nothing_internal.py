"""Issue 11 point 6: no item, template, source or expectation ids and no folder names on a page."""

from __future__ import annotations

import re

import pytest

from ddcheck.exchange.verify import verify_pdf
from tests.report.conftest import DemoReports
from tests.report.pdf_tools import flat, pdf_text, requires_poppler

pytestmark = requires_poppler


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_no_page_shows_an_internal_id_or_folder(demo_reports: DemoReports, lang: str) -> None:
    text = flat(pdf_text(demo_reports.pdfs[lang]))
    snapshot = demo_reports.snapshot
    assert "seeds/" not in text
    assert not re.search(r"\bID [a-z0-9-]+/", text)
    for use in snapshot.dossier.templates:
        assert f"{use.id}/" not in text, use.id
    registry = snapshot.registry
    for source in registry.sources:
        assert not re.search(rf"(?<![\w-]){re.escape(source.id)}(?![\w-])", text), source.id
    for expectation in registry.expectations:
        assert not re.search(rf"(?<![\w-]){re.escape(expectation.id)}(?![\w-])", text)
    for key in demo_reports.snapshot.dossier.answers_by_key():
        assert key not in text, key


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_items_cite_sources_by_their_number_and_verify_finds_every_item(
    demo_reports: DemoReports, lang: str
) -> None:
    text = flat(pdf_text(demo_reports.pdfs[lang]))
    cited = "Source: [1]" if lang == "en" else "Bron: [1]"
    assert cited in text
    assert "[1] " in text.split("Glossary" if lang == "en" else "Begrippen")[-2]
    result = verify_pdf(demo_reports.pdfs[lang])
    assert result.ok, result.problems
    headings = result.document["rendered"]["headings"]
    assert len(headings) >= len(result.document["rendered"]["answers"])
