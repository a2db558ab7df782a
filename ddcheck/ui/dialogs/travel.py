"""Prepare for travel: choose what stays home, and see what will be on the laptop."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ddcheck.ui.accessibility import named
from ddcheck.ui.i18n import tr


class TravelDialog(QDialog):
    """Tick what to leave at home; the summary shows what the laptop keeps during the trip."""

    def __init__(self, parent: QWidget | None, workspace: Any) -> None:
        super().__init__(parent)
        self.workspace = workspace
        self.setWindowTitle(tr("Prepare for travel"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            tr(
                "Leave behind what does not need to travel. It goes into an encrypted travel "
                "archive that you keep elsewhere (a USB stick that stays home, the company "
                "drive); Back home puts it back."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.confidential = QCheckBox(tr("Answers marked confidential (with their evidence)"))
        self.confidential.setChecked(True)
        self.evidence = QCheckBox(tr("The contents of all evidence files"))
        self.evidence.setChecked(True)
        layout.addWidget(self.confidential)
        layout.addWidget(self.evidence)
        layout.addWidget(QLabel(tr("Whole dossiers to leave at home:")))
        self.dossiers = named(QListWidget(), tr("Whole dossiers to leave at home:"))
        for info in workspace.list_dossiers():
            item = QListWidgetItem(f"{info.company.name} — {info.mission.name}")
            item.setData(Qt.ItemDataRole.UserRole, info.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.dossiers.addItem(item)
        layout.addWidget(self.dossiers)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setObjectName("travelSummary")
        layout.addWidget(self.summary)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("Prepare…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.confidential.toggled.connect(self._update)
        self.evidence.toggled.connect(self._update)
        self.dossiers.itemChanged.connect(self._update)
        self._update()

    def leave(self) -> list[str]:
        """Return what was chosen, as `prepare_travel` takes it."""
        chosen = [
            name
            for name, box in (("confidential", self.confidential), ("evidence", self.evidence))
            if box.isChecked()
        ]
        for row in range(self.dossiers.count()):
            item = self.dossiers.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                chosen.append(item.data(Qt.ItemDataRole.UserRole))
        return chosen

    def _update(self, *_: object) -> None:
        plan = self.workspace.travel_plan(self.leave())
        lines = [tr("On the laptop during the trip: {n} dossier(s).", n=len(plan.dossiers_kept))]
        if plan.dossiers_left:
            lines.append(tr("Left at home: {n} whole dossier(s).", n=len(plan.dossiers_left)))
        if plan.confidential:
            lines.append(tr("Left at home: every answer marked confidential, with its evidence."))
        if plan.evidence:
            lines.append(tr("Left at home: the contents of every evidence file (names stay)."))
        lines.append(tr("Left at home as well: every backup (they hold all of the above)."))
        self.summary.setText("\n".join(lines))
