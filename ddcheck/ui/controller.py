"""Wire the main window to the workspace: the open dossier and its pages, export, language."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from ddcheck.ui import i18n
from ddcheck.ui.context import AppContext
from ddcheck.ui.dossier_commands import DossierCommands
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import Language, tr
from ddcheck.ui.main_window import (
    DOSSIER_PAGES,
    PAGE_ACTIONS,
    PAGE_CHECKLIST,
    PAGE_DOSSIERS,
    PAGE_HISTORY,
    PAGE_OVERVIEW,
    MainWindow,
)

if TYPE_CHECKING:  # the dossier pages pull in the domain; they load when a dossier opens
    from ddcheck.services.port import WorkspacePort
    from ddcheck.ui.dialogs.export_dialog import ExportDialog
    from ddcheck.ui.receiving import Outcome
    from ddcheck.ui.session import DossierSession, SessionUpdate

log = logging.getLogger(__name__)


class Controller(QObject):
    """Own the main window and the open dossier; rebuild the window when the language changes."""

    def __init__(
        self,
        ctx: AppContext,
        apply_language: Callable[[Language], None],
        import_available: bool = False,
        shell: MainWindow | None = None,
    ) -> None:
        super().__init__()
        self.ctx = ctx
        self.apply_language = apply_language
        self.import_available = import_available
        # lists the dossiers again after a burst of saves; it lives as long as the controller
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self._refresh_if_open)
        self.commands = DossierCommands(ctx, self)
        self.window: MainWindow = self._build_window(shell)
        self.session: DossierSession | None = None

    # ------------------------------------------------------------ window
    def _build_window(self, shell: MainWindow | None = None) -> MainWindow:
        """Build the main window, or fill the shell window that is already on screen."""
        if shell is None:
            window = MainWindow(self.ctx, self.import_available)
        else:
            window = shell
            window.build(self.import_available)
        window.controller = self  # keep the controller alive with its window
        lst = window.dossiers.list
        welcome = window.dossiers.welcome
        window.new_action.triggered.connect(self.commands.new_dossier)
        window.demo_action.triggered.connect(self.commands.open_demo)
        window.import_action.triggered.connect(self.import_file)
        window.export_action.triggered.connect(self.export)
        window.handout_action.triggered.connect(self.hand_out)
        window.export_button.clicked.connect(self.export)
        window.settings_action.triggered.connect(self.settings)
        window.about_action.triggered.connect(self.about)
        window.glossary_action.triggered.connect(self.glossary)
        welcome.new_button.clicked.connect(self.commands.new_dossier)
        welcome.demo_button.clicked.connect(self.commands.open_demo)
        welcome.import_button.clicked.connect(self.import_file)
        lst.newRequested.connect(self.commands.new_dossier)
        lst.openRequested.connect(self.open_dossier)
        lst.renameRequested.connect(self.commands.rename)
        lst.duplicateRequested.connect(self.commands.duplicate)
        lst.deleteRequested.connect(self.commands.delete)
        lst.trashRequested.connect(self.commands.trash)
        from ddcheck.ui.adviser import AdviserSide
        from ddcheck.ui.security import SecurityActions

        self.security = SecurityActions(self.ctx, window, self._reload_after_travel)
        self.adviser = AdviserSide(self.ctx, window, window)
        self.adviser.receiver.finished.connect(self._imported)
        self.adviser.receiver.missionImported.connect(self.commands.start_from_mission)
        from ddcheck.ui.mission_sync import MissionSync

        self.mission_sync = MissionSync(self.ctx, window, self.adviser)
        return window

    def start(self) -> MainWindow:
        """Show the window and fill it from the workspace (which is already open)."""
        self.show_shell()
        self.attach(self.ctx.attached_workspace())
        return self.window

    def show_shell(self) -> MainWindow:
        """Show the window at its remembered size, before the workspace opens; a shell stays put."""
        if self.window.isVisible():
            self.window.restore_splitters()
        else:
            self.window.restore_state()
        self.window.show_page(PAGE_DOSSIERS)
        self.window.dossiers.show_loading()
        self.window.show()
        return self.window

    def attach(self, workspace: WorkspacePort) -> None:
        """Use the opened workspace: list its dossiers and reopen the last one."""
        self.ctx.workspace = workspace
        self.import_available = True  # an open workspace imports files
        self.window.dossiers.welcome.set_import_available(self.import_available)
        self.window.import_action.setEnabled(self.import_available)
        self.refresh_list()
        self.security.update_state()
        last = self.ctx.settings.last_dossier()
        known = {info.id for info in workspace.list_dossiers()}
        if last and last in known:
            self.open_dossier(last)
        self.mission_sync.update_state()
        self.mission_sync.warn_if_network_workspace()
        self.mission_sync.sync()  # on start, in the background

    def import_files(self, files: list[Path]) -> None:
        """Import files given on the command line (`ddcheck FILE ...`), as if dropped."""
        self.adviser.receiver.import_paths(files)

    def refresh_list(self) -> None:
        """Show the workspace's dossiers (and, apart from them, the received ones)."""
        self.window.dossiers.set_rows(list(self.ctx.attached_workspace().list_dossiers()))
        self.adviser.refresh()

    # ------------------------------------------------------------ dossiers
    def _reload_after_travel(self) -> None:
        """Close the dossier shown and list the dossiers again (travel moved rows in or out)."""
        if self.session is not None:
            self.close_dossier()
        self.refresh_list()

    def import_file(self) -> None:
        """Import PDFs, .ddcheck bundles, .ddreview files or checklists (in the background)."""
        self.adviser.receiver.choose_and_import()

    def _imported(self, outcomes: list[Outcome]) -> None:
        """Show what an import brought: an own dossier, a loaded review, received dossiers."""
        from ddcheck.services.received_model import ImportResult
        from ddcheck.ui.receiving import HandoutMerged

        if not any(o.ok and o.result is not None for o in outcomes):
            return
        self.refresh_list()
        own = {info.id for info in self.ctx.attached_workspace().list_dossiers()}
        for outcome in outcomes:
            result = outcome.result
            dossier_id = (
                result.dossier_id
                if outcome.ok and isinstance(result, (ImportResult, HandoutMerged))
                else None
            )
            if dossier_id not in own or result.status not in (
                "restored",
                "review_loaded",
                "handout_merged",
            ):
                continue
            if result.status == "handout_merged":
                self.open_dossier(dossier_id)  # reopened: every page shows the merged answers
            elif self.session is not None and self.session.dossier_id == dossier_id:
                self.after_dossier_edit(dossier_id)
            else:
                self.open_dossier(dossier_id)
            return
        self.adviser.after_import(outcomes, self.open_dossier)

    def open_dossier(self, dossier_id: str) -> None:
        """Open a dossier on the checklist page."""
        from ddcheck.ui.pages.actions import ActionsPage
        from ddcheck.ui.pages.checklist import ChecklistPage
        from ddcheck.ui.pages.history import HistoryPage
        from ddcheck.ui.pages.overview import OverviewPage
        from ddcheck.ui.session import DossierSession

        if self.session is not None:
            self.window.flush()
        session = DossierSession(
            self.ctx.attached_workspace(), dossier_id, i18n.language(), self.ctx.now
        )
        checklist = ChecklistPage(self.ctx, session)
        checklist.actionRequested.connect(self.go_to_action)

        def overview() -> OverviewPage:
            page = OverviewPage(session, today=self.ctx.today)
            page.itemRequested.connect(self.go_to_item)
            page.actionRequested.connect(self.go_to_action)
            return page

        def actions() -> ActionsPage:
            page = ActionsPage(self.ctx, session)
            page.itemRequested.connect(self.go_to_item)
            return page

        def history() -> HistoryPage:
            page = HistoryPage(session)
            page.itemRequested.connect(self.go_to_item)
            return page

        self.session = session
        session.changed.connect(self._dossier_changed)
        session.saveFailed.connect(
            lambda text: self.ctx.prompts.error(self.window, tr("Not saved"), text)
        )
        self.window.set_session(
            session,
            {
                PAGE_CHECKLIST: checklist,
                PAGE_OVERVIEW: overview,
                PAGE_ACTIONS: actions,
                PAGE_HISTORY: history,
            },
        )
        self.window.restore_splitters()
        self.window.show_page(PAGE_CHECKLIST)
        first = checklist.first_open_key()
        if first:
            checklist.select(first)
            checklist.focus_answer()  # after opening, the keyboard is on the first open question
        self.ctx.settings.set_last_dossier(dossier_id)

    def _dossier_changed(self, update: SessionUpdate) -> None:
        """Show in the dossier list what a save changed, from the session's own summary."""
        session = self.session
        if session is None or "dossier" in update.changes.entities:
            self._timer.start()  # the title may have changed: list again, once
            return
        summary = session.summary
        self.window.dossiers.list.update_row(
            session.dossier_id,
            progress=summary.overall,
            red_flags=len(summary.red_flags),
            updated_at=session.dossier.updated_at,
        )

    def _refresh_if_open(self) -> None:
        if self.window.isVisible():
            self.refresh_list()

    def go_to_item(self, key: str) -> None:
        """Show an item on the checklist page."""
        self.window.show_page(PAGE_CHECKLIST)
        from ddcheck.ui.pages.checklist import ChecklistPage

        page = self.window.page(PAGE_CHECKLIST)
        if isinstance(page, ChecklistPage):
            page.select(key)

    def go_to_action(self, action_id: str) -> None:
        """Show an action on the action plan page."""
        self.window.show_page(PAGE_ACTIONS)
        from ddcheck.ui.pages.actions import ActionsPage

        page = self.window.page(PAGE_ACTIONS)
        if isinstance(page, ActionsPage):
            page.select(action_id)

    def open_dossier_id(self) -> str | None:
        """Return the id of the dossier open in the window, if any."""
        return self.session.dossier_id if self.session is not None else None

    def after_dossier_edit(self, dossier_id: str) -> None:
        """Show a dossier's changed header in the list and, when it is open, in its pages."""
        self.refresh_list()
        if self.session is not None and self.session.dossier_id == dossier_id:
            self.session.reload()
            self.window.set_session(self.session, {r: self.window.page(r) for r in DOSSIER_PAGES})

    def close_dossier(self) -> None:
        """Close the open dossier."""
        self.window.flush()
        self.session = None
        self.window.set_session(None)
        self.window.show_page(PAGE_DOSSIERS)
        self.ctx.settings.set_last_dossier(None)

    # ------------------------------------------------------------ export, settings
    def export(self) -> ExportDialog | None:
        """Open the export dialog for the open dossier."""
        if self.session is None:
            return None
        from ddcheck.ui.dialogs.export_dialog import ExportDialog

        self.window.flush()
        dialog = ExportDialog(self.ctx, self.session, parent=self.window)
        dialog.itemRequested.connect(self.go_to_item)
        self.ctx.prompts.export(dialog)
        return dialog

    def hand_out(self) -> Path | None:
        """Choose sections and a colleague; write the fill-in workbook; return where."""
        if self.session is None:
            return None
        from ddcheck.ui.handing_out import hand_out

        self.window.flush()
        return hand_out(self.ctx, self.window, self.session, self.guard)

    def settings(self) -> None:
        """Show the settings; switch the language when it changed."""
        from ddcheck.services import WorkspaceError

        workspace = self.ctx.workspace
        name = workspace.user_name() if workspace is not None else ""
        folder = self.ctx.settings.mission_folder()
        choice = self.ctx.prompts.choose_settings(
            self.window, self.ctx.settings.language(), name, mission_folder=folder
        )
        if choice is None:
            return
        if choice.mission_folder is not None and choice.mission_folder != folder:
            self.ctx.settings.set_mission_folder(choice.mission_folder)
            self.mission_sync.update_state()
            self.mission_sync.sync()
        if workspace is not None and choice.name is not None and choice.name != name:
            try:
                workspace.set_user_name(choice.name)
            except WorkspaceError as error:
                self.ctx.prompts.error(self.window, tr("Settings"), error.text(i18n.language()))
        language = choice.language
        self.ctx.settings.set_language(None if language == "system" else language)  # type: ignore[arg-type]
        lang = self.ctx.settings.language() or self.ctx.system_language
        if lang != i18n.language():
            self.switch_language(lang)

    def switch_language(self, lang: Language) -> None:
        """Rebuild the window in another language, keeping the dossier, page and item."""
        old = self.window
        page = old.current_page()
        received = self.adviser.current_id()
        dossier_id = self.session.dossier_id if self.session else None
        key = None
        checklist = old.page(PAGE_CHECKLIST)
        if dossier_id is not None:
            from ddcheck.ui.pages.checklist import ChecklistPage

            if isinstance(checklist, ChecklistPage):
                key = checklist.current_key()
        old.flush()
        old.save_state()
        self.apply_language(lang)
        self.session = None
        self.window = self._build_window()
        self.refresh_list()
        if dossier_id:
            self.open_dossier(dossier_id)
            if key:
                self.go_to_item(key)
        self.window.restore_state()
        self.window.show_page(page)
        if received is not None:
            self.adviser.reopen(received)
        self.window.show()
        old.hide()
        old.deleteLater()

    def about(self) -> None:
        """Show what ddcheck is, its licence, the shipped third-party notices, and About Qt."""
        from ddcheck import __version__
        from ddcheck.paths import licences_dir
        from ddcheck.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(__version__, licences_dir(), self.ctx.open_path, self.window)
        self.about_dialog = dialog
        dialog.open()

    def glossary(self) -> None:
        """Show the glossary; on a question (F1 there), its own terms come first."""
        from ddcheck.ui.dialogs.glossary_dialog import GlossaryDialog
        from ddcheck.ui.i18n import language
        from ddcheck.ui.pages.checklist import ChecklistPage

        first: list[str] = []
        window = self.window
        if self.session is not None and window.pages.currentIndex() == PAGE_CHECKLIST:
            page = window.page(PAGE_CHECKLIST)
            if isinstance(page, ChecklistPage) and page.panel is not None:
                first = page.panel.term_keys()
        dialog = GlossaryDialog(language(), first, window)
        self.glossary_dialog = dialog
        dialog.open()

    def guard(self, call: Callable[[], Any]) -> Any:
        """Run a workspace call; tell the user when it fails and return None."""
        try:
            return call()
        except Exception as error:
            log.exception("workspace call failed")
            text = error_text(error, i18n.language())
            self.ctx.prompts.error(self.window, tr("Something went wrong"), text)
            return None
