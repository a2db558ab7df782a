"""Texts in both languages the app speaks."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from ddcheck.domain.language import LANGUAGES, Language

__all__ = ["LANGUAGES", "Language", "LocalizedText"]


class LocalizedText(BaseModel):
    """A text written in Dutch and in English."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    nl: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: Language) -> str:
        """Return the text in `lang`."""
        return self.nl if lang == "nl" else self.en

    def text(self, lang: str) -> str:
        """Return the text in `lang` ('nl' or 'en'): a catalog sentence fills it in so."""
        return self.get("nl" if lang == "nl" else "en")
