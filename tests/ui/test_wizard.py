"""The new-dossier wizard: KvK check, countries by Dutch or English name, which checklists apply."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QWizard

from ddcheck.domain.formatting import country_name
from ddcheck.ui.countries import search_countries
from ddcheck.ui.dialogs.wizard import NewDossierWizard, kvk_problem
from ddcheck.ui.main_window import PAGE_CHECKLIST


def test_kvk_number_needs_exactly_eight_digits() -> None:
    assert kvk_problem("") == ""
    assert kvk_problem("12345678") == ""
    assert kvk_problem("1234 5678") == ""
    assert kvk_problem("1234567") != ""
    assert kvk_problem("1234567a") != ""


def test_countries_are_found_by_dutch_or_english_name_without_accents() -> None:
    assert search_countries("Saudi", "en")[0] == "SA"
    assert search_countries("saoedi", "nl")[0] == "SA"
    assert "AE" in search_countries("Verenigde Arab", "nl")
    assert search_countries("cn", "en")[0] == "CN"
    assert country_name("SA", "nl") == "Saoedi-Arabië"


def fill_company(qtbot: Any, wizard: NewDossierWizard, kvk: str = "12345678") -> None:
    page = wizard.company_page
    qtbot.keyClicks(page.name, "Van Dijk Pompen B.V.")
    qtbot.keyClicks(page.kvk, kvk)


def test_wizard_blocks_a_bad_kvk_number_and_explains(qtbot: Any, catalog: Any) -> None:
    wizard = NewDossierWizard(catalog.templates, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    fill_company(qtbot, wizard, kvk="1234")
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.company_page.kvk_error.text() == "A KvK number has exactly 8 digits."
    qtbot.keyClicks(wizard.company_page.kvk, "5678")
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert wizard.company_page.kvk_error.isHidden()


def test_wizard_collects_the_mission_and_explains_the_checklists(qtbot: Any, catalog: Any) -> None:
    wizard = NewDossierWizard(catalog.templates, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    fill_company(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    mission = wizard.mission_page
    qtbot.keyClicks(mission.name, "Trade mission Saudi Arabia 2027")
    qtbot.keyClicks(mission.countries.search, "Saoedi")
    qtbot.keyClick(mission.countries.search, Qt.Key.Key_Return)
    assert mission.countries.codes() == ["SA"]
    mission.start.setDate(QDate(2027, 2, 10))
    mission.end.setDate(QDate(2027, 2, 14))
    mission.activities["project"].setChecked(True)
    qtbot.mouseClick(mission.ekv_yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    text = wizard.checklists_page.summary.text()
    assert "IFC Performance Standards" in text and "Saudi" in text
    assert "Applies only when you travel to China or Hong Kong SAR China." in text
    assert "Applies because you travel to Saudi Arabia." in text
    assert (
        "Applies because you apply for export credit insurance (ekv) and your plans include "
        "construction or infrastructure project." in text
    )
    applying = wizard.checklists_page.applying()
    assert "ifc-screening" in applying and "briefing-saudi-gulf" in applying
    assert "briefing-china-hk" not in applying
    result = wizard.result_value()
    assert result is not None
    assert result.company.kvk_number == "12345678"
    assert result.mission.destinations == ["SA"]
    assert result.mission.start == dt.date(2027, 2, 10)
    assert result.mission.export_credit_insurance is True
    assert result.mission.activities == ["project"]


def test_mission_cannot_end_before_it_starts(qtbot: Any, catalog: Any) -> None:
    wizard = NewDossierWizard(catalog.templates, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    fill_company(qtbot, wizard)
    wizard.next()
    qtbot.keyClicks(wizard.mission_page.name, "M")
    wizard.mission_page.start.setDate(QDate(2027, 2, 10))
    wizard.mission_page.end.setDate(QDate(2027, 2, 1))
    assert not wizard.mission_page.isComplete()
    assert "cannot end before" in wizard.mission_page.date_error.text()


def test_new_dossier_from_the_welcome_page_opens_its_checklist(
    qtbot: Any, controller: Any, prompts: Any
) -> None:
    window = controller.window
    assert window.dossiers.currentWidget() is window.dossiers.welcome

    def drive(wizard: NewDossierWizard) -> Any:
        qtbot.addWidget(wizard)
        wizard.show()
        fill_company(qtbot, wizard)
        wizard.next()
        qtbot.keyClicks(wizard.mission_page.name, "Riyadh 2027")
        wizard.mission_page.countries.add("SA")
        wizard.mission_page.ekv_yes.setChecked(True)
        wizard.next()
        return wizard.result_value()

    prompts.wizard = drive
    qtbot.mouseClick(window.dossiers.welcome.new_button, Qt.MouseButton.LeftButton)
    assert window.current_page() == PAGE_CHECKLIST
    assert window.session is not None
    assert window.session.dossier.company.name == "Van Dijk Pompen B.V."
    assert {t.id for t in window.session.dossier.templates} >= {
        "ifc-screening",
        "briefing-saudi-gulf",
    }
    assert window.dossiers.currentWidget() is window.dossiers.list
    assert window.dossiers.list.model.rowCount() == 1


def test_wizard_reasons_in_dutch_name_activities_and_countries(qtbot: Any, catalog: Any) -> None:
    from ddcheck.ui import i18n

    i18n.set_language("nl")
    wizard = NewDossierWizard(catalog.templates, "nl")
    qtbot.addWidget(wizard)
    wizard.show()
    fill_company(qtbot, wizard)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    mission = wizard.mission_page
    qtbot.keyClicks(mission.name, "Handelsmissie Golf 2027")
    for name in ("Saoedi", "Verenigde Arabische"):
        qtbot.keyClicks(mission.countries.search, name)
        qtbot.keyClick(mission.countries.search, Qt.Key.Key_Return)
        assert wizard.currentPage() is mission, "Return adds the country, it does not go on"
    assert sorted(mission.countries.codes()) == ["AE", "SA"]
    mission.activities["project"].setChecked(True)
    qtbot.mouseClick(mission.ekv_yes, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)
    text = wizard.checklists_page.summary.text()
    assert "omdat u naar Saoedi-Arabië en Verenigde Arabische Emiraten reist." in text
    assert "bestemming AE" not in text and "activiteit: project" not in text
    assert "Alleen van toepassing als u naar China of Hongkong SAR van China reist." in text


def test_sector_from_the_fixed_list_and_a_conflict_area_choose_the_modules(
    qtbot: Any, catalog: Any
) -> None:
    wizard = NewDossierWizard(catalog.templates, "en")
    qtbot.addWidget(wizard)
    wizard.show()
    fill_company(qtbot, wizard)
    sector = wizard.company_page.sector
    assert not sector.isEditable()  # a fixed list, not free text
    sector.setCurrentIndex(sector.findData("construction-infrastructure"))
    assert "dredging, ports and water" in sector.currentText()
    wizard.next()
    mission = wizard.mission_page
    qtbot.keyClicks(mission.name, "Reconstruction mission")
    for name in ("Ukraine", "Poland"):
        qtbot.keyClicks(mission.countries.search, name)
        qtbot.keyClick(mission.countries.search, Qt.Key.Key_Return)
    qtbot.keyClicks(mission.high_risk.search, "Germany")
    qtbot.keyClick(mission.high_risk.search, Qt.Key.Key_Return)
    assert not mission.isComplete()
    assert "DE is not one of the destinations" in mission.high_risk_error.text()
    qtbot.mouseClick(mission.high_risk.remove_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(mission.high_risk.search, "Ukraine")
    qtbot.keyClick(mission.high_risk.search, Qt.Key.Key_Return)
    assert mission.isComplete() and mission.high_risk_error.isHidden()
    wizard.next()
    applying = wizard.checklists_page.applying()
    assert {"sector-construction-infrastructure", "briefing-conflict-areas"} <= set(applying)
    assert "sector-agri-food" not in applying
    result = wizard.result_value()
    assert result is not None
    assert result.company.sector == "construction-infrastructure"
    assert result.mission.high_risk_destinations == ["UA"]
