"""The embedded font covers the scripts the report promises; styles split long words."""

from __future__ import annotations

from ddcheck import paths
from ddcheck.report.styles import make_styles, register_fonts


def test_embedded_font_covers_latin_greek_cyrillic_and_arabic() -> None:
    covered = register_fonts()
    for text in ("Zuid-Holland ĳ é ë € ‘’ —", "αβγ Ω", "жизнь Ж", "مرحبا"):
        missing = [c for c in text if c != " " and ord(c) not in covered]
        assert not missing, missing
    assert ord("中") not in covered


def test_fonts_ship_with_their_licence() -> None:
    folder = paths.fonts_dir()
    assert (folder / "LICENSE-DejaVu.txt").read_text().count("Bitstream") > 0
    assert {p.name for p in folder.glob("*.ttf")} >= {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}


def test_every_style_splits_long_words_and_uses_the_embedded_font() -> None:
    register_fonts()
    styles = make_styles()
    for name in styles.__dataclass_fields__:
        style = getattr(styles, name)
        assert style.splitLongWords == 1
        assert style.fontName.startswith("DDSans")
