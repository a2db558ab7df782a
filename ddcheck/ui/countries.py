"""A forgiving search over country names (the names: ddcheck.domain.formatting, CLDR)."""

from __future__ import annotations

import unicodedata

from ddcheck.domain.formatting import country_names
from ddcheck.domain.text import Language


def fold(text: str) -> str:
    """Return `text` lower-cased without accents, for matching what people type."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_countries(query: str, lang: Language, limit: int = 12) -> list[str]:
    """Return codes whose Dutch or English name (or code) matches `query`, best first."""
    wanted = fold(query.strip())
    if not wanted:
        return []
    nl, en = country_names("nl"), country_names("en")
    starts: list[str] = []
    contains: list[str] = []
    for code in country_names(lang):
        names = (fold(nl[code]), fold(en[code]))
        if wanted == code.lower() or any(n.startswith(wanted) for n in names):
            starts.append(code)
        elif any(wanted in n for n in names):
            contains.append(code)
    own = country_names(lang)
    ranked = sorted(starts, key=lambda c: own[c]) + sorted(contains, key=lambda c: own[c])
    return ranked[:limit]
