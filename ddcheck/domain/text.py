"""Texts in both languages the app speaks."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")


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
        return self.nl if lang == "nl" else self.en
