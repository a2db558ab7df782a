"""The UI's words: English source text, translated by the one vocabulary (resources/i18n/nl.po).

`tr_in("button", "Open")` tells a word apart from the same word in another role
("Open" the action status). See ddcheck.domain.vocabulary for the catalog and its tools.
"""

from __future__ import annotations

from ddcheck.domain.language import Language
from ddcheck.domain.vocabulary import Vocabulary, words_for

_state: dict[str, Language] = {"lang": "en"}
_words: dict[str, Vocabulary] = {"words": words_for("en")}


def set_language(lang: Language) -> None:
    """Make `lang` the language `tr` translates to."""
    _state["lang"] = lang
    _words["words"] = words_for(lang)  # the same catalog the reports and errors read


def language() -> Language:
    """Return the current UI language."""
    return _state["lang"]


def words() -> Vocabulary:
    """Return the vocabulary in the current UI language."""
    return _words["words"]


def tr(text: str, /, **values: object) -> str:
    """Return `text` in the current UI language, with `{name}` fields filled from `values`."""
    return _words["words"](text, **values)


def tr_in(context: str, text: str, /, **values: object) -> str:
    """Return `text` as meant in `context` ("button", "action status"), translated."""
    return _words["words"].in_context(context, text, **values)


def tr_n(singular: str, plural: str, n: int, /, **values: object) -> str:
    """Return the singular or plural form for `n`, translated; `{n}` is filled in."""
    return _words["words"].plural(singular, plural, n, **values)
