"""The adviser's side of the main window: a Received section in the sidebar and its pages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QWidget

from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import label, vbox
from ddcheck.ui.receiving import Receiver

if TYPE_CHECKING:
    from ddcheck.ui.main_window import MainWindow
    from ddcheck.ui.review_session import ReviewSession

log = logging.getLogger(__name__)

OVERVIEW = "\x00overview"
MISSIONS = "\x00missions"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AdviserSide(QObject):
    """List received dossiers apart from the user's own; open them read-only; show the overview.

    It lives in the places the main window offers: a sidebar section, File menu actions and
    pages shown beside the own dossier's (`MainWindow.show_side_page`).
    """

    def __init__(self, ctx: AppContext, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = window
        self.receiver = Receiver(ctx, window, self)
        self.page: Any = None
        self.session: ReviewSession | None = None
        self.overview: Any = None
        self.missions: Any = None
        self.heading = label(tr("RECEIVED"), "sidebar-muted")
        self.list = QListWidget(window)
        self.list.setProperty("role", "nav")
        self.list.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        named(self.list, tr("Received dossiers"), tr("The mission overview and each company"))
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.itemClicked.connect(self._clicked)
        self.list.itemActivated.connect(self._clicked)
        self.section = QFrame(window)
        self.section.setLayout(vbox(self.heading, self.list, spacing=2))
        self.section.setVisible(False)
        window.add_sidebar_section(self.section)
        window.sidePageLeft.connect(self._own_page_chosen)
        self.export_template_action = window.add_file_action(
            tr("Export &checklist…"), self._export_checklist, after=window.import_action
        )
        self.missions_action = window.add_file_action(
            tr("&Missions…"), self.show_missions, after=self.export_template_action
        )

    def _export_checklist(self) -> None:
        from ddcheck.ui.template_export import export_checklist

        export_checklist(self.ctx, self.window)

    def add_to_section(self, widget: QWidget) -> None:
        """Put a widget (the mission folder's Sync button) at the end of the Received section."""
        layout = self.section.layout()
        assert layout is not None
        layout.addWidget(widget)

    # ------------------------------------------------------------ list
    def refresh(self) -> None:
        """List the received dossiers (the section shows once there is one)."""
        workspace = self.ctx.workspace
        self.export_template_action.setEnabled(workspace is not None)
        if workspace is None:
            return
        rows = workspace.mission_overview().rows
        current = self.current_id()
        self.list.clear()
        overview = QListWidgetItem(tr("Mission overview"))
        overview.setData(ID_ROLE, OVERVIEW)
        self.list.addItem(overview)
        for row in rows:
            item = QListWidgetItem(row.company)
            item.setToolTip(f"{row.company} — {row.mission}")
            item.setData(ID_ROLE, row.received_id)
            self.list.addItem(item)
        self.section.setVisible(bool(rows))
        if current:
            self._mark(current)
        if self.overview is not None and shiboken6.isValid(self.overview):
            self.overview.refresh()
        if self.missions is not None and shiboken6.isValid(self.missions):
            self.missions.refresh()

    def current_id(self) -> str | None:
        """Return the received id (or OVERVIEW) shown, None when an own page is shown."""
        page = self.window.side_page()
        if page is None:
            return None
        if page is self.page and self.session is not None:
            return self.session.received_id
        if page is self.overview:
            return OVERVIEW
        return MISSIONS if page is self.missions else None

    def _mark(self, value: str) -> None:
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == value:
                self.list.setCurrentRow(row)
                return

    def _clicked(self, item: QListWidgetItem) -> None:
        value = item.data(ID_ROLE)
        if value == OVERVIEW:
            self.show_overview()
        elif value:
            self.open_received(str(value))

    # ------------------------------------------------------------ pages
    def _own_page_chosen(self) -> None:
        self.list.clearSelection()
        self.list.setCurrentRow(-1)

    def flush(self) -> None:
        """Save review text still being typed."""
        if self.session is not None and shiboken6.isValid(self.session):
            self.session.flush()

    def open_received(self, received_id: str) -> Any:
        """Show a received dossier, read-only, with its review (a view of its review session)."""
        from ddcheck.ui.pages.received import ReceivedPage
        from ddcheck.ui.review_session import ReviewSession

        self.flush()
        try:
            session = ReviewSession(
                self.ctx.attached_workspace(), received_id, i18n.language(), self.ctx.now, self
            )
            page = ReceivedPage(self.ctx, session, self.window)
        except Exception as error:
            log.exception("cannot open received dossier")
            self.ctx.prompts.error(
                self.window, tr("Something went wrong"), error_text(error, i18n.language())
            )
            return None
        session.savedStateChanged.connect(self.window.show_saved_state)
        session.saveFailed.connect(
            lambda text: self.ctx.prompts.error(self.window, tr("Not saved"), text)
        )
        page.savedState.connect(self.window.show_saved_state)
        page.deleteRequested.connect(self.delete)
        page.changed.connect(self._review_changed)
        old_page, old_session = self.page, self.session
        self.page, self.session = page, session
        self.window.show_side_page(
            page,
            tr("Received dossier"),
            tr("Received: {company}", company=session.received.dossier.company.name),
            session.undo_stack,
            opened_tip=session.title,
        )
        if old_page is not None:
            self.window.remove_side_page(old_page)
        if old_session is not None and shiboken6.isValid(old_session):
            old_session.deleteLater()
        self._mark(received_id)
        self.window.restore_splitters()
        return page

    def show_overview(self, mission: str | None = None) -> Any:
        """Show the mission overview."""
        from ddcheck.ui.pages.mission_overview import MissionOverviewPage

        if self.overview is None or not shiboken6.isValid(self.overview):
            page = MissionOverviewPage(self.ctx, self.window)
            page.openRequested.connect(self.open_received)
            page.missionsRequested.connect(self.show_missions)
            page.savedState.connect(self.window.show_saved_state)
            self.overview = page
        else:
            self.overview.refresh()
        if mission is not None:
            self.overview.choose_mission(mission)
        self.window.show_side_page(self.overview, tr("Mission overview"))
        self._mark(OVERVIEW)
        return self.overview

    def show_missions(self) -> Any:
        """Show the Missions page: define a mission, export its pack."""
        from ddcheck.ui.pages.missions import MissionsPage

        if self.ctx.workspace is None:
            return None
        if self.missions is None or not shiboken6.isValid(self.missions):
            page = MissionsPage(self.ctx, self.window)
            page.savedState.connect(self.window.show_saved_state)
            self.missions = page
        else:
            self.missions.refresh()
        self.window.show_side_page(self.missions, tr("Missions"))
        self._mark(MISSIONS)
        return self.missions

    def reopen(self, shown: str) -> None:
        """Show again what `current_id` returned (after the window was rebuilt)."""
        if shown == MISSIONS:
            self.show_missions()
        elif shown == OVERVIEW:
            self.show_overview()
        else:
            self.open_received(shown)

    def _review_changed(self) -> None:
        if self.overview is not None and shiboken6.isValid(self.overview):
            self.overview.refresh_rows()

    def delete(self, received_id: str) -> None:
        """Delete a received dossier (with its review) after confirmation."""
        title = self.session.title if self.session is not None else received_id
        if not self.ctx.prompts.confirm(
            self.window,
            tr("Delete received dossier"),
            tr(
                "Delete “{title}” and your review of it from this computer? "
                "The company's own copy is not affected.",
                title=title,
            ),
            tr("Delete"),
        ):
            return
        try:
            self.ctx.attached_workspace().delete_received(received_id)
        except Exception as error:
            self.ctx.prompts.error(
                self.window, tr("Something went wrong"), error_text(error, i18n.language())
            )
            return
        self.refresh()
        if self.list.count() > 1:
            self.show_overview()
        else:
            self.window.show_page(0)
        if self.session is not None and self.session.received_id == received_id:
            self.window.remove_side_page(self.page)
            self.session.deleteLater()
            self.page = self.session = None

    def after_import(self, outcomes: list, open_own: Callable[[str], None]) -> None:
        """Refresh after an import and show what arrived."""
        self.refresh()
        received = [
            o.result
            for o in outcomes
            if o.ok and getattr(o.result, "received_id", None) and o.result.kind != "review"
        ]
        if len(received) == 1:
            self.open_received(received[0].received_id)
        elif received:
            self.show_overview(received[-1].mission)
