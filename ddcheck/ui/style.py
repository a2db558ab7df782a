"""The look: Fusion, a light palette, the app style sheet and the default font size."""

from __future__ import annotations

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from ddcheck import paths

RED = "#b42318"
AMBER = "#a15c07"
GREEN = "#2f7d32"
ACCENT = "#1d5c96"
MUTED = "#5f6b7a"


def style_sheet() -> str:
    """Return the app style sheet text (empty when the file is missing)."""
    try:
        text = (paths.resources_dir() / "style" / "app.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
    icons = (paths.resources_dir() / "icons").as_posix()
    return text.replace("@ICONS@", icons)


def apply_style(app: QApplication) -> None:
    """Give the application its calm light look on every platform."""
    apply_palette(app)
    apply_font_and_sheet(app)


def apply_palette(app: QApplication) -> None:
    """Set Fusion and the light palette: all a shell window needs to show its background."""
    if app.style().name().casefold() != "fusion":  # creating Fusion again costs ~6 ms at start
        app.setStyle(QStyleFactory.create("Fusion"))
    palette = QPalette()
    palette.setColor(QPalette.ColorRole.Window, QColor("#f4f6f8"))
    palette.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#f8fafb"))
    palette.setColor(QPalette.ColorRole.Text, QColor("#1f2933"))
    palette.setColor(QPalette.ColorRole.WindowText, QColor("#1f2933"))
    palette.setColor(QPalette.ColorRole.Button, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor("#1f2933"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a96a3"))
    palette.setColor(QPalette.ColorRole.Link, QColor(ACCENT))
    palette.setColor(QPalette.ColorRole.ToolTipBase, QColor("#ffffff"))
    palette.setColor(QPalette.ColorRole.ToolTipText, QColor("#1f2933"))
    app.setPalette(palette)


def apply_font_and_sheet(app: QApplication) -> None:
    """Set the default font size and the app style sheet (parsing it costs ~10 ms at start)."""
    from PySide6.QtGui import QFont  # its 8 enum classes are not needed before the first paint

    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), 10.0))
    app.setFont(font)
    app.setStyleSheet(style_sheet())


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
