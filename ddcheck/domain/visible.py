"""Invisible characters made visible: bidi overrides and zero-width characters in received text
are shown as ⟨U+202E⟩, so an adviser sees that a name or answer carries them."""

from __future__ import annotations

import re

# Bidi embeddings, overrides, isolates and marks; zero-width spaces and joiners; the word
# joiner and invisible operators; the byte-order mark; other controls but tab and newline.
_INVISIBLE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u115f\u1160\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufeff]"
)


def visible_controls(text: str) -> str:
    """Return `text` with every invisible or direction-changing character shown as ⟨U+XXXX⟩."""
    if text.isascii() and text.isprintable():
        return text
    return _INVISIBLE.sub(lambda m: f"⟨U+{ord(m.group()):04X}⟩", text)


def has_invisible(text: str) -> bool:
    """Return whether `text` holds an invisible or direction-changing character."""
    return _INVISIBLE.search(text) is not None
