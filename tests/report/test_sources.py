"""The sources part speaks the report's language: descriptions in both languages, known dates."""

from __future__ import annotations

from ddcheck.domain.sources import Source
from tests.factories import make_registry
from tests.report.conftest import DemoReports
from tests.report.pdf_tools import flat, pdf_text, requires_poppler


def _cited(demo: DemoReports) -> list[Source]:
    text = flat(pdf_text(demo.pdfs["en"]))
    return [s for s in demo.snapshot.registry.sources if flat(s.title.en) in text]


def test_every_shipped_source_has_a_description_in_both_languages() -> None:
    for source in make_registry().sources:
        assert source.description is not None, source.id
        assert source.description.nl != source.description.en, source.id


@requires_poppler
def test_sources_print_the_description_in_the_report_language_never_the_citation(
    demo_reports: DemoReports,
) -> None:
    cited = _cited(demo_reports)
    assert len(cited) >= 5
    texts = {lang: flat(pdf_text(path)) for lang, path in demo_reports.pdfs.items()}
    for source in cited:
        assert source.description is not None
        other = {"nl": "en", "en": "nl"}
        for lang, text in texts.items():
            assert flat(source.description.get(lang)) in text, (source.id, lang)
            assert flat(source.description.get(other[lang])) not in text, (source.id, lang)
            if source.citation:
                assert flat(source.citation) not in text, (source.id, lang)
    assert "Free online tool" not in texts["nl"]


def test_a_partial_date_prints_only_its_known_part() -> None:
    import datetime as dt

    from ddcheck.report.labels import partial_date

    day = dt.date(2022, 6, 1)
    assert partial_date(day, "day", "nl") == "01-06-2022"
    assert partial_date(day, "day", "en") == "2022-06-01"
    assert partial_date(day, "month", "nl") == "juni 2022"
    assert partial_date(day, "month", "en") == "June 2022"
    assert partial_date(day, "year", "nl") == partial_date(day, "year", "en") == "2022"


@requires_poppler
def test_sources_with_a_partial_date_print_only_the_known_part(demo_reports: DemoReports) -> None:
    nl = flat(pdf_text(demo_reports.pdfs["nl"]))
    en = flat(pdf_text(demo_reports.pdfs["en"]))
    assert "juni 2022" in nl and "June 2022" in en  # the UNDP guide of the Gulf briefing
    for text in (nl, en):
        for unknown_day in ("01-06-2022", "2022-06-01", "01-01-2012", "2012-01-01"):
            assert unknown_day not in text
        assert "01-01-2025" not in text and "2025-01-01" not in text


def test_every_worded_locator_of_a_shipped_checklist_has_both_languages() -> None:
    import re

    from ddcheck.catalog.catalog import load_shipped_catalog

    catalog = load_shipped_catalog()
    for template in catalog.templates.values():
        for section in template.sections:
            for item in section.items:
                for ref in item.refs:
                    if not ref.locator or not re.search(r"[a-z]{2}", ref.locator):
                        continue
                    source = catalog.registry.source(ref.source or "")
                    assert source is not None, ref.source
                    nl, en = (source.locator(ref.locator, lang) for lang in ("nl", "en"))
                    assert nl != en or nl in ("Screening", "MVO-steunpunt"), (
                        source.id,
                        ref.locator,
                    )


def test_a_locator_reads_in_the_report_language() -> None:
    from ddcheck.catalog.catalog import load_shipped_catalog

    registry = load_shipped_catalog().registry
    ilo = registry.source("ilo-forced-labour-indicators")
    ddg = registry.source("oecd-ddg-2018")
    assert ilo is not None and ddg is not None
    assert ilo.locator("retention of identity documents", "nl") == (
        "Inhouden van identiteitsdocumenten"
    )
    assert ilo.locator("Debt bondage; Isolation", "en") == "Debt bondage; Isolation"
    assert ilo.locator("Debt bondage; Isolation", "nl") == "Schuldslavernij; Isolatie"
    assert ddg.locator("2.1", "nl") == "stap 2.1" and ddg.locator("2.1", "en") == "step 2.1"
    assert ilo.locator("something new", "nl") == "something new"  # as written


@requires_poppler
def test_the_dutch_report_shows_dutch_locators(demo_reports: DemoReports) -> None:
    nl = flat(pdf_text(demo_reports.pdfs["nl"]))
    en = flat(pdf_text(demo_reports.pdfs["en"]))
    assert "stap 2.1" in nl and "step 2.1" in en
    for english in ("Retention of identity documents", "Restriction of movement", "step 2.1"):
        assert english not in nl, english
