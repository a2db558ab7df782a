"""Accessible names and descriptions: what a screen reader says for each interactive widget."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)

W = TypeVar("W", bound=QWidget)

INTERACTIVE = (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)

# Parts of another control that a screen reader announces through their owner: a scroll bar as
# the scroll area's "scroll bar", a table header by its section titles, a spin box's inner editor
# by the spin box's name.
_SUBCONTROL_TYPES = (QScrollBar, QHeaderView)
_SUBCONTROL_NAMES = frozenset({"qt_spinbox_lineedit", "qt_scrollarea_viewport"})


def named(widget: W, text: str, description: str = "") -> W:
    """Give `widget` the accessible name `text` (and a description); return it."""
    widget.setAccessibleName(text)
    if description:
        widget.setAccessibleDescription(description)
    return widget


def spoken_name(widget: QWidget) -> str:
    """Return the name assistive technology reads for `widget` (its own or derived by Qt)."""
    interface = QAccessible.queryAccessibleInterface(widget)
    if interface is None or not interface.isValid():
        return widget.accessibleName()
    return interface.text(QAccessible.Text.Name) or ""


def is_interactive(widget: QWidget) -> bool:
    """Return whether `widget` takes input or focus on its own (not as part of another control)."""
    if isinstance(widget, _SUBCONTROL_TYPES) or widget.objectName() in _SUBCONTROL_NAMES:
        return False
    if isinstance(widget, INTERACTIVE):
        return True
    return bool(widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value)


def unnamed_widgets(root: QWidget) -> list[QWidget]:
    """Return the shown interactive widgets under `root` (itself included) without a spoken name."""
    widgets = [root, *root.findChildren(QWidget)]
    return [
        widget
        for widget in widgets
        if (widget is root or widget.isVisibleTo(root))
        and is_interactive(widget)
        and not spoken_name(widget).strip()
    ]


def describe(widget: QWidget) -> str:
    """Return a short line naming `widget` and where it sits, for a test's failure message."""
    owners: list[str] = []
    parent = widget.parentWidget()
    while parent is not None and len(owners) < 3:
        owners.append(type(parent).__name__)
        parent = parent.parentWidget()
    return f"{type(widget).__name__} in {' < '.join(owners)}"
