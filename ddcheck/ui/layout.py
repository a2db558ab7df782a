"""Layout helpers and spacing constants so pages share one rhythm."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QTableView,
    QVBoxLayout,
    QWidget,
)

MARGIN = 24
SPACING = 12
TIGHT = 6


def vbox(
    *children: QWidget | QLayout | int | None, margin: int = 0, spacing: int = SPACING
) -> QVBoxLayout:
    """Return a vertical layout of `children` (an int adds stretch)."""
    return _fill(QVBoxLayout(), children, margin, spacing)  # type: ignore[return-value]


def hbox(
    *children: QWidget | QLayout | int | None, margin: int = 0, spacing: int = SPACING
) -> QHBoxLayout:
    """Return a horizontal layout of `children` (an int adds stretch)."""
    return _fill(QHBoxLayout(), children, margin, spacing)  # type: ignore[return-value]


def _fill(
    layout: QBoxLayout,
    children: tuple[QWidget | QLayout | int | None, ...],
    margin: int,
    spacing: int,
) -> QBoxLayout:
    layout.setContentsMargins(margin, margin, margin, margin)
    layout.setSpacing(spacing)
    for child in children:
        if child is None:
            continue
        if isinstance(child, int):
            layout.addStretch(child)
        elif isinstance(child, QLayout):
            layout.addLayout(child)
        else:
            layout.addWidget(child)
    return layout


def label(
    text: str = "", role: str = "", wrap: bool = False, parent: QWidget | None = None
) -> QLabel:
    """Return a label; `role` names its style in the style sheet (title, subtitle, muted...)."""
    widget = QLabel(text, parent)
    if role:
        widget.setProperty("role", role)
    widget.setWordWrap(wrap)
    if wrap:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def read_only_table(parent: QWidget, model: QAbstractItemModel, row_height: int) -> QTableView:
    """Return a table showing `model` row by row: one whole row selected, nothing edited."""
    table = QTableView(parent)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setShowGrid(False)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(row_height)
    align = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
    table.horizontalHeader().setDefaultAlignment(align)
    return table


def card(parent: QWidget | None = None) -> QFrame:
    """Return a white panel with a soft border."""
    frame = QFrame(parent)
    frame.setProperty("role", "card")
    return frame


def separator() -> QFrame:
    """Return a thin horizontal line."""
    line = QFrame()
    line.setFrameShape(QFrame.Shape.HLine)
    line.setProperty("role", "separator")
    return line
