"""Charts drawn with reportlab.graphics, legible in black and white: greys, outlines and numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from ddcheck.report.styles import ACCENT, FONT, FONT_BOLD, INK, MUTED, RULE

BAR_FILL = colors.HexColor("#4A4A4A")
TRACK_FILL = colors.HexColor("#F2F2F2")
HEAT_SHADES = (
    colors.HexColor("#FFFFFF"),
    colors.HexColor("#E3E3E3"),
    colors.HexColor("#BDBDBD"),
    colors.HexColor("#7A7A7A"),
    colors.HexColor("#3C3C3C"),
)


def _drawing(width: float, height: float) -> Drawing:
    """Return an empty drawing whose initial font is the embedded face, not Helvetica."""
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # read by the renderer's state tracker
    drawing.initialFontSize = 7.5
    return drawing


def _fit(text: str, size: float, width: float) -> str:
    if stringWidth(text, FONT, size) <= width:
        return text
    while text and stringWidth(text + "…", FONT, size) > width:
        text = text[:-1]
    return text + "…"


def score_bars(
    rows: Sequence[tuple[str, int | None, int]],
    width: float,
    empty_label: str = "–",
) -> Drawing:
    """Return horizontal bars for (label, percent or None, number scored) rows, 0–100 %."""
    row_height = 15
    label_width = min(180.0, width * 0.42)
    value_width = 58.0
    track = width - label_width - value_width
    height = row_height * len(rows) + 22
    drawing = _drawing(width, height)
    top = height - 2
    for index, (name, percent, scored) in enumerate(rows):
        y = top - (index + 1) * row_height
        drawing.add(
            String(
                0,
                y + 4,
                _fit(name, 7.5, label_width - 6),
                fontName=FONT,
                fontSize=7.5,
                fillColor=INK,
            )
        )
        drawing.add(
            Rect(
                label_width,
                y + 2,
                track,
                9,
                fillColor=TRACK_FILL,
                strokeColor=RULE,
                strokeWidth=0.4,
            )
        )
        if percent is not None and percent > 0:
            drawing.add(
                Rect(
                    label_width,
                    y + 2,
                    track * percent / 100,
                    9,
                    fillColor=BAR_FILL,
                    strokeColor=INK,
                    strokeWidth=0.4,
                )
            )
        value = empty_label if percent is None else f"{percent} %  (n={scored})"
        drawing.add(
            String(
                label_width + track + 5, y + 4, value, fontName=FONT, fontSize=7.5, fillColor=INK
            )
        )
    axis_y = top - len(rows) * row_height - 2
    for tick in (0, 50, 100):
        x = label_width + track * tick / 100
        drawing.add(Line(x, axis_y, x, axis_y - 3, strokeColor=MUTED, strokeWidth=0.4))
        drawing.add(
            String(
                x,
                axis_y - 10,
                f"{tick}",
                fontName=FONT,
                fontSize=6,
                fillColor=MUTED,
                textAnchor="middle",
            )
        )
    return drawing


def progress_bar(percent: int, width: float = 90, height: float = 8) -> Drawing:
    """Return a small outlined bar filled to `percent`."""
    drawing = _drawing(width, height + 2)
    drawing.add(Rect(0, 1, width, height, fillColor=TRACK_FILL, strokeColor=RULE, strokeWidth=0.4))
    if percent > 0:
        drawing.add(
            Rect(
                0,
                1,
                width * min(percent, 100) / 100,
                height,
                fillColor=BAR_FILL,
                strokeColor=INK,
                strokeWidth=0.4,
            )
        )
    return drawing


def heat_map(
    counts: Mapping[tuple[int, int], int],
    severity_label: str,
    likelihood_label: str,
    level_names: Sequence[str],
) -> Drawing:
    """Return a 4×4 grid (severity up, likelihood across) with the count in every cell."""
    cell = 30.0
    left = 78.0
    bottom = 34.0
    width = left + 4 * cell + 10
    height = bottom + 4 * cell + 8
    drawing = _drawing(width, height)
    for severity in range(1, 5):
        for likelihood in range(1, 5):
            level = (severity * likelihood + 3) // 4  # 1..4
            count = counts.get((severity, likelihood), 0)
            x = left + (likelihood - 1) * cell
            y = bottom + (severity - 1) * cell
            drawing.add(
                Rect(
                    x, y, cell, cell, fillColor=HEAT_SHADES[level], strokeColor=INK, strokeWidth=0.6
                )
            )
            text_colour = colors.white if level >= 3 else INK
            drawing.add(
                String(
                    x + cell / 2,
                    y + cell / 2 - 4,
                    str(count) if count else "·",
                    fontName=FONT_BOLD if count else FONT,
                    fontSize=10,
                    fillColor=text_colour,
                    textAnchor="middle",
                )
            )
    for index, name in enumerate(level_names[:4]):
        drawing.add(
            String(
                left - 4,
                bottom + index * cell + cell / 2 - 3,
                f"{index + 1} {_fit(name, 6.5, left - 20)}",
                fontName=FONT,
                fontSize=6.5,
                fillColor=INK,
                textAnchor="end",
            )
        )
        drawing.add(
            String(
                left + index * cell + cell / 2,
                bottom - 10,
                str(index + 1),
                fontName=FONT,
                fontSize=6.5,
                fillColor=INK,
                textAnchor="middle",
            )
        )
    drawing.add(
        String(
            left + 2 * cell,
            bottom - 24,
            likelihood_label + " →",
            fontName=FONT_BOLD,
            fontSize=7,
            fillColor=ACCENT,
            textAnchor="middle",
        )
    )
    drawing.add(
        String(
            2,
            bottom + 4 * cell + 0,
            severity_label + " ↑",
            fontName=FONT_BOLD,
            fontSize=7,
            fillColor=ACCENT,
        )
    )
    return drawing
