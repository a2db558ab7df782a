"""One bilingual word catalog (gettext, with contexts) for the app, the reports and the CLI.

English is the source text; Dutch lives in resources/i18n/nl.po (edited with any gettext tool:
Poedit, Weblate, Lokalize) and is read from its compiled nl.mo. A context (msgctxt) tells apart
words that are written alike but translated differently: "Open" the action status is
`words.in_context("action status", "Open")`, "Open" the button
`words.in_context("button", "Open")`.
Qt-free; the catalog file is read once per folder and language.
"""

from __future__ import annotations

import gettext
import string
from functools import cache
from pathlib import Path
from typing import Protocol, runtime_checkable

from ddcheck.domain.language import LANGUAGES, Language

DOMAIN = "ddcheck"
_FORMATTER = string.Formatter()


class Vocabulary:
    """The app's words in one language: `words(text, **fields)`, `words.in_context(...)`."""

    def __init__(self, lang: Language, translations: gettext.NullTranslations) -> None:
        self.lang: Language = lang
        self._translations = translations

    def __call__(self, text: str, /, **fields: object) -> str:
        """Return `text` in this language, with `{name}` fields filled in."""
        found = self._translations.gettext(text)
        return found.format(**fields) if fields else found

    def in_context(self, context: str, text: str, /, **fields: object) -> str:
        """Return `text` as meant in `context` ("button", "action status"), translated."""
        found = self._translations.pgettext(context, text)
        return found.format(**fields) if fields else found

    def plural(self, singular: str, plural: str, n: int, /, **fields: object) -> str:
        """Return the singular or plural form for `n`, translated; `{n}` is filled in."""
        return self._translations.ngettext(singular, plural, n).format(n=n, **fields)

    def plural_in_context(self, context: str, singular: str, plural: str, n: int, /) -> str:
        """Return the singular or plural form for `n` as meant in `context`, translated."""
        return self._translations.npgettext(context, singular, plural, n)

    def entry(self, entry: Entry, /, **fields: object) -> str:
        """Return a table's catalog entry (see `catalog_entry`) in this language."""
        context, text = entry
        return self.in_context(context, text, **fields)

    def knows(self, text: str, context: str | None = None) -> bool:
        """Return whether the catalog translates `text` (a plural's singular too; English: yes)."""
        if self.lang == "en":
            return True
        marker = object()
        catalog = getattr(self._translations, "_catalog", {})
        key = text if context is None else f"{context}\x04{text}"
        return catalog.get(key, marker) is not marker or (key, 0) in catalog


Entry = tuple[str, str]  # (context, English text)


@runtime_checkable
class Translatable(Protocol):
    """Anything that says itself in a language: a Wording, an error with `text(lang)`."""

    def text(self, lang: str) -> str:
        """Return the text in `lang` ('nl' or 'en')."""
        ...


def catalog_entry(context: str, text: str, /) -> Entry:
    """Mark `text` for the catalog under `context`, to be translated when looked up.

    For tables of words (a report's labels, coded values): packaging/words.py finds these calls
    as it finds `in_context`; `Vocabulary.entry` translates the pair.
    """
    return context, text


class Wording:
    """A catalog entry with its fields filled in: `str()` is English, `text(lang)` any language.

    A field that can say itself (a Wording, an error with `text(lang)`) is put in the same
    language, so a sentence can hold a translated clause (a reason, an offer) as well as plain
    values (a file name, a number).
    """

    __slots__ = ("entry", "fields")

    def __init__(self, entry: Entry, /, **fields: object) -> None:
        self.entry = entry
        self.fields = fields

    def text(self, lang: str) -> str:
        """Return the sentence in `lang` ('nl' or 'en'), with its fields filled in."""
        chosen: Language = "nl" if lang == "nl" else "en"
        filled = {
            name: value.text(chosen) if isinstance(value, Translatable) else value
            for name, value in self.fields.items()
        }
        return words_for(chosen).entry(self.entry, **filled)

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.entry!r}, **{self.fields!r})"

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Wording):
            return NotImplemented
        return (self.entry, self.fields) == (other.entry, other.fields)

    def __hash__(self) -> int:
        return hash(self.entry)  # its fields may be unhashable; equal wordings share an entry


def catalog_plural(context: str, singular: str, plural: str, /) -> tuple[str, str, str]:
    """Mark a noun's two forms for the catalog under `context` (`plural_in_context` reads them)."""
    return context, singular, plural


def in_both(entry: Entry, /, **fields: object) -> dict[str, str]:
    """Return a catalog entry in Dutch and English, as the {"nl", "en"} text a model holds.

    Fields that say themselves (see Wording) are put in each language.
    """
    wording = Wording(entry, **fields)
    return {lang: wording.text(lang) for lang in LANGUAGES}


def fields_of(text: str) -> set[str]:
    """Return the `{name}` fields a text fills in."""
    return {name for _, name, _, _ in _FORMATTER.parse(text) if name}


def catalog_folder() -> Path:
    """Return the folder holding the shipped catalogs (nl.po and its compiled nl.mo)."""
    from ddcheck import paths

    return paths.resources_dir() / "i18n"


@cache
def vocabulary(lang: Language, folder: Path | None = None) -> Vocabulary:
    """Return the words in `lang` from `folder`'s compiled catalog (English: the source text)."""
    if lang == "en":
        return Vocabulary("en", gettext.NullTranslations())
    path = (folder or catalog_folder()) / f"{lang}.mo"
    try:
        with path.open("rb") as handle:
            translations: gettext.NullTranslations = gettext.GNUTranslations(handle)
    except (OSError, ValueError):  # a missing or damaged catalog: English beats a crash
        translations = gettext.NullTranslations()
    return Vocabulary(lang, translations)


def words_for(lang: Language) -> Vocabulary:
    """Return the shipped vocabulary in `lang` (the one front ends and reports use)."""
    return vocabulary(lang, None)
