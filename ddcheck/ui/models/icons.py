"""Small status dots drawn in code, so item states need no image files."""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap

STATUS_COLOURS = {
    "open": "#9aa5b1",
    "answered": "#2f7d32",
    "gap": "#d68a00",
    "red": "#b42318",
    "na": "#c9d1da",
    "review": "#1d5c96",
}


@cache
def status_icon(status: str) -> QIcon:
    """Return a 12 px dot for an item status (open is a ring)."""
    pixmap = QPixmap(28, 28)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    colour = QColor(STATUS_COLOURS.get(status, "#9aa5b1"))
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
