"""The places the main window offers other parts of the app (the adviser's side): a sidebar
section, File menu actions, and pages shown beside the own dossier's, with their undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6

if TYPE_CHECKING:
    from PySide6.QtGui import QAction
    from PySide6.QtWidgets import (
        QFrame,
        QLabel,
        QListWidget,
        QMenu,
        QPushButton,
        QStackedWidget,
        QWidget,
    )

OWN_PAGES = 5  # the own pages (dossiers and the open dossier's four) come first in the stack


class SidePages:
    """MainWindow's hooks for other parts: they never reach into its widgets or menus."""

    if TYPE_CHECKING:  # what MainWindow provides
        pages: QStackedWidget
        nav: QListWidget
        sidebar: QFrame
        file_menu: QMenu
        import_action: QAction
        saved: QLabel
        title: QLabel
        export_button: QPushButton
        dossier_label: QLabel
        session: Any
        sidePageLeft: Any  # a Signal of MainWindow

        def flush(self) -> None: ...
        def watch_undo_stack(self, stack: Any) -> None: ...
        def _undo_state(self, *_args: object) -> None: ...
        def show_saved_state(self, state: str, text: str) -> None: ...

    def _init_side_pages(self) -> None:
        self._side_stacks: dict[QWidget, Any] = {}  # another part's page -> its undo stack
        self._own_saved: tuple[str, Any] | None = None  # the saved state hidden by a side page
        self._file_hooks: list[QAction] = []
        self._own_label = ""

    def side_page(self) -> QWidget | None:
        """Return the page of another part of the app shown (None: an own page is shown)."""
        page = self.pages.currentWidget()
        return page if page is not None and self.pages.indexOf(page) >= OWN_PAGES else None

    def _show_opened(self, text: str, tip: str = "") -> None:
        """Say in the sidebar what is open: `text`, or the own dossier (or that none is)."""
        shown = text or self._own_label
        self.dossier_label.setText(shown)
        self.dossier_label.setToolTip(tip or shown)  # wrapped, yet a long word may not fit

    def add_sidebar_section(self, section: QWidget) -> None:
        """Put a section under the pages in the sidebar (the adviser's received dossiers); it
        takes the room below the pages, which keep the height of their rows."""
        from PySide6.QtWidgets import QBoxLayout

        layout = self.sidebar.layout()
        assert isinstance(layout, QBoxLayout)
        layout.insertWidget(layout.indexOf(self.nav) + 1, section, 1)
        layout.setStretchFactor(self.nav, 0)
        rows = self.nav.count()
        self.nav.setFixedHeight(sum(self.nav.sizeHintForRow(r) for r in range(rows)) + 4 * rows + 8)

    def add_file_action(
        self, text: str, slot: Callable[[], Any], after: QAction | None = None
    ) -> QAction:
        """Add an action to the File menu after `after` (default: after the last one added this
        way, else after Import…) and return it."""
        from PySide6.QtGui import QAction

        action = QAction(text, self.file_menu)
        action.setMenuRole(QAction.MenuRole.NoRole)
        action.triggered.connect(lambda _checked=False: slot())
        anchor = after or (self._file_hooks[-1] if self._file_hooks else self.import_action)
        actions = self.file_menu.actions()
        at = actions.index(anchor) + 1
        if at < len(actions):
            self.file_menu.insertAction(actions[at], action)
        else:
            self.file_menu.addAction(action)
        self._file_hooks.append(action)
        return action

    def show_side_page(
        self,
        page: QWidget,
        title: str,
        opened: str = "",
        undo_stack: Any = None,
        opened_tip: str = "",
    ) -> None:
        """Show a page of another part of the app (the adviser's) while the own dossier stays
        open: `opened` says in the sidebar what it shows (`opened_tip` in full), Edit › Undo
        follows `undo_stack`."""
        self.flush()
        if self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)
        if self._side_stacks.get(page) is not undo_stack and undo_stack is not None:
            self.watch_undo_stack(undo_stack)
        self._side_stacks[page] = undo_stack
        if self._own_saved is None:
            self._own_saved = (self.saved.text(), self.saved.property("role"))
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(-1)
        self.nav.blockSignals(False)
        self.pages.setCurrentWidget(page)
        self.title.setText(title)
        self.export_button.setVisible(False)
        self.saved.setText("")
        self._show_opened(opened, opened_tip)
        self._undo_state()

    def remove_side_page(self, page: QWidget) -> None:
        """Take another part's page out of the window (it is deleted later)."""
        self._side_stacks.pop(page, None)
        if shiboken6.isValid(page):
            self.pages.removeWidget(page)
            page.hide()
            page.deleteLater()

    def _leave_side_page(self) -> None:
        """Show the own dossier's state again when an own page is chosen over a side page."""
        if self._own_saved is not None:
            text, role = self._own_saved
            self._own_saved = None
            self.show_saved_state(role or "saved", text)
        if self.side_page() is not None:
            self.export_button.setVisible(self.session is not None)
            self._show_opened("")
            self.sidePageLeft.emit()
