"""The new-dossier wizard: company, mission, and which checklists will apply and why."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html import escape

from pydantic import ValidationError
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from ddcheck.domain.applicability import TemplateChoice, choose_templates
from ddcheck.domain.dossier import Company, Mission
from ddcheck.domain.mission import MissionDefinition
from ddcheck.domain.sectors import SECTOR_IDS, sector_label
from ddcheck.domain.templates import Template
from ddcheck.domain.text import Language
from ddcheck.ui.accessibility import named
from ddcheck.ui.dates import date_format
from ddcheck.ui.i18n import language, tr
from ddcheck.ui.layout import TIGHT, hbox, label, vbox
from ddcheck.ui.reasons import activity_labels, explain, size_labels
from ddcheck.ui.style import current_theme, repolish
from ddcheck.ui.widgets.country_picker import CountryPicker

_NO_DATE = QDate(2000, 1, 1)


@dataclass(frozen=True)
class NewDossier:
    """What the wizard collected."""

    company: Company
    mission: Mission
    language: Language
    require: tuple[str, ...] = ()  # checklists the mission asks for (from a mission pack)


def kvk_problem(text: str) -> str:
    """Return why a KvK number is wrong, or '' when it is fine (empty is allowed)."""
    digits = text.replace(" ", "")
    if not digits:
        return ""
    if not digits.isdigit() or len(digits) != 8:
        return tr("A KvK number has exactly 8 digits.")
    return ""


def _date_edit(parent: QWidget) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setMinimumDate(_NO_DATE)
    edit.setSpecialValueText(tr("Not set"))
    edit.setDate(_NO_DATE)
    return edit


def _date_value(edit: QDateEdit) -> dt.date | None:
    date = edit.date()
    return None if date == _NO_DATE else dt.date(date.year(), date.month(), date.day())


class CompanyPage(QWizardPage):
    """Who fills in the dossier."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(tr("Your company"))
        self.setSubTitle(tr("The adviser sees these details on the first page of the PDF."))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("e.g. Van Dijk Pompen B.V."))
        self.kvk = QLineEdit(self)
        self.kvk.setPlaceholderText("12345678")
        self.kvk.setMaxLength(9)
        named(self.kvk, tr("KvK number"), tr("8 digits, from the Chamber of Commerce register"))
        self.kvk_error = label("", "error")
        self.sector = QComboBox(self)
        self.sector.addItem(tr("Not specified"), "")
        for key in SECTOR_IDS:
            self.sector.addItem(sector_label(key, language()), key)
        self.size_box = QComboBox(self)
        self.size_box.addItem(tr("Not specified"), None)
        for key, text in size_labels().items():
            self.size_box.addItem(text, key)
        self.contact = QLineEdit(self)
        self.email = QLineEdit(self)
        form = QFormLayout()
        form.addRow(tr("Company name") + " *", self.name)
        form.addRow(tr("KvK number"), vbox(self.kvk, self.kvk_error, spacing=2))
        form.addRow(tr("Sector"), self.sector)
        form.addRow(tr("Size"), self.size_box)
        form.addRow(tr("Contact person"), self.contact)
        form.addRow(tr("E-mail"), self.email)
        self.setLayout(form)
        self.name.textChanged.connect(self.completeChanged)
        self.kvk.textChanged.connect(self._check_kvk)
        self._check_kvk()

    def _check_kvk(self) -> None:
        problem = kvk_problem(self.kvk.text())
        self.kvk_error.setText(problem)
        self.kvk_error.setVisible(bool(problem))
        self.kvk.setProperty("invalid", bool(problem))
        repolish(self.kvk)
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Return whether the page can be left."""
        return bool(self.name.text().strip()) and not kvk_problem(self.kvk.text())

    def company(self) -> Company:
        """Return the company entered."""
        return Company(
            name=self.name.text().strip(),
            kvk_number=self.kvk.text().replace(" ", ""),
            sector=self.sector.currentData() or "",
            size=self.size_box.currentData(),
            contact_name=self.contact.text().strip(),
            contact_email=self.email.text().strip(),
        )


class MissionPage(QWizardPage):
    """The trade mission the dossier prepares for."""

    def __init__(self, lang: Language, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.mission_id: str | None = None
        self.setTitle(tr("The mission"))
        self.setSubTitle(tr("Destinations and activities decide which checklists apply."))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(tr("e.g. Trade mission Saudi Arabia, water and energy"))
        self.countries = CountryPicker(lang, self)
        self.high_risk = CountryPicker(lang, self)
        self.high_risk_error = label("", "error")
        self.high_risk.setToolTip(
            tr("Destinations you or the mission mark as conflict-affected or high-risk areas")
        )
        named(
            self.high_risk.search,
            tr("Conflict-affected or high-risk areas among them"),
            tr("Destinations you or the mission mark as conflict-affected or high-risk areas"),
        )
        named(self.high_risk.chosen, tr("Conflict-affected or high-risk areas among them"))
        self.start = named(_date_edit(self), tr("First day of the mission"))
        self.end = named(_date_edit(self), tr("Last day of the mission"))
        self.organiser = QLineEdit(self)
        self.organiser.setPlaceholderText(tr("e.g. RVO, embassy, branch organisation"))
        self.activities: dict[str, QCheckBox] = {}
        for key, text in activity_labels().items():
            self.activities[key] = QCheckBox(text, self)
        self.ekv_yes = QRadioButton(tr("Yes"), self)
        self.ekv_no = QRadioButton(tr("No"), self)
        self.ekv_no.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.ekv_yes)
        group.addButton(self.ekv_no)
        self.language = QComboBox(self)
        self.language.addItem("Nederlands", "nl")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if lang == "nl" else 1)
        self.date_error = label("", "error")
        form = QFormLayout()
        form.addRow(tr("Mission name") + " *", self.name)
        form.addRow(tr("Destination countries"), self.countries)
        form.addRow(
            tr("Conflict-affected or high-risk areas among them"),
            vbox(self.high_risk, self.high_risk_error, spacing=2),
        )
        form.addRow(
            tr("Dates"),
            vbox(
                hbox(self.start, label("–"), self.end, 1, spacing=TIGHT), self.date_error, spacing=2
            ),
        )
        form.addRow(tr("Organiser"), self.organiser)
        form.addRow(tr("Planned activities"), vbox(*self.activities.values(), spacing=2))
        form.addRow(tr("Export credit insurance (ekv)?"), hbox(self.ekv_yes, self.ekv_no, 1))
        form.addRow(tr("Language of the dossier"), self.language)
        self.setLayout(form)
        self.name.textChanged.connect(self.completeChanged)
        self.start.dateChanged.connect(self._check_dates)
        self.end.dateChanged.connect(self._check_dates)
        self._check_dates()
        self.high_risk.changed.connect(self._check_high_risk)
        self.countries.changed.connect(self._check_high_risk)
        self._check_high_risk()

    def _dates_problem(self) -> str:
        start, end = _date_value(self.start), _date_value(self.end)
        if start and end and end < start:
            return tr("The mission cannot end before it starts.")
        return ""

    def _check_dates(self) -> None:
        problem = self._dates_problem()
        self.date_error.setText(problem)
        self.date_error.setVisible(bool(problem))
        self.completeChanged.emit()

    def _high_risk_problem(self) -> str:
        extra = [c for c in self.high_risk.codes() if c not in self.countries.codes()]
        if extra:
            return tr("{code} is not one of the destinations.", code=extra[0])
        return ""

    def _check_high_risk(self) -> None:
        problem = self._high_risk_problem()
        self.high_risk_error.setText(problem)
        self.high_risk_error.setVisible(bool(problem))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        """Return whether the page can be left."""
        return (
            bool(self.name.text().strip())
            and not self._dates_problem()
            and not self._high_risk_problem()
        )

    def fill_from(self, mission: MissionDefinition, lang: Language) -> None:
        """Fill in the mission RVO defined in a mission pack (the dossier carries its id)."""
        self.mission_id = mission.id
        self.name.setText(mission.title(lang))
        for code in mission.destinations:
            self.countries.add(code)
        self.start.setDate(QDate(mission.start.year, mission.start.month, mission.start.day))
        self.end.setDate(QDate(mission.end.year, mission.end.month, mission.end.day))
        self.organiser.setText(mission.organiser)
        self.setSubTitle(
            tr("From the mission pack: {name}. Add your activities.", name=mission.title(lang))
        )

    def mission(self) -> Mission:
        """Return the mission entered."""
        return Mission(
            mission_id=self.mission_id,
            name=self.name.text().strip(),
            destinations=self.countries.codes(),
            start=_date_value(self.start),
            end=_date_value(self.end),
            organiser=self.organiser.text().strip(),
            activities=[k for k, box in self.activities.items() if box.isChecked()],  # type: ignore[misc]
            export_credit_insurance=self.ekv_yes.isChecked(),
            high_risk_destinations=self.high_risk.codes(),
        )


class ChecklistsPage(QWizardPage):
    """Which checklists will apply, and why."""

    def __init__(
        self, templates: dict[str, Template], lang: Language, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._templates = templates
        self._lang = lang
        self.require: tuple[str, ...] = ()
        self.setTitle(tr("Checklists for this mission"))
        self.setSubTitle(
            tr("Based on your answers, these checklists apply. You can go back and change them.")
        )
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.setLayout(vbox(self.summary, 1))

    def initializePage(self) -> None:
        """Explain the choice for the company and mission entered."""
        wizard = self.wizard()
        assert isinstance(wizard, NewDossierWizard)
        company, mission = wizard.company_page.company(), wizard.mission_page.mission()
        choices = choose_templates(self._templates.values(), company, mission, self._lang)
        rows = []
        for choice in sorted(choices, key=lambda c: not self._applies(c)):
            applies = self._applies(choice)
            mark = "✓" if applies else "–"
            colour = current_theme().green if applies else current_theme().disabled_ink
            ink = current_theme().ink if applies else current_theme().disabled_ink
            muted = current_theme().muted
            title = escape(choice.template.title.get(self._lang))
            count = choice.template.item_count
            reason = explain(choice.template, company, mission, self._lang)
            if applies and not choice.applies:
                reason = tr("The mission asks for this checklist.")
            rows.append(
                f"<tr><td style='color:{colour};font-size:14pt;padding-right:10px'>{mark}</td>"
                f"<td style='padding-bottom:10px'><b style='color:{ink}'>{title}</b>"
                f" <span style='color:{muted}'>({escape(tr('{n} questions', n=count))})</span><br/>"
                f"<span style='color:{muted}'>{escape(reason)}</span></td></tr>"
            )
        if not rows:
            rows.append(f"<tr><td>{escape(tr('No checklists are installed.'))}</td></tr>")
        self.summary.setText("<table>" + "".join(rows) + "</table>")

    def _applies(self, choice: TemplateChoice) -> bool:
        return choice.applies or choice.template.id in self.require

    def applying(self) -> list[str]:
        """Return the ids of the templates that apply (for tests)."""
        wizard = self.wizard()
        assert isinstance(wizard, NewDossierWizard)
        company, mission = wizard.company_page.company(), wizard.mission_page.mission()
        return [
            c.template.id
            for c in choose_templates(self._templates.values(), company, mission, self._lang)
            if self._applies(c)
        ]


class NewDossierWizard(QWizard):
    """Collect a company and a mission; `result_value()` returns them once finished."""

    def __init__(
        self,
        templates: dict[str, Template],
        lang: Language,
        parent: QWidget | None = None,
        mission: MissionDefinition | None = None,
    ) -> None:
        super().__init__(parent)
        self._require = tuple(c.id for c in mission.checklists) if mission else ()
        self.setWindowTitle(tr("New dossier"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.company_page = CompanyPage(self)
        self.mission_page = MissionPage(lang, self)
        self.checklists_page = ChecklistsPage(templates, lang, self)
        for page in (self.company_page, self.mission_page, self.checklists_page):
            self.addPage(page)
        if mission is not None:
            self.mission_page.fill_from(mission, lang)
            self.checklists_page.require = self._require
        self.setButtonText(QWizard.WizardButton.FinishButton, tr("Create dossier"))
        self.resize(760, 620)

    def result_value(self) -> NewDossier | None:
        """Return what was entered, or None when it is not valid."""
        try:
            return NewDossier(
                company=self.company_page.company(),
                mission=self.mission_page.mission(),
                language=self.mission_page.language.currentData(),
                require=self._require,
            )
        except ValidationError:
            return None
