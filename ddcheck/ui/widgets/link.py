"""A wrapping text link: a label that behaves like a link button and never forces its width."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ddcheck.ui.style import current_theme


class LinkLabel(QLabel):
    """Show `text` as a link that wraps; emits `clicked` on mouse or keyboard activation."""

    clicked = Signal()

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.linkActivated.connect(lambda _href: self.clicked.emit())
        self.set_link_text(text)

    def set_link_text(self, text: str) -> None:
        """Show a new link text (plain text, never markup)."""
        self.plain = text
        colour = current_theme().accent
        self.setText(f'<a href="#" style="color:{colour}; text-decoration:none">{escape(text)}</a>')

    def click(self) -> None:
        """Activate the link as a click would."""
        self.clicked.emit()
