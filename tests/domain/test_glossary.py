"""One glossary for app and report, in both languages; the risk fields' rule."""

from __future__ import annotations

from typing import Any

import pytest

from ddcheck.domain.applicability import ItemApplicability
from ddcheck.domain.glossary import REPORT_TERMS, glossary, source_code_hint
from ddcheck.domain.scoring import can_rate_risk
from ddcheck.domain.vocabulary import words_for
from ddcheck.report.glossary import glossary as report_glossary


@pytest.fixture(scope="module")
def catalog() -> Any:
    """Return the shipped catalog."""
    from ddcheck.catalog import load_shipped_catalog

    return load_shipped_catalog()


def test_every_term_is_explained_in_dutch_and_english() -> None:
    english, dutch = glossary("en"), glossary("nl")
    assert [t.key for t in english] == [t.key for t in dutch]
    for en, nl in zip(english, dutch, strict=True):
        assert en.explanation and nl.explanation and en.explanation != nl.explanation, en.key
    assert {"ekv", "esap", "oecd-step", "ifc-ps", "cause", "contribute", "linked"} <= {
        t.key for t in english
    }
    assert "source-code" in {t.key for t in english}
    assert words_for("nl").knows(english[0].explanation)


def test_the_report_reads_the_same_terms() -> None:
    terms = {t.key: t for t in glossary("nl")}
    assert report_glossary("nl") == [(terms[k].term, terms[k].explanation) for k in REPORT_TERMS]
    assert report_glossary("nl")[2][1].startswith("Exportkredietverzekering")


def test_a_source_code_names_its_letter(catalog: Any) -> None:
    registry = catalog.registry
    expectation = registry.expectations[0]
    letter = registry.source(expectation.letter)
    assert letter is not None
    code = expectation.id
    hint = source_code_hint(code, registry, "en")
    assert hint.startswith(f"{code} is an expectation in “{letter.title.get('en')}”")
    assert source_code_hint(code, registry, "nl").startswith(f"{code} is een verwachting in „")


def test_risk_is_rated_only_where_an_answer_can_show_a_risk(catalog: Any) -> None:
    rated, factual = 0, 0
    for template in catalog.templates.values():
        for section in template.sections:
            for item in section.items:
                entry = ItemApplicability(template, section, item, True, "")
                kind = template.scale_for(item).kind
                if kind in ("text", "number", "date"):
                    assert not can_rate_risk(entry), item.id
                    factual += 1
                if item.red_flags:
                    assert can_rate_risk(entry), item.id
                    rated += 1
    assert rated and factual
