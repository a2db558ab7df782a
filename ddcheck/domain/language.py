"""The two languages ddcheck speaks (pydantic-free, so the app's first window can use it)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")


def pick_language(ui_languages: Iterable[str]) -> Language:
    """Return 'nl' when the first usable system language is Dutch, else 'en' (also for "C")."""
    for name in ui_languages:
        code = name.replace("_", "-").split("-")[0].lower()
        if code in ("nl", "en"):
            return "nl" if code == "nl" else "en"
    return "en"
