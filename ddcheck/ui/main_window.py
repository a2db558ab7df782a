"""The main window: a sidebar of pages, a header with the dossier and its saved state, menus.

At start the window is shown as an empty shell first and filled right after its first paint, so
this module imports little at the top: PySide6 creates a class's enums when the class is first
touched (~0.3 ms each; `Qt` alone ~100 of them), so `Qt`, the widgets and the pages load in build().
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from ddcheck import paths
from ddcheck.ui.context import AppContext
from ddcheck.ui.i18n import tr
from ddcheck.ui.pages.page import Page
from ddcheck.ui.side_pages import OWN_PAGES, SidePages

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QCloseEvent

    from ddcheck.ui.pages.dossiers import DossiersPage
    from ddcheck.ui.session import DossierSession

log = logging.getLogger(__name__)

PAGE_DOSSIERS, PAGE_CHECKLIST, PAGE_OVERVIEW, PAGE_ACTIONS, PAGE_HISTORY = range(OWN_PAGES)
DOSSIER_PAGES = (PAGE_CHECKLIST, PAGE_OVERVIEW, PAGE_ACTIONS, PAGE_HISTORY)  # the open dossier's


def page_titles() -> list[str]:
    """Return the titles of the own dossier's pages, in their order (sidebar, Go menu, header)."""
    return [tr("Dossiers"), tr("Checklist"), tr("Overview"), tr("Action plan"), tr("History")]


def first_run_size(available_width: int, available_height: int) -> tuple[int, int]:
    """Return the first window size: 1280×800, shrunk to fit a smaller screen with a margin."""
    return min(1280, available_width * 92 // 100), min(800, available_height * 92 // 100)


class MainWindow(SidePages, QMainWindow):
    """Pages in a stack, chosen in the sidebar; the dossier commands live in the controller."""

    languageChangeRequested = Signal(str)
    sidePageLeft = Signal()  # an own page was chosen while another part's page was shown

    def __init__(
        self,
        ctx: AppContext,
        import_available: bool = False,
        parent: QWidget | None = None,
        *,
        shell: bool = False,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.session: DossierSession | None = None
        self.controller: object | None = None  # the Controller that drives it (kept alive here)
        self.built = False
        self._init_side_pages()
        self.setWindowTitle("ddcheck")
        self.setMinimumSize(900, 560)  # fits a 1366×768 screen at 125 % (1093×614 logical)
        if not shell:  # a shell shows only the window's background colour, as a bare QMainWindow
            self.build(import_available)

    def build(self, import_available: bool = False) -> None:
        """Fill the window: sidebar, header, pages and menus (a shell gets them after showing)."""
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import (
            QFrame,
            QListWidget,
            QListWidgetItem,
            QPushButton,
            QStackedWidget,
        )

        from ddcheck.ui.accessibility import named
        from ddcheck.ui.layout import SPACING, hbox, label, vbox
        from ddcheck.ui.pages.dossiers import DossiersPage

        self.nav = QListWidget(self)
        self.nav.setProperty("role", "nav")
        self.nav.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        named(self.nav, tr("Pages"), tr("Choose a page of the open dossier"))
        for text in page_titles():
            self.nav.addItem(QListWidgetItem(text))
        self.nav.currentRowChanged.connect(self._nav_changed)
        self.dossier_label = label("", "sidebar-muted", wrap=True)
        brand = label("ddcheck", "brand")
        logo = paths.resources_dir() / "icons" / "app" / "ddcheck-64.png"
        if logo.is_file():
            brand.setText(
                f'<img src="{logo.as_posix()}" width="26" height="26" '
                'style="vertical-align:middle">&nbsp; ddcheck'
            )
        sidebar = QFrame(self)
        sidebar.setProperty("role", "sidebar")
        sidebar.setFixedWidth(220)
        sidebar.setLayout(vbox(brand, self.dossier_label, self.nav, 1, margin=0, spacing=SPACING))
        self.sidebar = sidebar
        self._factories: dict[int, Callable[[], QWidget]] = {}
        self.pages = QStackedWidget(self)
        self.dossiers: DossiersPage = DossiersPage(import_available, self)
        self.pages.addWidget(self.dossiers)
        for _ in DOSSIER_PAGES:
            self.pages.addWidget(QWidget(self))
        self.title = label("", "subtitle")
        self.saved = label("", "saved")
        self.export_button = QPushButton(tr("Export PDF…"), self)
        self.export_button.setProperty("role", "primary")
        header = QFrame(self)
        header.setProperty("role", "header")
        header.setLayout(
            hbox(self.title, 1, self.saved, self.export_button, margin=SPACING, spacing=SPACING)
        )
        self.header = header
        body = QWidget(self)
        body.setLayout(vbox(header, self.pages, spacing=0))
        central = QWidget(self)
        central.setLayout(hbox(sidebar, body, spacing=0))
        self.setCentralWidget(central)
        self._build_menus()
        self.pages.currentChanged.connect(self._undo_state)  # undo follows the page shown
        self.built = True
        self.set_session(None)

    # ------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        from PySide6.QtGui import QAction, QKeySequence
        from PySide6.QtWidgets import QApplication

        menu = self.menuBar()
        file_menu = menu.addMenu(tr("&File"))
        self.file_menu = file_menu
        self.new_action = self._action(tr("&New dossier…"), QKeySequence.StandardKey.New)
        self.demo_action = self._action(tr("Open the &demo dossier"))
        self.import_action = self._action(tr("&Import…"), "Ctrl+I")
        self.export_action = self._action(tr("&Export PDF…"), "Ctrl+E")
        self.handout_action = self._action(tr("&Hand out sections…"))
        self.settings_action = self._action(tr("&Settings…"), QKeySequence.StandardKey.Preferences)
        self.quit_action = self._action(tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.quit_action.triggered.connect(self.close)
        for action in (
            self.new_action,
            self.demo_action,
            self.import_action,
            None,
            self.export_action,
            self.handout_action,
            None,
            self.settings_action,
            None,
            self.quit_action,
        ):
            if action is None:
                file_menu.addSeparator()
            else:
                file_menu.addAction(action)
        edit_menu = menu.addMenu(tr("&Edit"))
        self.undo_action = self._action(tr("&Undo"), QKeySequence.StandardKey.Undo)
        self.redo_action = self._action(tr("&Redo"), QKeySequence.StandardKey.Redo)
        self.undo_action.triggered.connect(self.undo)
        self.redo_action.triggered.connect(self.redo)
        self.find_action = self._action(tr("&Find item…"), QKeySequence.StandardKey.Find)
        self.find_action.triggered.connect(self._find)
        for action in (self.undo_action, self.redo_action, self.find_action):
            edit_menu.addAction(action)
        go_menu = menu.addMenu(tr("&Go"))
        self.go_actions: list[QAction] = []
        for row, text in enumerate(page_titles()):
            action = self._action(text, f"Ctrl+{row + 1}")
            action.triggered.connect(lambda _c=False, r=row: self.show_page(r))
            go_menu.addAction(action)
            self.go_actions.append(action)
        help_menu = menu.addMenu(tr("&Help"))
        self.glossary_action = self._action(tr("&Glossary"), "F1")
        help_menu.addAction(self.glossary_action)
        self.about_action = self._action(tr("&About ddcheck"))
        self.about_qt_action = self._action(tr("About &Qt"))
        self.about_qt_action.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(self.about_action)
        help_menu.addAction(self.about_qt_action)
        # macOS moves these to the application menu by role, not by guessing from the (Dutch) text.
        for action, role in (
            (self.settings_action, QAction.MenuRole.PreferencesRole),
            (self.quit_action, QAction.MenuRole.QuitRole),
            (self.about_action, QAction.MenuRole.AboutRole),
            (self.about_qt_action, QAction.MenuRole.AboutQtRole),
        ):
            action.setMenuRole(role)

    def _action(self, text: str, keys: Any = None) -> QAction:
        from PySide6.QtGui import QAction, QKeySequence

        action = QAction(text, self)
        action.setMenuRole(QAction.MenuRole.NoRole)  # no guessing from the text; see _build_menus
        if keys is not None:
            action.setShortcut(QKeySequence(keys))
        self.addAction(action)
        return action

    # ------------------------------------------------------------ pages
    def set_session(
        self,
        session: DossierSession | None,
        pages: dict[int, QWidget | Callable[[], QWidget]] | None = None,
    ) -> None:
        """Show a dossier's pages (or none); a page given as a factory is built when first shown."""
        from PySide6.QtCore import Qt

        self.session = session
        self._factories = {}
        for row in DOSSIER_PAGES:
            given = (pages or {}).get(row)
            if callable(given) and not isinstance(given, QWidget):
                self._factories[row] = given
                given = None
            self._replace_page(row, given or QWidget(self))
            item = self.nav.item(row)
            enabled = session is not None
            item.setFlags(
                Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                if enabled
                else Qt.ItemFlag.NoItemFlags
            )
            self.go_actions[row].setEnabled(enabled)
        self.export_button.setVisible(session is not None)
        self.export_action.setEnabled(session is not None)
        self.handout_action.setEnabled(session is not None)
        if session is not None:
            session.savedStateChanged.connect(self.show_saved_state)
            self.watch_undo_stack(session.undo_stack)
            self._own_label = session.dossier.title
            self.setWindowTitle(f"{session.dossier.title} — ddcheck")
            self.show_saved_state("saved", tr("All changes saved"))
            self._own_saved = None  # this state stays when an own page is chosen
        else:
            self._own_label = tr("No dossier open")
            self.setWindowTitle("ddcheck")
            self.saved.setText("")
        if self.side_page() is None:
            self._show_opened("")
        self._undo_state()

    def page(self, row: int) -> QWidget:
        """Return the page widget at `row` (building it now if it was deferred)."""
        factory = self._factories.pop(row, None)
        if factory is not None:
            self._replace_page(row, factory())
            self.restore_splitters()
        page = self.pages.widget(row)
        assert page is not None, f"no page {row}"
        return page

    def _replace_page(self, row: int, new: QWidget) -> None:
        old = self.pages.widget(row)
        self.pages.insertWidget(row, new)
        if old is not None:
            self.pages.removeWidget(old)
            old.deleteLater()

    def _dossier_page(self, row: int) -> Page | None:
        """Return the open dossier's page at `row` (None while it is a placeholder)."""
        page = self.pages.widget(row)
        return page if isinstance(page, Page) else None

    def show_page(self, row: int) -> None:
        """Switch to a page."""
        if row != PAGE_DOSSIERS and self.session is None:
            return
        self.nav.setCurrentRow(row)

    def current_page(self) -> int:
        """Return the row of the page shown."""
        return self.pages.currentIndex()

    def _nav_changed(self, row: int) -> None:
        if row < 0:
            return
        self.flush()
        self._leave_side_page()
        page = self.page(row)
        self.pages.setCurrentIndex(row)
        if isinstance(page, Page):
            page.on_shown()
        self.title.setText(page_titles()[row])

    def _find(self) -> None:
        if self.session is None:
            self.show_page(PAGE_DOSSIERS)
            self.dossiers.list.search.setFocus()
            return
        self.show_page(PAGE_CHECKLIST)
        page = self.page(PAGE_CHECKLIST)
        if isinstance(page, Page):
            page.focus_find()

    # ------------------------------------------------------------ saved state, undo
    def show_saved_state(self, state: str, text: str) -> None:
        """Show whether everything is saved."""
        from ddcheck.ui.style import repolish

        self.saved.setText(text)
        self.saved.setProperty("role", {"saved": "saved", "saving": "saving"}.get(state, "error"))
        repolish(self.saved)

    def undo_stack(self) -> Any:
        """Return the undo stack of what is shown: a received review or the own dossier."""
        page = self.side_page()
        if page is not None:  # another part's page: the stack it gave
            stack = self._side_stacks.get(page)
        else:
            stack = self.session.undo_stack if self.session else None
        return stack if stack is not None and shiboken6.isValid(stack) else None

    def watch_undo_stack(self, stack: Any) -> None:
        """Keep Undo and Redo in the Edit menu in step with `stack`."""
        stack.canUndoChanged.connect(self._undo_state)
        stack.canRedoChanged.connect(self._undo_state)
        stack.indexChanged.connect(self._undo_state)

    def _undo_state(self, *_args: object) -> None:
        stack = self.undo_stack()
        can_undo, can_redo = bool(stack and stack.canUndo()), bool(stack and stack.canRedo())
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)
        self.undo_action.setText(tr("&Undo") + (f": {stack.undoText()}" if can_undo else ""))
        self.redo_action.setText(tr("&Redo") + (f": {stack.redoText()}" if can_redo else ""))

    def flush(self) -> None:
        """Save text still being typed on every page (the own dossier's and the others')."""
        for row in DOSSIER_PAGES:
            page = self._dossier_page(row)
            if page is not None:
                page.flush()
        for side in self._side_stacks:
            flush = getattr(side, "flush", None) if shiboken6.isValid(side) else None
            if flush is not None:
                flush()

    def undo(self) -> None:
        """Undo the last change of what is shown (text being typed is saved first)."""
        page = self.pages.currentWidget()
        if page is None or self.pages.indexOf(page) <= PAGE_HISTORY:
            self.flush()  # the own dossier's pages: a note may be typed on another one
        else:  # a page of the adviser's side (not a dossier Page; its contract is its own)
            flush = getattr(page, "flush", None)
            if flush is not None:
                flush()
        stack = self.undo_stack()
        if stack is not None:
            stack.undo()

    def redo(self) -> None:
        """Redo the last undone change of what is shown."""
        stack = self.undo_stack()
        if stack is not None:
            stack.redo()

    # ------------------------------------------------------------ window state
    def restore_state(self) -> None:
        """Restore the window geometry and splitters."""
        geometry = self.ctx.settings.bytes_value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            area = self.screen().availableGeometry()
            width, height = first_run_size(area.width(), area.height())
            self.setGeometry(
                area.x() + (area.width() - width) // 2,
                area.y() + (area.height() - height) // 2,
                width,
                height,
            )
        if self.built:
            self.restore_splitters()

    def restore_splitters(self) -> None:
        """Restore the sizes of every named splitter."""
        from PySide6.QtWidgets import QSplitter

        for splitter in self.findChildren(QSplitter):
            if splitter.objectName():
                state = self.ctx.settings.bytes_value(f"splitters/{splitter.objectName()}")
                if state is not None:
                    splitter.restoreState(state)

    def save_state(self) -> None:
        """Remember the window geometry, splitters and open dossier."""
        from PySide6.QtWidgets import QSplitter

        settings = self.ctx.settings
        settings.set_bytes_value("window/geometry", self.saveGeometry())
        for splitter in self.findChildren(QSplitter):
            if splitter.objectName():
                settings.set_bytes_value(f"splitters/{splitter.objectName()}", splitter.saveState())
        settings.set_last_dossier(self.session.dossier_id if self.session else None)
        settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        """Save typed text and window state; nothing asks to save."""
        if self.built:
            self.flush()
        self.save_state()
        super().closeEvent(event)
