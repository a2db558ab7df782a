"""Which way user text runs: right-to-left (Arabic, Hebrew) or left-to-right."""

from __future__ import annotations

import unicodedata
from collections import Counter

_RTL_CLASSES = frozenset({"R", "AL"})


def is_mainly_rtl(text: str) -> bool:
    """Return whether more of the text's strong letters are right-to-left than left-to-right."""
    rtl = ltr = 0
    for char in text:
        direction = unicodedata.bidirectional(char)
        if direction in _RTL_CLASSES:
            rtl += 1
        elif direction == "L":
            ltr += 1
    return rtl > ltr


def has_rtl(text: str) -> bool:
    """Return whether the text holds any right-to-left letter (then it is laid out by line)."""
    return any(unicodedata.bidirectional(char) in _RTL_CLASSES for char in text)


def letters(text: str) -> Counter[str]:
    """Return the letters and digits of a text, shaping undone (NFKC), as a multiset.

    A right-to-left paragraph is printed shaped and in visual order per line, so the printed
    text holds the same letters in another order: compare those, not the sequence.
    """
    return Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())
