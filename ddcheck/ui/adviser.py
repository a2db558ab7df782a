"""The adviser's side of the main window: a Received section in the sidebar and its pages."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem, QMenu, QWidget

from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import label, vbox
from ddcheck.ui.receiving import Receiver

log = logging.getLogger(__name__)

OVERVIEW = "\x00overview"
MISSIONS = "\x00missions"
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class AdviserSide(QObject):
    """List received dossiers apart from the user's own; open them read-only; show the overview."""

    def __init__(self, ctx: AppContext, window: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.window = window
        self.receiver = Receiver(ctx, window, self)
        self.page: QWidget | None = None
        self.overview: QWidget | None = None
        self.missions: QWidget | None = None
        self._saved: tuple[str, Any] | None = None
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
        nav = window.nav
        layout = nav.parentWidget().layout()
        layout.insertWidget(layout.indexOf(nav) + 1, self.section, 1)
        layout.setStretchFactor(nav, 0)
        rows = nav.count()
        nav.setFixedHeight(sum(nav.sizeHintForRow(r) for r in range(rows)) + 4 * rows + 8)
        nav.currentRowChanged.connect(self._own_page_chosen)
        window.installEventFilter(self)
        self.export_template_action = self._add_export_template_action(window)
        self.missions_action = self._add_file_action(window, tr("&Missions…"), self.show_missions)

    def _add_export_template_action(self, window: Any) -> QAction:
        """Add File → Export checklist… right after File → Import…."""
        from ddcheck.ui.template_export import export_checklist

        action = QAction(tr("Export &checklist…"), window)
        action.triggered.connect(lambda: export_checklist(self.ctx, self.window))
        for menu in window.menuBar().findChildren(QMenu):
            actions = menu.actions()
            if window.import_action in actions:
                after = actions.index(window.import_action) + 1
                menu.insertAction(actions[after] if after < len(actions) else None, action)
                break
        return action

    def _add_file_action(self, window: Any, text: str, slot: Callable[[], Any]) -> QAction:
        """Add an action to the File menu, after Export checklist…."""
        action = QAction(text, window)
        action.triggered.connect(lambda: slot())
        for menu in window.menuBar().findChildren(QMenu):
            actions = menu.actions()
            if self.export_template_action in actions:
                after = actions.index(self.export_template_action) + 1
                menu.insertAction(actions[after] if after < len(actions) else None, action)
                break
        return action

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Save review text still being typed when the window closes or is replaced."""
        if watched is self.window and event.type() in (QEvent.Type.Close, QEvent.Type.Hide):
            self._flush()
        return super().eventFilter(watched, event)

    # ------------------------------------------------------------ list
    def refresh(self) -> None:
        """List the received dossiers (the section shows once there is one)."""
        workspace = self.ctx.workspace
        self.export_template_action.setEnabled(
            callable(getattr(workspace, "export_template", None))
        )
        if workspace is None or not callable(getattr(workspace, "mission_overview", None)):
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
        page = self.window.pages.currentWidget()
        if page is not None and page is self.page:
            return self.page.received_id
        if page is not None and page is self.overview:
            return OVERVIEW
        if page is not None and page is self.missions:
            return MISSIONS
        return None

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
    def _show(self, page: QWidget, title: str) -> None:
        window = self.window
        window._flush()
        if self._saved is None:
            self._saved = (window.saved.text(), window.saved.property("role"))
        window.nav.blockSignals(True)
        window.nav.setCurrentRow(-1)
        window.nav.blockSignals(False)
        window.pages.setCurrentWidget(page)
        window.title.setText(title)
        window.export_button.setVisible(False)
        window.saved.setText("")

    def _own_page_chosen(self, row: int) -> None:
        if row < 0:
            return
        self.list.clearSelection()
        self.list.setCurrentRow(-1)
        self._flush()
        self.window.export_button.setVisible(self.window.session is not None)
        if self._saved is not None:
            text, role = self._saved
            self.window.show_saved_state(role or "saved", text)
            self._saved = None

    def _flush(self) -> None:
        for page in (self.page, self.overview):
            if page is not None and shiboken6.isValid(page):
                flush = getattr(page, "flush", None)
                if flush is not None:
                    flush()

    def _replace(self, old: QWidget | None, new: QWidget) -> None:
        self.window.pages.addWidget(new)
        if old is not None and shiboken6.isValid(old):
            self.window.pages.removeWidget(old)
            old.hide()
            old.deleteLater()

    def open_received(self, received_id: str) -> Any:
        """Show a received dossier, read-only, with its review."""
        from ddcheck.ui.pages.received import ReceivedPage

        self._flush()
        try:
            page = ReceivedPage(self.ctx, received_id, self.window)
        except Exception as error:
            log.exception("cannot open received dossier")
            self.ctx.prompts.error(self.window, tr("Something went wrong"), str(error))
            return None
        page.savedState.connect(self.window.show_saved_state)
        page.deleteRequested.connect(self.delete)
        page.changed.connect(self._review_changed)
        self.window.watch_undo_stack(page.undo_stack)
        self._replace(self.page, page)
        self.page = page
        self._show(page, tr("Received dossier"))
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
            self._replace(None, page)
            self.overview = page
        else:
            self.overview.refresh()
        if mission is not None:
            self.overview.choose_mission(mission)
        self._show(self.overview, tr("Mission overview"))
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
            self._replace(None, page)
            self.missions = page
        else:
            self.missions.refresh()
        self._show(self.missions, tr("Missions"))
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
        title = self.page.received.title if self.page is not None else received_id
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
            self.ctx.workspace.delete_received(received_id)
        except Exception as error:
            self.ctx.prompts.error(self.window, tr("Something went wrong"), str(error))
            return
        self.refresh()
        if self.list.count() > 1:
            self.show_overview()
        else:
            self.window.show_page(0)

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
