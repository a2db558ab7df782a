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
    track = width - label_width - 58.0  # room for "100 %  (n=12)" on the right
    height = row_height * len(rows) + 22
    drawing = _drawing(width, height)
    top = height - 2
    for index, (name, percent, scored) in enumerate(rows):
        y = top - (index + 1) * row_height
        drawing.add(_text(0, y + 4, _fit(name, 7.5, label_width - 6), 7.5))
        drawing.add(_bar(label_width, y + 2, track, 9, filled=False))
        if percent is not None and percent > 0:
            drawing.add(_bar(label_width, y + 2, track * percent / 100, 9, filled=True))
        value = empty_label if percent is None else f"{percent} %  (n={scored})"
        drawing.add(_text(label_width + track + 5, y + 4, value, 7.5))
    axis_y = top - len(rows) * row_height - 2
    for tick in (0, 50, 100):
        x = label_width + track * tick / 100
        drawing.add(Line(x, axis_y, x, axis_y - 3, strokeColor=MUTED, strokeWidth=0.4))
        drawing.add(_text(x, axis_y - 10, f"{tick}", 6, colour=MUTED, anchor="middle"))
    return drawing


def _bar(x: float, y: float, width: float, height: float, *, filled: bool) -> Rect:
    """Return a bar's filled part (dark, inked edge) or its empty track (light, ruled edge)."""
    fill, edge = (BAR_FILL, INK) if filled else (TRACK_FILL, RULE)
    return Rect(x, y, width, height, fillColor=fill, strokeColor=edge, strokeWidth=0.4)


def progress_bar(percent: int, width: float = 90, height: float = 8) -> Drawing:
    """Return a small outlined bar filled to `percent`."""
    drawing = _drawing(width, height + 2)
    drawing.add(_bar(0, 1, width, height, filled=False))
    if percent > 0:
        drawing.add(_bar(0, 1, width * min(percent, 100) / 100, height, filled=True))
    return drawing


def _text(
    x: float,
    y: float,
    text: str,
    size: float,
    *,
    bold: bool = False,
    colour: colors.Color = INK,
    anchor: str = "start",
) -> String:
    """Return a string of the embedded face at (x, y)."""
    font = FONT_BOLD if bold else FONT
    return String(x, y, text, fontName=font, fontSize=size, fillColor=colour, textAnchor=anchor)


HEAT_CELL, HEAT_LEFT, HEAT_BOTTOM = 30.0, 78.0, 34.0  # the grid's cell size and its margins


def heat_map(
    counts: Mapping[tuple[int, int], int],
    severity_label: str,
    likelihood_label: str,
    level_names: Sequence[str],
) -> Drawing:
    """Return a 4×4 grid (severity up, likelihood across) with the count in every cell."""
    drawing = _drawing(HEAT_LEFT + 4 * HEAT_CELL + 10, HEAT_BOTTOM + 4 * HEAT_CELL + 8)
    for severity in range(1, 5):
        for likelihood in range(1, 5):
            _heat_cell(drawing, severity, likelihood, counts.get((severity, likelihood), 0))
    _heat_axes(drawing, severity_label, likelihood_label, level_names)
    return drawing


def _heat_cell(drawing: Drawing, severity: int, likelihood: int, count: int) -> None:
    """Draw one cell, shaded by its risk level (1..4), with its count (or a dot for none)."""
    cell = HEAT_CELL
    level = (severity * likelihood + 3) // 4
    x = HEAT_LEFT + (likelihood - 1) * cell
    y = HEAT_BOTTOM + (severity - 1) * cell
    fill = HEAT_SHADES[level]
    drawing.add(Rect(x, y, cell, cell, fillColor=fill, strokeColor=INK, strokeWidth=0.6))
    shown = str(count) if count else "·"
    colour = colors.white if level >= 3 else INK
    drawing.add(
        _text(
            x + cell / 2,
            y + cell / 2 - 4,
            shown,
            10,
            bold=bool(count),
            colour=colour,
            anchor="middle",
        )
    )


def _heat_axes(
    drawing: Drawing, severity_label: str, likelihood_label: str, level_names: Sequence[str]
) -> None:
    """Draw the severity levels up the side, the likelihood levels below, and both titles."""
    cell, left, bottom = HEAT_CELL, HEAT_LEFT, HEAT_BOTTOM
    for index, name in enumerate(level_names[:4]):
        level = f"{index + 1} {_fit(name, 6.5, left - 20)}"
        drawing.add(_text(left - 4, bottom + index * cell + cell / 2 - 3, level, 6.5, anchor="end"))
        across = left + index * cell + cell / 2
        drawing.add(_text(across, bottom - 10, str(index + 1), 6.5, anchor="middle"))
    title = f"{likelihood_label} →"
    drawing.add(
        _text(left + 2 * cell, bottom - 24, title, 7, bold=True, colour=ACCENT, anchor="middle")
    )
    drawing.add(_text(2, bottom + 4 * cell, f"{severity_label} ↑", 7, bold=True, colour=ACCENT))
