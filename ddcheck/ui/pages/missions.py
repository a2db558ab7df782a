"""The adviser's Missions page: define a mission, list the missions, export a mission pack."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from ddcheck.domain.formatting import country_name
from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.dates import date_text
from ddcheck.ui.errors import error_text
from ddcheck.ui.exporting import ask_save_path, safe_name
from ddcheck.ui.i18n import tr
from ddcheck.ui.layout import MARGIN, SPACING, hbox, label, vbox

log = logging.getLogger(__name__)
ID_ROLE = Qt.ItemDataRole.UserRole + 1


class MissionsPage(QWidget):
    """The missions of this workspace; create one; export its pack for the companies."""

    savedState = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.tree = named(QTreeWidget(self), tr("Missions"))
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setHeaderLabels(
            [tr("Mission"), tr("Dates"), tr("Destination countries"), tr("Participants")]
        )
        self.tree.setColumnWidth(0, 360)
        self.tree.setColumnWidth(1, 200)
        self.tree.setColumnWidth(2, 260)
        self.new_button = QPushButton(tr("New mission…"), self)
        self.new_button.setProperty("role", "primary")
        self.new_button.clicked.connect(self.new_mission)
        self.export_button = QPushButton(tr("Export mission pack…"), self)
        self.export_button.clicked.connect(self.export_pack)
        self.tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self.setLayout(
            vbox(
                label(
                    tr(
                        "A mission pack (.ddmission) gives companies the mission and its current "
                        "checklists; their dossiers carry the mission's id."
                    ),
                    "muted",
                    wrap=True,
                ),
                self.tree,
                hbox(self.new_button, 1, self.export_button),
                margin=MARGIN,
                spacing=SPACING,
            )
        )
        self.refresh()

    def refresh(self) -> None:
        """List the missions again."""
        lang = i18n.language()
        current = self.current_id()
        self.tree.clear()
        for mission in self.ctx.attached_workspace().list_missions():
            item = QTreeWidgetItem(
                [
                    mission.title(lang),
                    f"{date_text(mission.start)} – {date_text(mission.end)}",
                    ", ".join(country_name(c, lang) for c in mission.destinations),
                    str(len(mission.participants)),
                ]
            )
            item.setData(0, ID_ROLE, mission.id)
            item.setToolTip(0, mission.id)
            self.tree.addTopLevelItem(item)
            if mission.id == current:
                self.tree.setCurrentItem(item)
        first = self.tree.topLevelItem(0)
        if self.tree.currentItem() is None and first is not None:
            self.tree.setCurrentItem(first)
        self._update_buttons()

    def current_id(self) -> str | None:
        """Return the id of the mission selected."""
        item = self.tree.currentItem()
        return str(item.data(0, ID_ROLE)) if item is not None else None

    def _update_buttons(self) -> None:
        self.export_button.setEnabled(self.current_id() is not None)

    def new_mission(self) -> Any:
        """Ask for a new mission and list it."""
        created = self.ctx.prompts.new_mission(self, self.ctx)
        if created is None:
            return None
        self.refresh()
        for row in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(row)
            if item is not None and item.data(0, ID_ROLE) == created.id:
                self.tree.setCurrentItem(item)
        return created

    def export_pack(self) -> Path | None:
        """Write the selected mission's pack."""
        mission_id = self.current_id()
        if mission_id is None:
            return None
        mission = self.ctx.attached_workspace().get_mission(mission_id)
        name = safe_name(mission.title(i18n.language()), "mission")
        path = ask_save_path(
            self.ctx,
            self,
            tr("Save the mission pack as"),
            Path.home() / f"{name}.ddmission",
            tr("Mission packs (*.ddmission)"),
        )
        if path is None:
            return None
        try:
            self.ctx.attached_workspace().export_mission_pack(mission_id, path)
        except Exception as error:
            self.ctx.prompts.error(self, tr("Export failed"), error_text(error, i18n.language()))
            return None
        self.savedState.emit("saved", tr("Saved as {path}", path=str(path)))
        self.refresh()
        return path
