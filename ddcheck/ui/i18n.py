"""Qt-free UI strings: English source text, Dutch catalog in resources/i18n/nl.json."""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Literal

from ddcheck import paths

Language = Literal["nl", "en"]  # as ddcheck.domain.text.Language, without importing pydantic

_state: dict[str, Language] = {"lang": "en"}
_table: dict[str, dict[str, str]] = {"table": {}}


@cache
def _catalog(lang: Language, folder: Path) -> dict[str, str]:
    """Return the {english: translation} table for `lang` ({} for English)."""
    if lang == "en":
        return {}
    path = folder / f"{lang}.json"
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def catalog_dir() -> Path:
    """Return the folder holding the UI translation catalogs."""
    return paths.resources_dir() / "i18n"


def set_language(lang: Language) -> None:
    """Make `lang` the language `tr` translates to."""
    _state["lang"] = lang
    _table["table"] = _catalog(lang, catalog_dir())


def language() -> Language:
    """Return the current UI language."""
    return _state["lang"]


def tr(text: str, /, **values: object) -> str:
    """Return `text` in the current UI language, with `{name}` fields filled from `values`."""
    translated = _table["table"].get(text, text)
    return translated.format(**values) if values else translated


def tr_n(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Return the singular or plural form for `n`, translated; `{n}` is filled in."""
    return tr(singular if n == 1 else plural, n=n, **values)


def pick_language(ui_languages: Iterable[str]) -> Language:
    """Return 'nl' when the first usable system UI language is Dutch, else 'en'."""
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in ("nl", "en"):
            return "nl" if code == "nl" else "en"
    return "en"
