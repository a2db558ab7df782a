"""Terminal-safe output: no control, escape or bidi character from any text reaches the terminal.

Two layers, both here. `line()` makes one field of a record safe and one line (a line break in
a company name or an answer cannot forge another record). `SafeStream` wraps stdout and stderr
for the whole command, so whatever a command prints, no ESC, CR, backspace, BEL, C1 control,
bidi override or zero-width character is written raw: each is shown as `\\uXXXX` (which is also
what it means inside a JSON string, so `--json` output stays valid and equal).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

# C0 and C1 controls (but tab and newline, which structure the output), DEL, the bidi
# embeddings, overrides, isolates and marks, zero-width characters, line and paragraph
# separators, and the interlinear annotation and object replacement controls.
_UNSAFE_IN_STREAM = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\ufff9-\ufffb\U000e0000-\U000e007f]"
)
_UNSAFE_IN_LINE = re.compile(_UNSAFE_IN_STREAM.pattern[:-1] + "\t\n]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


def line(value: object) -> str:
    """Return a value as one safe line: every control or invisible character shown escaped."""
    text = "" if value is None else str(value)
    return _UNSAFE_IN_LINE.sub(_escape, text)


def neutralise(text: str) -> str:
    """Return text with controls and invisible characters escaped; newlines and tabs kept."""
    return _UNSAFE_IN_STREAM.sub(_escape, text)


class SafeStream:
    """A text stream that neutralises everything written to it, then passes it on."""

    def __init__(self, inner: TextIO) -> None:
        self._inner = inner

    def write(self, text: str) -> int:
        """Write `text` with every unsafe character escaped."""
        self._inner.write(neutralise(text))
        return len(text)

    @property
    def raw(self) -> TextIO:
        """Return the stream underneath, for ddcheck's own control output (a progress line)."""
        return self._inner

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


@contextmanager
def safe_terminal() -> Iterator[None]:
    """Neutralise stdout and stderr for the duration of a command."""
    out, err = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(out), SafeStream(err)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
