"""The two languages ddcheck speaks (pydantic-free, so the app's first window can use it)."""

from __future__ import annotations

from typing import Literal

Language = Literal["nl", "en"]
LANGUAGES: tuple[Language, ...] = ("nl", "en")
