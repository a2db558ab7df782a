"""Opening a mission pack in the app starts the new-dossier wizard with the mission filled in."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from ddcheck.domain.mission import Participant
from ddcheck.ui.dialogs.wizard import NewDossierWizard
from ddcheck.ui.receiving import importable


def _pack(catalog: Any, folder: Path) -> tuple[str, Path]:
    from ddcheck.services import Workspace

    with Workspace.open(folder / "adviser", user="adviser", catalog=catalog) as adviser:
        mission = adviser.create_mission(
            "Handelsmissie Saoedi-Arabië 2027",
            name_en="Trade mission Saudi Arabia 2027",
            destinations=["SA", "AE"],
            start=dt.date(2027, 2, 1),
            end=dt.date(2027, 2, 5),
            organiser="RVO",
            checklists=["briefing-conflict-areas"],
            participants=[Participant(company="Van Dijk Pompen B.V.", kvk_number="12345678")],
        )
        return mission.id, adviser.export_mission_pack(mission.id, folder / "m.ddmission")


def test_a_dropped_pack_is_importable() -> None:
    assert importable([Path("a.ddmission"), Path("b.txt")]) == [Path("a.ddmission")]


def test_opening_a_pack_starts_the_wizard_with_the_mission_filled_in(
    qtbot: Any, real_controller: Any, prompts: Any, catalog: Any, tmp_path: Path
) -> None:
    mission_id, pack = _pack(catalog, tmp_path)
    seen: dict[str, Any] = {}

    def drive(wizard: NewDossierWizard) -> Any:
        qtbot.addWidget(wizard)
        page = wizard.mission_page
        seen["name"] = page.name.text()
        seen["countries"] = page.countries.codes()
        seen["start"] = page.start.date().toPython()
        qtbot.keyClicks(wizard.company_page.name, "Van Dijk Pompen B.V.")
        qtbot.keyClicks(wizard.company_page.kvk, "12345678")
        wizard.next()
        wizard.next()
        seen["applying"] = wizard.checklists_page.applying()
        return wizard.result_value()

    prompts.wizard = drive
    real_controller.import_files([pack])
    qtbot.waitUntil(lambda: ("new_dossier", mission_id) in prompts.asked, timeout=10_000)
    assert seen["name"] == "Trade mission Saudi Arabia 2027" or seen["name"].startswith("Handels")
    assert seen["countries"] == ["SA", "AE"]
    assert seen["start"] == dt.date(2027, 2, 1)
    assert "briefing-conflict-areas" in seen["applying"]  # asked for, not chosen by the profile
    session = real_controller.window.session
    assert session is not None
    assert session.dossier.mission.mission_id == mission_id
    assert "briefing-conflict-areas" in {t.id for t in session.dossier.templates}


def test_the_overview_of_a_mission_shows_who_is_missing_and_attaches_on_confirmation(
    qtbot: Any, prompts: Any, catalog: Any, tmp_path: Path
) -> None:
    from ddcheck.domain.dossier import Company, Mission
    from ddcheck.services import Workspace
    from tests.ui.adviser_helpers import import_files, start_app

    mission_id, pack = _pack(catalog, tmp_path)
    files = tmp_path / "files"
    files.mkdir()
    with Workspace.open(tmp_path / "company", user="company", catalog=catalog) as company:
        company.import_mission_pack(pack)
        old = company.create_dossier(
            Company(name="Van Dijk Pompen B.V.", kvk_number="12345678"),
            Mission(
                name="Saudi mission",
                destinations=["SA"],
                start=dt.date(2027, 2, 2),
                end=dt.date(2027, 2, 3),
            ),
        )
        company.export_pdf(old.id, files / "old.pdf", lang="nl", audience="adviser")
    adviser = Workspace.open(tmp_path / "adviser", user="adviser", catalog=catalog)
    try:
        app = start_app(qtbot, tmp_path / "adviser-ui", adviser, prompts)
        import_files(qtbot, app, prompts, [files / "old.pdf"])
        page = app.adviser.show_overview()
        page.mission.setCurrentIndex(page.mission.findData("id:" + mission_id))
        assert "1 expected, 0 received, 1 missing" in page.status.text()
        assert page.attach_button.isVisibleTo(page)
        page.grab().save(str(tmp_path / "overview.png"))
        prompts.confirms.append(True)
        page.attach_button.click()
        page.mission.setCurrentIndex(page.mission.findData("id:" + mission_id))
        assert "1 expected, 1 received, 0 missing" in page.status.text()
        assert not page.attach_button.isVisibleTo(page)
        assert [r.kvk for r in adviser.mission_overview_by_id(mission_id).rows] == ["12345678"]
    finally:
        adviser.close()


def test_the_missions_page_creates_a_mission_and_exports_its_pack(
    qtbot: Any, real_controller: Any, prompts: Any, tmp_path: Path
) -> None:
    from PySide6.QtCore import QDate, Qt

    csv = tmp_path / "participants.csv"
    csv.write_text("Alfa B.V.;12345678\nBeta B.V.;87654321\n", encoding="utf-8")

    def fill(dialog: Any) -> Any:
        qtbot.addWidget(dialog)
        qtbot.keyClicks(dialog.name, "Handelsmissie Golf 2027")
        dialog.countries.add("SA")
        dialog.countries.add("AE")
        dialog.start.setDate(QDate(2027, 2, 1))
        dialog.end.setDate(QDate(2027, 1, 1))
        for row in range(dialog.checklists.count()):
            item = dialog.checklists.item(row)
            if item.data(Qt.ItemDataRole.UserRole + 1) == "briefing-saudi-gulf":
                item.setCheckState(Qt.CheckState.Checked)
        prompts.files.append([csv])
        dialog.participants_button.click()
        dialog.create_mission()
        assert dialog.created is None and "ends before it starts" in dialog.problem.text()
        dialog.end.setDate(QDate(2027, 2, 5))
        dialog.create_mission()
        dialog.grab().save(str(tmp_path / "new-mission.png"))
        return dialog.created

    prompts.mission_dialog = fill
    real_controller.adviser.missions_action.trigger()
    page = real_controller.adviser.missions
    assert real_controller.window.pages.currentWidget() is page
    qtbot.mouseClick(page.new_button, Qt.MouseButton.LeftButton)
    assert page.tree.topLevelItemCount() == 1
    assert page.tree.topLevelItem(0).text(3) == "2"
    target = tmp_path / "golf.ddmission"
    prompts.save_paths.append(target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    page.grab().save(str(tmp_path / "missions.png"))
    mission, files = real_controller.ctx.workspace.read_mission_pack(target)
    assert mission.destinations == ["SA", "AE"]
    assert [t.id for t, _ in files] == ["briefing-saudi-gulf"]
    from ddcheck.exchange.mission_pack import read_pack

    signer = read_pack(target).signer  # signed with the adviser workspace's key
    assert signer is not None and signer == real_controller.ctx.workspace.own_signer()


def test_a_pack_signed_by_another_key_gets_a_notice_in_the_app(
    qtbot: Any, real_controller: Any, prompts: Any, catalog: Any, tmp_path: Path
) -> None:
    from ddcheck.exchange.mission_pack import read_pack, write_pack
    from ddcheck.exchange.signing import SigningKey

    _, pack = _pack(catalog, tmp_path)
    contents = read_pack(pack)
    forged = tmp_path / "forged.ddmission"
    mallory = SigningKey.create("Mallory", dt.datetime(2026, 1, 1, tzinfo=dt.UTC))
    forged.write_bytes(write_pack(contents.mission, contents.checklists, mallory))
    real_controller.import_files([pack])
    qtbot.waitUntil(lambda: any(k == "inform" for k, _ in prompts.asked), timeout=10_000)
    assert not [t for k, t in prompts.asked if "another key" in t or "andere sleutel" in t]
    prompts.asked.clear()
    real_controller.import_files([forged])
    qtbot.waitUntil(lambda: any(k == "inform" for k, _ in prompts.asked), timeout=10_000)
    [notice] = [t for k, t in prompts.asked if k == "inform"]
    assert "another key" in notice or "andere sleutel" in notice
