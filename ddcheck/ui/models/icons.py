"""Small status dots drawn in code, so item states need no image files."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

from ddcheck.ui.style import current_theme

STATUS_COLOURS = {
    "open": "disabled_ink",
    "answered": "green",
    "gap": "bar_medium",
    "red": "red",
    "na": "bar_none",
    "review": "accent",
}  # status: the theme colour that draws it


def status_icon(status: str) -> QIcon:
    """Return a 12 px dot for an item status in the theme's colour (open is a ring)."""
    return _dot(status, getattr(current_theme(), STATUS_COLOURS.get(status, "disabled_ink")))


@cache
def _dot(status: str, colour_name: str) -> QIcon:
    pixmap = QPixmap(28, 28)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(colour_name)
    rect = QRectF(7, 7, 14, 14)
    if status in ("open", "na"):
        painter.setPen(QPen(colour, 2.4))
        painter.setBrush(Qt.BrushStyle.NoBrush)
    else:
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
    painter.drawEllipse(rect)
    painter.end()
    return QIcon(pixmap)
