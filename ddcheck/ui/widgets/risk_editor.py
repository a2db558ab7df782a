"""Severity, likelihood and involvement of a risk, as three compact combo boxes."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QWidget

from ddcheck.domain.dossier import Risk
from ddcheck.domain.glossary import explain
from ddcheck.ui.i18n import language, tr


def severity_labels() -> list[str]:
    """Return the labels of severity 1–4."""
    return [tr("1 – Minor"), tr("2 – Moderate"), tr("3 – Serious"), tr("4 – Severe")]


def likelihood_labels() -> list[str]:
    """Return the labels of likelihood 1–4."""
    return [tr("1 – Unlikely"), tr("2 – Possible"), tr("3 – Likely"), tr("4 – Almost certain")]


def involvement_labels() -> dict[str, str]:
    """Return the labels of the three ways a company can be involved in an impact."""
    return {
        "cause": tr("Causes"),
        "contribute": tr("Contributes to"),
        "linked": tr("Directly linked"),
    }


class RiskEditor(QWidget):
    """Edit a Risk; emits `riskChanged(Risk)` on every change."""

    riskChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.severity = QComboBox(self)
        self.likelihood = QComboBox(self)
        self.involvement = QComboBox(self)
        self.severity.addItem(tr("Not rated"), None)
        for level, text in enumerate(severity_labels(), start=1):
            self.severity.addItem(text, level)
        self.likelihood.addItem(tr("Not rated"), None)
        for level, text in enumerate(likelihood_labels(), start=1):
            self.likelihood.addItem(text, level)
        self.involvement.addItem(tr("Not rated"), None)
        lang = language()
        for key, text in involvement_labels().items():
            self.involvement.addItem(text, key)
            self.involvement.setItemData(
                self.involvement.count() - 1, explain(key, lang), Qt.ItemDataRole.ToolTipRole
            )
        self.involvement.setToolTip("\n\n".join(explain(key, lang) for key in involvement_labels()))
        self.severity.setToolTip(tr("How severe the harm to people or the environment would be."))
        self.likelihood.setToolTip(tr("How likely the harm is to happen."))
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(tr("Severity"), self.severity)
        form.addRow(tr("Likelihood"), self.likelihood)
        form.addRow(tr("Involvement"), self.involvement)
        for box in (self.severity, self.likelihood, self.involvement):
            box.activated.connect(lambda _i: self.riskChanged.emit(self.risk()))

    def risk(self) -> Risk:
        """Return the risk shown."""
        return Risk(
            severity=self.severity.currentData(),
            likelihood=self.likelihood.currentData(),
            involvement=self.involvement.currentData(),
        )

    def set_risk(self, risk: Risk) -> None:
        """Show `risk` without emitting a change."""
        for box, value in (
            (self.severity, risk.severity),
            (self.likelihood, risk.likelihood),
            (self.involvement, risk.involvement),
        ):
            box.setCurrentIndex(max(0, box.findData(value)))
