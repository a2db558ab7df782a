"""The look: Fusion with the system's colour scheme (light, dark, high contrast) and font size.

The theme (ddcheck.ui.theme) is chosen from what the system asks for; its colours become the
QPalette and fill the style sheet's `@name@` fields, so every colour the app paints comes from one
place. When the system switches between light and dark while the app runs, the look follows.
"""

from __future__ import annotations

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

from ddcheck import paths
from ddcheck.ui.theme import LIGHT, Scheme, Theme, choose_theme

# Font sizes of the style sheet, as multiples of the system's base font size.
FONT_SCALES = {
    "pt_title": 1.7,
    "pt_brand": 1.4,
    "pt_question": 1.3,
    "pt_subtitle": 1.2,
    "pt_large": 1.1,
    "pt_small": 0.9,
}
MIN_POINT_SIZE = 10.0

_current: dict[str, Theme] = {"theme": LIGHT}
_system_palette: dict[str, QPalette] = {}


def current_theme() -> Theme:
    """Return the theme in use (the light one before the app applied its style)."""
    return _current["theme"]


def style_sheet(theme: Theme | None = None, base_points: float = MIN_POINT_SIZE) -> str:
    """Return the app style sheet with the theme's colours and scaled font sizes filled in."""
    try:
        text = (paths.resources_dir() / "style" / "app.qss").read_text(encoding="utf-8")
    except OSError:
        return ""
    fields = dict((theme or current_theme()).colours())
    fields.update({key: f"{base_points * scale:.1f}pt" for key, scale in FONT_SCALES.items()})
    fields["ICONS"] = (paths.resources_dir() / "icons").as_posix()
    for key, value in fields.items():
        text = text.replace(f"@{key}@", value)
    return text


def system_scheme(app: QGuiApplication) -> Scheme:
    """Return the colour scheme the system asks for (light when it does not say)."""
    from PySide6.QtCore import Qt  # the namespace costs ~20 ms: not before the first paint

    scheme = app.styleHints().colorScheme()
    if scheme == Qt.ColorScheme.Dark:
        return "dark"
    if scheme == Qt.ColorScheme.Light:
        return "light"
    return palette_scheme(app)


def palette_scheme(app: QGuiApplication) -> Scheme:
    """Return dark or light by the system palette's window colour (no Qt namespace needed)."""
    window = app.palette().color(QPalette.ColorRole.Window)
    return "dark" if window.lightness() < 128 else "light"


def system_high_contrast(app: QGuiApplication) -> bool:
    """Return whether the system asks for high contrast (Windows contrast themes and the like)."""
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    accessibility = getattr(hints, "accessibility", None)
    preference = getattr(Qt, "ContrastPreference", None)
    if accessibility is None or preference is None:
        return False
    return bool(accessibility().contrastPreference() == preference.HighContrast)


def _system_colours(palette: QPalette) -> tuple[str, str, str, str, str]:
    roles = (
        QPalette.ColorRole.Window,
        QPalette.ColorRole.Base,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.Highlight,
        QPalette.ColorRole.HighlightedText,
    )
    window, base, text, highlight, on_highlight = (palette.color(r).name() for r in roles)
    return window, base, text, highlight, on_highlight


def palette_for(theme: Theme) -> QPalette:
    """Return the QPalette of a theme, so widgets the style sheet leaves alone match it."""
    palette = QPalette()
    roles = {
        QPalette.ColorRole.Window: theme.canvas,
        QPalette.ColorRole.WindowText: theme.ink,
        QPalette.ColorRole.Base: theme.surface,
        QPalette.ColorRole.AlternateBase: theme.surface_alt,
        QPalette.ColorRole.Text: theme.ink,
        QPalette.ColorRole.Button: theme.surface,
        QPalette.ColorRole.ButtonText: theme.ink,
        QPalette.ColorRole.BrightText: theme.strong,
        QPalette.ColorRole.Highlight: theme.accent_fill,
        QPalette.ColorRole.HighlightedText: theme.on_accent,
        QPalette.ColorRole.PlaceholderText: theme.muted,
        QPalette.ColorRole.Link: theme.accent,
        QPalette.ColorRole.ToolTipBase: theme.surface,
        QPalette.ColorRole.ToolTipText: theme.ink,
        QPalette.ColorRole.Mid: theme.field_line,
        QPalette.ColorRole.Midlight: theme.line,
        QPalette.ColorRole.Dark: theme.field_line_hover,
        QPalette.ColorRole.Light: theme.surface,
    }
    for role, colour in roles.items():
        palette.setColor(role, QColor(colour))
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(QPalette.ColorGroup.Disabled, role, QColor(theme.disabled_ink))
    return palette


def apply_style(
    app: QApplication, scheme: Scheme | None = None, high_contrast: bool | None = None
) -> Theme:
    """Give the application the look the system asks for; return the theme chosen."""
    theme = apply_palette(app, scheme, high_contrast)
    apply_font_and_sheet(app)
    return theme


def apply_palette(
    app: QApplication, scheme: Scheme | None = None, high_contrast: bool | None = None
) -> Theme:
    """Set Fusion and the palette of the system's scheme: all a shell window needs to show.

    `scheme` and `high_contrast` default to what the system says; tests and screenshots pass them.
    """
    if app.style().name().casefold() != "fusion":  # creating Fusion again costs ~6 ms at start
        app.setStyle(QStyleFactory.create("Fusion"))
    contrast_high = system_high_contrast(app) if high_contrast is None else high_contrast
    own = _system_palette.setdefault("palette", app.palette())  # a copy, before ours is set
    theme = choose_theme(scheme or system_scheme(app), contrast_high, _system_colours(own))
    _current["theme"] = theme
    app.setPalette(own if theme.kind == "high-contrast" else palette_for(theme))
    return theme


def apply_shell_palette(app: QApplication) -> Theme:
    """Set Fusion and a palette for the empty first window, judged by the system palette alone.

    Asking the system for its scheme and contrast creates the Qt namespace with all its enums
    (about 20 ms); the first window shows only its background, so that waits for `apply_palette`
    right after the first paint.
    """
    return apply_palette(app, palette_scheme(app), high_contrast=False)


def apply_font_and_sheet(app: QApplication) -> None:
    """Follow the system font size (at least 10 pt) and set the style sheet (~10 ms at start)."""
    from PySide6.QtGui import QFont  # its 8 enum classes are not needed before the first paint

    font = QFont(app.font())
    font.setPointSizeF(max(font.pointSizeF(), MIN_POINT_SIZE))
    app.setFont(font)
    app.setStyleSheet(style_sheet(current_theme(), font.pointSizeF()))


def follow_system_scheme(app: QApplication) -> None:
    """Re-apply the look whenever the system switches between light and dark."""

    def switched(_scheme: object) -> None:
        apply_palette(app)
        apply_font_and_sheet(app)

    app.styleHints().colorSchemeChanged.connect(switched)


def repolish(widget: QWidget) -> None:
    """Re-apply the style sheet after a dynamic property changed."""
    widget.style().unpolish(widget)
    widget.style().polish(widget)
