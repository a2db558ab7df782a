"""User text made safe for reportlab: escaped, line breaks kept, missing glyphs marked."""

from __future__ import annotations

import unicodedata
from collections.abc import Collection
from xml.sax.saxutils import escape

REPLACEMENT = "\ufffd"  # shown where the font has no glyph: a visible, extractable mark
# reportlab writes a malformed ToUnicode entry for characters beyond the BMP (emoji), which
# breaks text extraction, so those are replaced too even when the font has a glyph.
_MAX_CODE_POINT = 0xFFFF
_KEEP_CONTROLS = {"\n"}


class TextSafety:
    """Turns any user string into paragraph markup that reportlab shows literally.

    Very long words are split by reportlab itself (`splitLongWords`, set on every style of the
    report): a zero-width space is no break point for reportlab and would end up in the
    extracted text, so none is inserted.
    """

    def __init__(self, covered: Collection[int], replacement: str = REPLACEMENT) -> None:
        """Remember which code points the embedded font can draw."""
        self._covered = covered
        self._replacement = replacement
        self._cache: dict[str, str] = {}

    def plain(self, text: str) -> str:
        """Return `text` with characters the font lacks (and control characters) replaced."""
        if text.isascii() and text.isprintable():
            return text
        text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
        covered = self._covered
        out = []
        for char in text:
            if char in _KEEP_CONTROLS:
                out.append(char)
            elif char == "\t":
                out.append(" ")
            elif (
                ord(char) <= _MAX_CODE_POINT
                and ord(char) in covered
                and unicodedata.category(char) not in ("Cc", "Cs", "Co")
            ):
                out.append(char)
            else:
                out.append(self._replacement)
        return "".join(out)

    def markup(self, text: object) -> str:
        """Return user text as paragraph markup: escaped, newlines as <br/>, glyphs checked."""
        source = "" if text is None else str(text)
        cached = self._cache.get(source)
        if cached is not None:
            return cached
        safe = escape(self.plain(source))
        if "\n" in safe:
            safe = "<br/>".join(safe.split("\n"))
        if len(self._cache) < 4096:
            self._cache[source] = safe
        return safe

    def line(self, text: object) -> str:
        """Return user text for a one-line place (header, table cell): newlines become spaces."""
        source = "" if text is None else " ".join(str(text).split())
        return escape(self.plain(source))
