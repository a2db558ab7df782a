"""Names that look alike: a skeleton that ignores case, spacing, accents, invisible characters
and the common Cyrillic and Greek letters that look Latin, so a forged company name is noticed."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

# Letters that are drawn (nearly) like a Latin letter, from Unicode's confusables data.
_HOMOGLYPHS = str.maketrans(
    {
        **dict.fromkeys("аᴀɑα", "a"),
        **dict.fromkeys("вʙβ", "b"),
        **dict.fromkeys("сϲᴄ", "c"),
        **dict.fromkeys("ԁ", "d"),
        **dict.fromkeys("еєҽε", "e"),
        **dict.fromkeys("ғ", "f"),
        **dict.fromkeys("ɡԍ", "g"),
        **dict.fromkeys("һнʜη", "h"),
        **dict.fromkeys("іıɪιӏ", "i"),
        **dict.fromkeys("јϳ", "j"),
        **dict.fromkeys("кκᴋ", "k"),
        **dict.fromkeys("ӏⅼ", "l"),
        **dict.fromkeys("мᴍμ", "m"),
        **dict.fromkeys("ոпɴν", "n"),
        **dict.fromkeys("оοσօ০", "o"),
        **dict.fromkeys("рρᴘ", "p"),
        **dict.fromkeys("ԛ", "q"),
        **dict.fromkeys("гʀ", "r"),
        **dict.fromkeys("ѕʂ", "s"),
        **dict.fromkeys("тτᴛ", "t"),
        **dict.fromkeys("υսᴜ", "u"),
        **dict.fromkeys("ѵν", "v"),
        **dict.fromkeys("ԝѡω", "w"),
        **dict.fromkeys("хχ", "x"),
        **dict.fromkeys("уүγ", "y"),
        **dict.fromkeys("ᴢ", "z"),
        "0": "o",
        "1": "l",
        "|": "l",
    }
)


def skeleton(name: str) -> str:
    """Return what a name looks like: letters folded to plain Latin, no case, space or marks."""
    folded = unicodedata.normalize("NFKD", name).casefold()
    kept = "".join(
        ch for ch in folded if unicodedata.category(ch)[0] in "LN" and not unicodedata.combining(ch)
    )
    return kept.translate(_HOMOGLYPHS).replace("rn", "m").replace("vv", "w").replace("i", "l")


def lookalike(name: str, others: Iterable[str]) -> str | None:
    """Return another name that looks like `name` without being the same text, or None."""
    own = skeleton(name)
    if not own:
        return None
    for other in others:
        if other != name and skeleton(other) == own:
            return other
    return None
