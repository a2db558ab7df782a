"""The short glossary at the end of the report: the report's terms of the one glossary."""

from __future__ import annotations

from ddcheck.domain.glossary import REPORT_TERMS
from ddcheck.domain.glossary import glossary as all_terms
from ddcheck.domain.text import Language


def glossary(lang: Language) -> list[tuple[str, str]]:
    """Return (term, explanation) pairs in `lang`."""
    terms = {t.key: t for t in all_terms(lang)}
    return [(terms[key].term, terms[key].explanation) for key in REPORT_TERMS]
