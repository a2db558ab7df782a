"""User text with right-to-left letters (Arabic, Hebrew), mainly right-to-left or a name inside a
Dutch sentence: wrapped in logical order, then shaped and reordered per line, because reportlab
itself neither reorders nor joins letters (tech-notes §3b).

Reordering a whole paragraph before reportlab wraps it would put its lines in reverse order, so
the text is wrapped here with the font's own widths and each line is made visual on its own.
"""

from __future__ import annotations

import re
from functools import lru_cache

from reportlab.pdfbase.pdfmetrics import stringWidth

from ddcheck.domain.direction import is_mainly_rtl

_LEVEL = re.compile(r"Level\(\s*(\d+)")


@lru_cache(maxsize=4096)
def _shaped(text: str) -> str:
    import arabic_reshaper

    return str(arabic_reshaper.reshape(text))


def _levels(text: str, base: str) -> list[int]:
    """Return the resolved embedding level of every character (python-bidi, Rust UBA).

    `base` is the paragraph direction: "R" (right to left) or "L".
    """
    from bidi import get_display

    # The debug form lists one level per UTF-8 byte, after the text itself: read the last
    # "levels" list so that user text cannot fake it.
    debug = str(get_display(text, base_dir=base, debug=True))
    section = debug[debug.rindex("levels: [") : debug.rindex("paragraphs: [")]
    per_byte = [int(n) for n in _LEVEL.findall(section)]
    levels, offset = [], 0
    for char in text:
        levels.append(per_byte[offset])
        offset += len(char.encode("utf-8"))
    return levels


def _visual(line: str, base: str) -> str:
    """Return one logical line in visual order: reversed runs (UBA L2), mirrored brackets (L4)."""
    from bidi.mirror import MIRRORED

    text = _shaped(line)
    if not text:
        return text
    levels = _levels(text, base)
    chars = [MIRRORED.get(c, c) if level % 2 else c for c, level in zip(text, levels, strict=True)]
    odd = [level for level in levels if level % 2]
    lowest = min(odd) if odd else max(levels) + 1
    for level in range(max(levels), lowest - 1, -1):
        start = 0
        while start < len(chars):
            if levels[start] < level:
                start += 1
                continue
            end = start
            while end < len(chars) and levels[end] >= level:
                end += 1
            chars[start:end] = chars[start:end][::-1]
            levels[start:end] = levels[start:end][::-1]
            start = end
    return "".join(chars)


def _fits(text: str, font: str, size: float, width: float) -> bool:
    return stringWidth(_shaped(text), font, size) <= width


def _split_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Return a word too long for a line cut into pieces that fit, in logical order."""
    pieces: list[str] = []
    piece = ""
    for char in word:
        if piece and not _fits(piece + char, font, size, width):
            pieces.append(piece)
            piece = ""
        piece += char
    return [*pieces, piece] if piece else pieces


def logical_lines(text: str, font: str, size: float, width: float) -> list[str]:
    """Return the text wrapped into lines that fit `width` once shaped, in logical order."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line: list[str] = []
        for word in paragraph.split():
            if not _fits(word, font, size, width):
                if line:
                    lines.append(" ".join(line))
                *full, rest = _split_word(word, font, size, width)
                lines.extend(full)
                line = [rest]
            elif line and not _fits(" ".join([*line, word]), font, size, width):
                lines.append(" ".join(line))
                line = [word]
            else:
                line.append(word)
        lines.append(" ".join(line))
    return lines


def visual_lines(text: str, font: str, size: float, width: float, *, base: str = "R") -> list[str]:
    """Return the text as lines ready to draw left to right: wrapped, shaped, then reordered.

    `base` is the paragraph direction: "R" for mainly right-to-left text, "L" for left-to-right
    text with right-to-left words in it.
    """
    return [_visual(line, base) for line in logical_lines(text, font, size, width)]


def visual_fragment(text: str) -> str:
    """Return a short text set inside other text (a name, a comment) shaped and in visual order.

    Each of its lines is reordered on its own, with the direction most of its letters have; a
    fragment that reportlab wraps onto a next line keeps its words in that visual order.
    """
    return "\n".join(
        _visual(line, "R" if is_mainly_rtl(line) else "L") for line in text.split("\n")
    )
