"""Which way user text runs: right-to-left (Arabic, Hebrew) or left-to-right."""

from __future__ import annotations

import re
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


# The blocks of the right-to-left scripts (Hebrew to Arabic Extended, the presentation forms,
# and the historic and African scripts above U+10800): one regex search is far cheaper than
# asking unicodedata about every character of every text in a report.
_RTL_BLOCKS = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff\U00010800-\U00010fff\U0001e800-\U0001efff]"
)


def has_rtl(text: str) -> bool:
    """Return whether the text holds any right-to-left letter (then it is laid out by line)."""
    return _RTL_BLOCKS.search(text) is not None


def letters(text: str) -> Counter[str]:
    """Return the letters and digits of a text, shaping undone (NFKC), as a multiset.

    A right-to-left paragraph is printed shaped and in visual order per line, so the printed
    text holds the same letters in another order: compare those, not the sequence.
    """
    return Counter(c for c in unicodedata.normalize("NFKC", text) if c.isalnum())
