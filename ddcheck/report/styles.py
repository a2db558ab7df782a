"""The report's fonts (embedded DejaVu Sans) and paragraph styles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Table, TableStyle

from ddcheck import paths

FONT = "DDSans"
FONT_BOLD = "DDSans-Bold"
FONT_ITALIC = "DDSans-Oblique"
FONT_BOLD_ITALIC = "DDSans-BoldOblique"
USER_TEXT_FACES = (FONT, FONT_BOLD)
_FONT_FILES = {
    FONT: "DejaVuSans.ttf",
    FONT_BOLD: "DejaVuSans-Bold.ttf",
    FONT_ITALIC: "DejaVuSans-Oblique.ttf",
    FONT_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}

INK = colors.HexColor("#1A1A1A")
ACCENT = colors.HexColor("#1F3A5F")
MUTED = colors.HexColor("#5A5A5A")
RULE = colors.HexColor("#B8B8B8")
SHADE = colors.HexColor("#EEF1F5")
LABEL_WIDTH = 70  # points for the hanging labels (Answer:, Note:, Risk:) of an item
SHADE_DARK = colors.HexColor("#D5DCE6")


@cache
def register_fonts(font_dir: Path | None = None) -> frozenset[int]:
    """Register the embedded font family once; return the code points user text may use.

    User text is set in the regular and bold faces only (the oblique faces lack Arabic), so
    the coverage is what those two share.
    """
    folder = font_dir or paths.fonts_dir()
    covered: set[int] | None = None
    for name, filename in _FONT_FILES.items():
        font = TTFont(name, str(folder / filename))
        pdfmetrics.registerFont(font)
        if name in USER_TEXT_FACES:
            chars = set(font.face.charToGlyph)
            covered = chars if covered is None else covered & chars
    pdfmetrics.registerFontFamily(
        FONT, normal=FONT, bold=FONT_BOLD, italic=FONT_ITALIC, boldItalic=FONT_BOLD_ITALIC
    )
    return frozenset(covered or ())


def font_table(data: list[list[object]], **options: object) -> Table:
    """Return a table whose cells default to the embedded font (reportlab's is Helvetica)."""
    made = Table(data, **options)  # type: ignore[arg-type]
    made.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 7.5, 9.5)]))
    return made


@dataclass(frozen=True)
class Styles:
    """Every paragraph style the report uses."""

    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_label: ParagraphStyle
    cover_value: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    muted: ParagraphStyle
    question: ParagraphStyle
    answer: ParagraphStyle
    item_meta: ParagraphStyle
    detail: ParagraphStyle
    labelled: ParagraphStyle
    expectation: ParagraphStyle
    source: ParagraphStyle
    banner: ParagraphStyle
    cell: ParagraphStyle
    cell_bold: ParagraphStyle
    cell_muted: ParagraphStyle
    cell_head: ParagraphStyle
    cell_right: ParagraphStyle
    mono: ParagraphStyle
    status: ParagraphStyle
    finding_kind: ParagraphStyle
    fingerprint: ParagraphStyle
    tile: ParagraphStyle


def _style(name: str, **kw: object) -> ParagraphStyle:
    base: dict[str, object] = {
        "fontName": FONT,
        "fontSize": 9.5,
        "leading": 13,
        "textColor": INK,
        "alignment": TA_LEFT,
        "splitLongWords": 1,
        "allowWidows": 0,
        "allowOrphans": 0,
    }
    base.update(kw)
    return ParagraphStyle(name, **base)  # type: ignore[arg-type]


@cache
def make_styles() -> Styles:
    """Return the report's style sheet (fonts must be registered first)."""
    return Styles(
        cover_title=_style(
            "cover_title",
            fontName=FONT_BOLD,
            fontSize=24,
            leading=30,
            textColor=ACCENT,
            spaceAfter=6,
        ),
        cover_subtitle=_style(
            "cover_subtitle", fontSize=14, leading=19, textColor=MUTED, spaceAfter=4
        ),
        cover_label=_style("cover_label", fontSize=8.5, leading=11, textColor=MUTED),
        cover_value=_style("cover_value", fontSize=10, leading=13),
        h1=_style(
            "h1",
            fontName=FONT_BOLD,
            fontSize=17,
            leading=22,
            textColor=ACCENT,
            spaceBefore=4,
            spaceAfter=10,
        ),
        h2=_style(
            "h2",
            fontName=FONT_BOLD,
            fontSize=12.5,
            leading=16,
            textColor=ACCENT,
            spaceBefore=12,
            spaceAfter=6,
            keepWithNext=1,
        ),
        h3=_style(
            "h3",
            fontName=FONT_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=4,
            keepWithNext=1,
        ),
        body=_style("body", spaceAfter=4),
        small=_style("small", fontSize=8, leading=10.5),
        muted=_style("muted", fontSize=8, leading=10.5, textColor=MUTED, spaceAfter=4),
        question=_style(
            "question",
            fontName=FONT_BOLD,
            fontSize=9.5,
            leading=12.5,
            spaceBefore=8,
            spaceAfter=1,
            leftIndent=26,
            firstLineIndent=-26,
        ),
        answer=_style(
            "answer",
            leftIndent=26 + LABEL_WIDTH,
            bulletIndent=26,
            bulletFontName=FONT_BOLD,
            bulletFontSize=9.5,
            spaceAfter=1,
        ),
        item_meta=_style(
            "item_meta", fontSize=7.5, leading=9.5, textColor=MUTED, leftIndent=26, spaceAfter=2
        ),
        detail=_style("detail", fontSize=8.5, leading=11.5, leftIndent=26, spaceAfter=1),
        labelled=_style(
            "labelled",
            fontSize=8.5,
            leading=11.5,
            leftIndent=26 + LABEL_WIDTH,
            bulletIndent=26,
            bulletFontName=FONT_BOLD,
            bulletFontSize=8.5,
            spaceAfter=1,
        ),
        expectation=_style(
            "expectation", fontSize=7.5, leading=9.8, leftIndent=26, spaceAfter=1.5, textColor=INK
        ),
        source=_style("source", spaceBefore=4, spaceAfter=1, leftIndent=26, firstLineIndent=-26),
        banner=_style(
            "banner",
            fontName=FONT_BOLD,
            fontSize=9,
            leading=12,
            borderPadding=5,
            borderColor=INK,
            borderWidth=0.8,
            spaceBefore=4,
            spaceAfter=10,
        ),
        cell=_style("cell", fontSize=7.5, leading=9.5),
        cell_muted=_style("cell_muted", fontSize=7.5, leading=9.5, textColor=MUTED),
        cell_bold=_style("cell_bold", fontName=FONT_BOLD, fontSize=7.5, leading=9.5),
        cell_head=_style(
            "cell_head", fontName=FONT_BOLD, fontSize=7.5, leading=9.5, textColor=colors.white
        ),
        cell_right=_style("cell_right", fontSize=7.5, leading=9.5, alignment=TA_RIGHT),
        mono=_style("mono", fontSize=8, leading=10.5, textColor=INK),
        fingerprint=_style("fingerprint", fontSize=7, leading=9.5, textColor=MUTED),
        finding_kind=_style(
            "finding_kind", fontSize=9, leading=12, spaceBefore=5, spaceAfter=1, keepWithNext=1
        ),
        status=_style("status", fontName=FONT_BOLD, fontSize=11, leading=15),
        tile=_style("tile", fontSize=7.5, leading=9.5, textColor=MUTED, autoLeading="max"),
    )
