"""User text becomes literal paragraph markup; missing glyphs become a visible mark."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ddcheck.report.text_safety import REPLACEMENT, TextSafety

COVERED = frozenset(range(0x20, 0x7F)) | {ord(c) for c in ("é", "ĳ", "ж", "ا", "😀", REPLACEMENT)}


@pytest.fixture
def safety() -> TextSafety:
    return TextSafety(COVERED)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ('<img src="/etc/passwd"/>', '&lt;img src="/etc/passwd"/&gt;'),
        ('<font color="white">x</font>', '&lt;font color="white"&gt;x&lt;/font&gt;'),
        ('<a href="javascript:x">y</a>', '&lt;a href="javascript:x"&gt;y&lt;/a&gt;'),
        ("R&D", "R&amp;D"),
        ("&amp;", "&amp;amp;"),
        ("unclosed <b>bold", "unclosed &lt;b&gt;bold"),
    ],
)
def test_markup_escapes_every_tag_and_entity(safety: TextSafety, raw: str, expected: str) -> None:
    assert safety.markup(raw) == expected


def test_newlines_become_line_breaks_and_tabs_spaces(safety: TextSafety) -> None:
    assert safety.markup("one\r\ntwo\rthree\nfour\tfive") == "one<br/>two<br/>three<br/>four five"


def test_characters_the_font_lacks_or_beyond_the_bmp_become_the_mark(safety: TextSafety) -> None:
    assert safety.plain("ĳs é ж ا 中文 😀") == f"ĳs é ж ا {REPLACEMENT * 2} {REPLACEMENT}"


def test_control_characters_are_replaced(safety: TextSafety) -> None:
    assert safety.plain("a\x00b\x1bc") == f"a{REPLACEMENT}b{REPLACEMENT}c"


def test_line_folds_whitespace_for_one_line_places(safety: TextSafety) -> None:
    assert safety.line("Company\n  <b>Name</b>") == "Company &lt;b&gt;Name&lt;/b&gt;"


def test_none_becomes_empty(safety: TextSafety) -> None:
    assert safety.markup(None) == ""


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_becomes_a_paragraph_that_lays_out_and_keeps_its_words(text: str) -> None:
    from reportlab.platypus import Paragraph

    from ddcheck.report.styles import make_styles, register_fonts

    safety = TextSafety(register_fonts())
    paragraph = Paragraph(safety.markup(text), make_styles().body)
    paragraph.wrap(200, 10_000)
    shown = "".join(word for line in paragraph.blPara.lines for word in _words(line))
    # a soft hyphen vanishes, or shows as "-" where reportlab breaks the line at it
    expected = "".join(safety.plain(text).replace("\xad", "").replace("-", "").split())
    assert "".join(shown.replace("-", "").split()) == expected


def _words(line: object) -> list[str]:
    """Return the words of a laid-out paragraph line (simple or fragment lines)."""
    if isinstance(line, tuple):
        return list(line[1])
    return [getattr(frag, "text", "") for frag in getattr(line, "words", [])]
