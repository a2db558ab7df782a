"""All received dossiers of one mission side by side: sort, filter, open, export CSV and PDF."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from ddcheck.ui import i18n
from ddcheck.ui.accessibility import named
from ddcheck.ui.context import AppContext
from ddcheck.ui.errors import error_text
from ddcheck.ui.exporting import ask_save_path, safe_name, write_pdf_in_background
from ddcheck.ui.i18n import tr, tr_in
from ddcheck.ui.layout import MARGIN, SPACING, TIGHT, hbox, label, read_only_table, vbox
from ddcheck.ui.models.mission_overview import (
    COL_COMPANY,
    COL_MISSION,
    COL_VERDICT,
    ID_ROLE,
    MissionOverviewModel,
    verdict_labels,
)

log = logging.getLogger(__name__)
ALL = "\x00all"
BY_ID = "id:"  # combo data of a mission with a stable id


class MissionOverviewPage(QWidget):
    """The overview table with a mission picker and filters."""

    openRequested = Signal(str)
    missionsRequested = Signal()
    savedState = Signal(str, str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.handle: Any = None
        self._company_wanted = 200
        self.mission = QComboBox(self)
        self.mission.setMinimumWidth(280)
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(tr("Search companies"))
        named(self.search, tr("Search companies"))
        self.search.setClearButtonEnabled(True)
        self.verdict = QComboBox(self)
        self.verdict.addItem(tr("Every verdict"), None)
        for value, text in verdict_labels().items():
            self.verdict.addItem(text, value or "none")
        self.red_only = QCheckBox(tr("Only with red flags"), self)
        self.model = MissionOverviewModel(self)
        self.table = read_only_table(self, self.model, row_height=36)
        named(self.table, tr("Companies of the mission"), tr("Enter opens the company's dossier"))
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_COMPANY, Qt.SortOrder.AscendingOrder)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)  # room to spare goes to the last column
        # the verdict right after company and mission: on a laptop the figures run off the side
        header.moveSection(header.visualIndex(COL_VERDICT), COL_MISSION + 1)
        header.setHighlightSections(False)
        self.table.setColumnWidth(COL_MISSION, 220)
        bold = QFont(header.font())
        bold.setBold(True)
        metrics = QFontMetrics(bold)
        for column, least in ((2, 80), (3, 70), (4, 70), (5, 70), (6, 70), (7, 80)):
            lines = str(self.model.headerData(column, Qt.Orientation.Horizontal)).split("\n")
            widest_line = max(metrics.horizontalAdvance(line) for line in lines)
            self.table.setColumnWidth(column, max(least, widest_line + 28))
        plain = self.table.fontMetrics()  # the verdict in full, a long one on two lines
        widest = max(plain.horizontalAdvance(text) for text in verdict_labels().values())
        self.table.setColumnWidth(COL_VERDICT, min(widest + 24, 190))
        self.table.doubleClicked.connect(self._open)
        self.table.activated.connect(self._open)
        self.open_button = QPushButton(tr_in("button", "Open"), self)
        self.open_button.clicked.connect(lambda: self._open(self.table.currentIndex()))
        self.missions_button = QPushButton(tr("Missions…"), self)
        self.missions_button.clicked.connect(lambda: self.missionsRequested.emit())
        self.csv_button = QPushButton(tr("Export CSV…"), self)
        self.pdf_button = QPushButton(tr("Export PDF…"), self)
        self.pdf_button.setProperty("role", "primary")
        self.csv_button.clicked.connect(self.export_csv)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.count = label("", "muted")
        self.status = label("", "muted")
        self.status.setWordWrap(True)
        self.proposal = label("", "muted")
        self.proposal.setWordWrap(True)
        self.proposal.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.attach_button = QPushButton(tr("Attach to this mission"), self)
        named(self.attach_button, tr("Attach to this mission"))
        self.attach_button.clicked.connect(self.attach_proposed)
        self._proposals: list[Any] = []
        self._overview_shown: Any = None
        self.mission.currentIndexChanged.connect(self.refresh_rows)
        self.search.textChanged.connect(self.refresh_rows)
        self.verdict.currentIndexChanged.connect(self.refresh_rows)
        self.red_only.toggled.connect(self.refresh_rows)
        self.setLayout(
            vbox(
                hbox(
                    label(tr("Mission"), "muted"),
                    self.mission,
                    1,
                    self.missions_button,
                    spacing=TIGHT,
                ),
                hbox(self.search, self.verdict, self.red_only, 1),
                self.status,
                hbox(self.proposal, self.attach_button),
                self.table,
                hbox(self.open_button, self.count, 1, self.csv_button, self.pdf_button),
                margin=MARGIN,
                spacing=SPACING,
            )
        )
        self.refresh()

    def refresh(self) -> None:
        """Read the missions again, keeping the chosen one."""
        chosen = self.mission.currentData()
        self.mission.blockSignals(True)
        self.mission.clear()
        for status in self.ctx.attached_workspace().mission_statuses():
            if status.known:
                self.mission.addItem(
                    tr(
                        "{name} ({received} of {expected} received)",
                        name=status.name,
                        received=len(status.received),
                        expected=len(status.expected),
                    ),
                    BY_ID + status.mission_id,
                )
        groups = list(self.ctx.attached_workspace().missions())
        for group in groups:
            self.mission.addItem(
                tr("{name} ({n} dossiers)", name=group.name, n=group.dossiers), group.name
            )
        self.mission.addItem(tr("All missions"), ALL)
        index = self.mission.findData(chosen) if chosen is not None else 0
        self.mission.setCurrentIndex(max(index, 0))
        self.mission.blockSignals(False)
        self.refresh_rows()

    def choose_mission(self, name: str) -> None:
        """Show one mission."""
        index = self.mission.findData(name)
        if index >= 0:
            self.mission.setCurrentIndex(index)

    def mission_id(self) -> str | None:
        """Return the id of the mission shown, when it is one with a stable id."""
        value = self.mission.currentData()
        return (
            value.removeprefix(BY_ID)
            if isinstance(value, str) and value.startswith(BY_ID)
            else None
        )

    def mission_name(self) -> str | None:
        """Return the mission shown (None: all)."""
        value = self.mission.currentData()
        if self.mission_id() is not None:
            return self.mission.currentText().rsplit(" (", 1)[0]
        return None if value in (None, ALL) else str(value)

    def refresh_rows(self, *_args: object) -> None:
        """Ask the workspace for the rows that pass the filters."""
        filters = {
            "text": self.search.text(),
            "verdict": self.verdict.currentData(),
            "red_flags_only": self.red_only.isChecked(),
        }
        mission_id = self.mission_id()
        if mission_id is not None:
            overview = self.ctx.attached_workspace().mission_overview_by_id(mission_id, **filters)
        else:
            overview = self.ctx.attached_workspace().mission_overview(
                self.mission_name(), **filters
            )
        self._overview_shown = overview
        self.mission.setToolTip(self.mission.currentText())  # a long name is elided
        self._show_status(overview.status)
        self.model.set_rows(overview.rows)
        self._fit_company_column(overview.rows)
        self.table.setColumnHidden(COL_MISSION, self.mission_name() is not None)
        shown = len(overview.rows)
        self.count.setText(tr("{n} dossiers shown", n=shown))
        for button in (self.csv_button, self.pdf_button, self.open_button):
            button.setEnabled(bool(shown))

    def _fit_company_column(self, rows: Any) -> None:
        """Make the company column as wide as its names (within reason; longer ones are elided
        with the full name as tooltip), rather than squeezed by the figures beside it."""
        metrics = self.table.fontMetrics()
        widest = max((metrics.horizontalAdvance(r.company) for r in rows), default=0)
        self._company_wanted = min(max(widest + 24, 200), 340)
        self._fit_to_width()

    def _fit_to_width(self) -> None:
        """Give the company column what the other columns leave (at least 160 pixels), so on a
        laptop screen every figure is in view without scrolling sideways."""
        header = self.table.horizontalHeader()
        last = header.logicalIndex(header.count() - 1)
        others = sum(
            header.sectionSize(column)
            for column in range(header.count())
            if column not in (COL_COMPANY, last) and not header.isSectionHidden(column)
        )
        room = self.table.viewport().width() - others - header.sectionSizeHint(last)
        self.table.setColumnWidth(COL_COMPANY, max(160, min(self._company_wanted, room)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Fit the company column to the new width."""
        super().resizeEvent(event)
        self._fit_to_width()

    def _show_status(self, status: Any) -> None:
        """Say who is expected, received and missing, and the deadline; offer proposals."""
        self.status.setVisible(status is not None)
        self._proposals = []
        if status is not None:
            parts = [
                tr(
                    "{expected} expected, {received} received, {missing} missing",
                    expected=len(status.expected),
                    received=len(status.received),
                    missing=len(status.missing),
                )
            ]
            if status.days_to_deadline is not None:
                parts.append(
                    tr("{n} days to the deadline", n=status.days_to_deadline)
                    if status.days_to_deadline >= 0
                    else tr("the deadline has passed")
                )
            if status.missing:
                names = ", ".join(f"{e.company} ({e.kvk})" for e in status.missing[:8])
                parts.append(tr("missing: {names}", names=names))
            self.status.setText(" · ".join(parts))
            self._proposals = [
                p
                for p in self.ctx.attached_workspace().mission_proposals()
                if p.mission_id == status.mission_id
            ]
        if self._proposals:
            first = self._proposals[0]
            self.proposal.setText(
                tr(
                    "{company} (KvK {kvk}) sent a dossier without mission id; its KvK number "
                    "and dates fit this mission.",
                    company=first.company,
                    kvk=first.kvk,
                )
            )
        self.proposal.setVisible(bool(self._proposals))
        self.attach_button.setVisible(bool(self._proposals))

    def attach_proposed(self) -> None:
        """Attach the first proposed dossier to the mission shown, once the adviser confirms."""
        if not self._proposals:
            return
        first = self._proposals[0]
        if not self.ctx.prompts.confirm(
            self,
            tr("Attach to this mission"),
            tr(
                "Count the dossier of {company} as received for {mission}?",
                company=first.company,
                mission=first.mission,
            ),
            tr("Attach"),
        ):
            return
        try:
            self.ctx.attached_workspace().attach_received(first.mission_id, first.received_id)
        except Exception as error:
            message = error_text(error, i18n.language())
            self.ctx.prompts.error(self, tr("Attach to this mission"), message)
            return
        self.refresh()

    def _open(self, index: Any) -> None:
        if index is not None and index.isValid():
            self.openRequested.emit(str(index.data(ID_ROLE)))

    def _overview(self) -> Any:
        from ddcheck.domain.overview import MissionOverview

        shown = self._overview_shown
        status = shown.status if shown is not None and self.mission_id() is not None else None
        return MissionOverview(self.mission_name(), tuple(self.model.rows()), status)

    def _suggested(self, suffix: str) -> Path:
        name = safe_name(self.mission_name() or tr("all missions"), "mission")
        return Path.home() / f"{tr('overview')}-{name}{suffix}"

    def export_csv(self) -> Path | None:
        """Write the rows shown as CSV."""
        path = ask_save_path(
            self.ctx,
            self,
            tr("Save the overview as"),
            self._suggested(".csv"),
            tr("CSV files (*.csv)"),
        )
        if path is None:
            return None
        try:
            self.ctx.attached_workspace().export_overview_csv(self._overview(), path)
        except Exception as error:
            self.ctx.prompts.error(self, tr("Export failed"), error_text(error, i18n.language()))
            return None
        self.savedState.emit("saved", tr("Saved as {path}", path=str(path)))
        return path

    def export_pdf(self) -> None:
        """Write the rows shown as a PDF table, in the background."""
        path = ask_save_path(
            self.ctx,
            self,
            tr("Save the overview as"),
            self._suggested(".pdf"),
            tr("PDF files (*.pdf)"),
        )
        if path is None:
            return
        overview, lang = self._overview(), i18n.language()
        self.handle = write_pdf_in_background(
            self.ctx,
            self,
            self.pdf_button,
            path,
            lambda ws, target: ws.export_overview_pdf(overview, target, lang=lang),
            self.savedState.emit,
        )
