"""The page contract: what the main window calls on a page of the open dossier."""

from __future__ import annotations


class Page:
    """A page of the open dossier (checklist, overview, action plan, history) in the window's stack.

    Mixed into the page's Qt widget class (`class OverviewPage(QScrollArea, Page)`). The main
    window calls these three, and nothing else; a page overrides the ones it needs.
    """

    def on_shown(self) -> None:
        """Bring what the page shows up to date; called each time the page is shown."""

    def flush(self) -> None:
        """Save text still being typed (before another page, undo, export or closing)."""

    def focus_find(self) -> None:
        """Put the keyboard in the page's search field (a page without one does nothing)."""
