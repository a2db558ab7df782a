"""The look follows the system: light, dark and high contrast, each readable everywhere."""

from __future__ import annotations

import re
from typing import Any

import pytest

from ddcheck.ui.style import style_sheet
from ddcheck.ui.theme import DARK, LIGHT, Theme, choose_theme, contrast

HIGH_CONTRAST_BLACK = choose_theme(
    "dark", True, ("#000000", "#000000", "#ffffff", "#1aebff", "#000000")
)
HIGH_CONTRAST_WHITE = choose_theme(
    "light", True, ("#ffffff", "#ffffff", "#000000", "#37006e", "#ffffff")
)
THEMES = [LIGHT, DARK, HIGH_CONTRAST_BLACK, HIGH_CONTRAST_WHITE]
RULE = re.compile(r"([^{}]+)\{([^}]*)\}")
SIDEBAR = ("nav", "brand", "sidebar")


def _rules(sheet: str) -> list[tuple[str, dict[str, str]]]:
    rules = []
    for selector, body in RULE.findall(re.sub(r"/\*.*?\*/", "", sheet, flags=re.S)):
        props = {}
        for part in body.split(";"):
            if ":" in part:
                key, value = part.split(":", 1)
                props[key.strip()] = value.strip()
        rules.append((selector.strip(), props))
    return rules


def _grounds(theme: Theme, selector: str) -> list[str]:
    """Return what a rule's text may be drawn on when the rule sets no background."""
    if any(word in selector for word in SIDEBAR):
        return [theme.sidebar]
    return [theme.surface, theme.canvas]


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.kind + t.surface)
def test_every_text_colour_of_the_style_sheet_is_readable_on_its_ground(theme: Theme) -> None:
    problems = []
    for selector, props in _rules(style_sheet(theme)):
        ink = props.get("color")
        if not ink or "disabled" in selector or "-off" in selector or "separator" in selector:
            continue  # disabled controls are exempt from WCAG contrast (1.4.3)
        background = props.get("background") or props.get("background-color")
        grounds = (
            [background] if background and background.startswith("#") else _grounds(theme, selector)
        )
        for ground in grounds:
            ratio = contrast(ink, ground)
            if ratio < 4.5:
                problems.append(f"{selector}: {ink} on {ground} = {ratio:.2f}")
    assert problems == []


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.kind + t.surface)
def test_status_colours_drawn_as_text_in_tables_are_readable(theme: Theme) -> None:
    for name in ("ink", "muted", "red", "amber", "green", "accent", "subtle_ink"):
        assert contrast(getattr(theme, name), theme.surface) >= 4.5, name
    for name in ("disabled_ink", "bar_medium", "bar_none"):  # dots and disabled text
        assert contrast(getattr(theme, name), theme.surface) >= 1.5, name


def test_the_app_takes_the_dark_palette_and_sheet_when_the_system_is_dark(qtbot: Any) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from ddcheck.ui.style import apply_style, current_theme

    app = QApplication.instance()
    before = (app.palette(), app.styleSheet())
    try:
        theme = apply_style(app, scheme="dark", high_contrast=False)
        assert theme is DARK and current_theme() is DARK
        window = app.palette().color(QPalette.ColorRole.Window)
        text = app.palette().color(QPalette.ColorRole.WindowText)
        assert window.lightness() < 60 < 200 < text.lightness()
        assert DARK.surface in app.styleSheet() and LIGHT.canvas not in app.styleSheet()
        assert (
            re.findall(r"@[a-z_]+@", re.sub(r"/\*.*?\*/", "", app.styleSheet(), flags=re.S)) == []
        )
        assert apply_style(app, scheme="light", high_contrast=False) is LIGHT
    finally:
        app.setPalette(before[0])
        app.setStyleSheet(before[1])


def test_high_contrast_keeps_the_systems_own_colours(qtbot: Any) -> None:
    theme = HIGH_CONTRAST_BLACK
    assert (theme.surface, theme.ink, theme.line, theme.muted) == (
        "#000000",
        "#ffffff",
        "#ffffff",
        "#ffffff",
    )
    assert theme.selection == "#1aebff"


def test_font_sizes_follow_the_system_font() -> None:
    small = style_sheet(LIGHT, 10.0)
    large = style_sheet(LIGHT, 20.0)
    assert "font-size: 17.0pt" in small and "font-size: 34.0pt" in large


def test_the_ui_code_paints_no_raw_colours() -> None:
    """Every colour comes from the theme (ddcheck/ui/theme.py), so dark and high contrast hold."""
    import re
    from pathlib import Path

    ui = Path(__file__).resolve().parents[2] / "ddcheck" / "ui"
    literal = re.compile(r"#[0-9a-fA-F]{6}\b|#[0-9a-fA-F]{3}\b|GlobalColor\.(?!transparent)\w+")
    found = [
        f"{path.name}: {match.group(0)}"
        for path in sorted(ui.rglob("*.py"))
        if path.name != "theme.py"
        for match in literal.finditer(path.read_text(encoding="utf-8"))
    ]
    assert not found, found


def test_an_unreadable_number_is_marked_in_the_themes_red(qtbot: Any) -> None:
    from ddcheck.domain.scales import AnswerScale
    from ddcheck.ui.style import style_sheet
    from ddcheck.ui.theme import DARK
    from ddcheck.ui.widgets.answer_editor import AnswerEditor

    scale = AnswerScale(id="n", kind="number", label={"nl": "Getal", "en": "Number"})
    editor = AnswerEditor(scale, "nl")
    qtbot.addWidget(editor)
    editor._line.setText("twaalf")
    editor._emit_typed()
    assert editor._line.property("invalid") is True and not editor._line.styleSheet()
    assert f'QLineEdit[invalid="true"] {{ border-color: {DARK.red};' in style_sheet(DARK)
