"""The colours of the app, chosen to follow the system: light, dark or high contrast.

Qt-free: the theme is plain data, so its choice and its contrast can be tested without a screen.
`ddcheck.ui.style` turns it into a QPalette and fills the style sheet's `@name@` fields with it.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Literal

Scheme = Literal["light", "dark"]


@dataclass(frozen=True)
class Theme:
    """Every colour the style sheet, the painted charts and the item models use."""

    kind: str
    canvas: str
    surface: str
    surface_alt: str
    ink: str
    strong: str
    muted: str
    subtle_ink: str
    disabled_ink: str
    line: str
    field_line: str
    field_line_hover: str
    hover: str
    pressed: str
    disabled_line: str
    track: str
    greyed: str
    accent: str
    accent_fill: str
    accent_fill_hover: str
    accent_disabled: str
    on_accent: str
    on_accent_disabled: str
    accent_soft: str
    accent_ink: str
    selection: str
    intro_bg: str
    red: str
    on_red: str
    red_soft: str
    red_ink: str
    invalid_bg: str
    amber: str
    amber_soft: str
    amber_ink: str
    notice_bg: str
    notice_line: str
    notice_ink: str
    green: str
    sidebar: str
    sidebar_ink: str
    sidebar_strong: str
    sidebar_muted: str
    sidebar_selected: str
    sidebar_selected_ink: str
    sidebar_hover: str
    sidebar_disabled: str
    heat_low: str
    heat_medium: str
    heat_high: str
    heat_severe: str
    bar_none: str
    bar_medium: str

    @property
    def dark(self) -> bool:
        """Return whether text is light on a dark ground."""
        return luminance(self.surface) < luminance(self.ink)

    def colours(self) -> dict[str, str]:
        """Return every colour by its name (the style sheet's `@name@` fields)."""
        return {f.name: getattr(self, f.name) for f in fields(self) if f.name != "kind"}


LIGHT = Theme(
    kind="light",
    canvas="#f4f6f8",
    surface="#ffffff",
    surface_alt="#f8fafb",
    ink="#1f2933",
    strong="#111a24",
    muted="#5f6b7a",
    subtle_ink="#3d4a5a",
    disabled_ink="#7d8997",
    line="#dde2e8",
    field_line="#c9d1da",
    field_line_hover="#a9b6c4",
    hover="#f0f4f8",
    pressed="#e3e9ef",
    disabled_line="#e1e5ea",
    track="#e7ebf0",
    greyed="#eef1f4",
    accent="#1d5c96",
    accent_fill="#1d5c96",
    accent_fill_hover="#184f82",
    accent_disabled="#9db6cf",
    on_accent="#ffffff",
    on_accent_disabled="#f4f7fa",
    accent_soft="#e6eef7",
    accent_ink="#0f3b63",
    selection="#dce8f5",
    intro_bg="#eef4fa",
    red="#b42318",
    on_red="#ffffff",
    red_soft="#fdecea",
    red_ink="#7a1a12",
    invalid_bg="#fff6f5",
    amber="#a15c07",
    amber_soft="#fdecc8",
    amber_ink="#7a4505",
    notice_bg="#fff7e6",
    notice_line="#f3d9a4",
    notice_ink="#5c3b06",
    green="#2f7d32",
    sidebar="#1b2b3c",
    sidebar_ink="#d8e1ea",
    sidebar_strong="#ffffff",
    sidebar_muted="#9fb0c2",
    sidebar_selected="#2d4866",
    sidebar_selected_ink="#ffffff",
    sidebar_hover="#243a52",
    sidebar_disabled="#8596a8",
    heat_low="#e8f3e9",
    heat_medium="#fdf1d8",
    heat_high="#fbe0c8",
    heat_severe="#f8d4d0",
    bar_none="#c9d1da",
    bar_medium="#d68a00",
)

DARK = Theme(
    kind="dark",
    canvas="#15191e",
    surface="#1e242b",
    surface_alt="#232a32",
    ink="#e3e8ee",
    strong="#f5f7fa",
    muted="#a6b2bf",
    subtle_ink="#c4cdd7",
    disabled_ink="#7f8b98",
    line="#343d47",
    field_line="#4a5562",
    field_line_hover="#64717f",
    hover="#28313a",
    pressed="#2f3944",
    disabled_line="#2b333c",
    track="#313a44",
    greyed="#252c34",
    accent="#7fb4e6",
    accent_fill="#2f6fae",
    accent_fill_hover="#3a7dbf",
    accent_disabled="#2c4258",
    on_accent="#ffffff",
    on_accent_disabled="#9fb0c2",
    accent_soft="#1f3447",
    accent_ink="#cfe4f8",
    selection="#2a4660",
    intro_bg="#1f2d3a",
    red="#f28b82",
    on_red="#2a0d0a",
    red_soft="#3d1f1d",
    red_ink="#ffd7d3",
    invalid_bg="#3a1f1d",
    amber="#f0b45a",
    amber_soft="#3d2e14",
    amber_ink="#ffe2b0",
    notice_bg="#33291a",
    notice_line="#6b5226",
    notice_ink="#ffe2b0",
    green="#81c784",
    sidebar="#10171f",
    sidebar_ink="#d8e1ea",
    sidebar_strong="#ffffff",
    sidebar_muted="#9fb0c2",
    sidebar_selected="#263b52",
    sidebar_selected_ink="#ffffff",
    sidebar_hover="#1c2b3b",
    sidebar_disabled="#7d8ea0",
    heat_low="#24402a",
    heat_medium="#4a3d1c",
    heat_high="#553520",
    heat_severe="#5c2622",
    bar_none="#4a5562",
    bar_medium="#e0a030",
)


def high_contrast(window: str, base: str, text: str, highlight: str, on_highlight: str) -> Theme:
    """Return a theme of the system's own high-contrast colours: no greys, no tints."""
    plain = {f.name: text for f in fields(Theme) if f.name != "kind"}
    grounds = ("canvas", "surface_alt", "greyed", "hover", "pressed", "track", "intro_bg")
    soft = ("accent_soft", "red_soft", "amber_soft", "notice_bg", "invalid_bg")
    for key in (*grounds, *soft, "accent_disabled"):
        plain[key] = window
    plain.update(
        surface=base,
        selection=highlight,
        accent_fill=highlight,
        accent_fill_hover=highlight,
        on_accent=on_highlight,
        on_accent_disabled=text,
        on_red=base,
        sidebar=window,
        sidebar_selected=highlight,
        sidebar_selected_ink=on_highlight,
        sidebar_hover=window,
        heat_low=base,
        heat_medium=base,
        heat_high=base,
        heat_severe=base,
    )
    return Theme(kind="high-contrast", **plain)


def choose_theme(
    scheme: Scheme,
    contrast_high: bool,
    system: tuple[str, str, str, str, str] | None = None,
) -> Theme:
    """Return the theme for the system's scheme; high contrast takes the system's own colours.

    `system` is the system palette's (window, base, text, highlight, highlighted text).
    """
    if contrast_high and system is not None:
        return high_contrast(*system)
    return DARK if scheme == "dark" else LIGHT


def luminance(colour: str) -> float:
    """Return the relative luminance of a #rrggbb colour (WCAG 2.1)."""
    channels = []
    for start in (1, 3, 5):
        value = int(colour[start : start + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(foreground: str, background: str) -> float:
    """Return the WCAG contrast ratio of two #rrggbb colours (1 to 21)."""
    lighter, darker = sorted((luminance(foreground), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def with_colours(theme: Theme, **colours: str) -> Theme:
    """Return `theme` with some colours changed (for tests and previews)."""
    return replace(theme, **colours)
