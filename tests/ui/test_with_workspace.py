"""The app over the real services Workspace: what is typed is in the workspace file."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt

from ddcheck.ui.main_window import PAGE_CHECKLIST, PAGE_DOSSIERS


def create_saudi(real_ws: Any) -> Any:
    from ddcheck.domain.dossier import Company, Mission

    return real_ws.create_dossier(
        Company(name="Van Dijk Pompen B.V.", kvk_number="12345678"),
        Mission(
            name="Riyadh 2027",
            destinations=["SA"],
            activities=["project"],
            export_credit_insurance=True,
        ),
        "en",
    )


def test_wizard_creates_the_dossier_in_the_workspace(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any
) -> None:
    from tests.ui.test_wizard import fill_company

    def drive(wizard: Any) -> Any:
        qtbot.addWidget(wizard)
        wizard.show()
        fill_company(qtbot, wizard)
        wizard.next()
        qtbot.keyClicks(wizard.mission_page.name, "Riyadh 2027")
        qtbot.keyClicks(wizard.mission_page.countries.search, "Saudi")
        qtbot.keyClick(wizard.mission_page.countries.search, Qt.Key.Key_Return)
        wizard.mission_page.ekv_yes.setChecked(True)
        wizard.next()
        return wizard.result_value()

    prompts.wizard = drive
    qtbot.mouseClick(real_controller.window.dossiers.welcome.new_button, Qt.MouseButton.LeftButton)
    infos = real_ws.list_dossiers()
    assert [i.title for i in infos] == ["Van Dijk Pompen B.V. — Riyadh 2027"]
    stored = real_ws.get_dossier(infos[0].id)
    assert stored.mission.destinations == ["SA"] and stored.company.kvk_number == "12345678"
    assert real_controller.window.current_page() == PAGE_CHECKLIST


def test_answers_and_notes_are_in_the_workspace_and_undo_reverts_them(
    qtbot: Any, real_controller: Any, real_ws: Any
) -> None:
    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    real_controller.open_dossier(dossier.id)
    page = real_controller.window.page(PAGE_CHECKLIST)
    key = next(
        e.key for e in page.session.summary.entries if e.template.scale_for(e.item).is_choice
    )
    page.select(key)
    page.tree.setFocus()
    qtbot.keyClick(page.tree, Qt.Key.Key_2)
    template_id, item_id = key.split("/")
    chosen = page.panel.editor.value()
    assert chosen is not None
    assert real_ws.get_dossier(dossier.id).answer(template_id, item_id).value == chosen
    qtbot.keyClicks(page.panel.note, "Checked with the buyer")
    qtbot.waitUntil(
        lambda: (
            real_ws.get_dossier(dossier.id).answer(template_id, item_id).note
            == "Checked with the buyer"
        ),
        timeout=3000,
    )
    assert real_controller.window.saved.text() == "All changes saved · 14:30"
    history = real_ws.history(dossier.id)
    assert any(getattr(h, "field", "") == "note" for h in history)
    real_controller.window.undo_action.trigger()
    assert real_ws.get_dossier(dossier.id).answer(template_id, item_id).note == ""
    real_controller.window.undo_action.trigger()
    answer = real_ws.get_dossier(dossier.id).answer(template_id, item_id)
    assert answer is None or answer.value is None


def test_rename_duplicate_delete_and_restore_from_the_list(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any
) -> None:
    dossier = create_saudi(real_ws)
    real_controller.refresh_list()
    window = real_controller.window
    window.show_page(PAGE_DOSSIERS)
    lst = window.dossiers.list
    lst.select(dossier.id)
    prompts.texts.append("Riyadh 2028")
    qtbot.mouseClick(lst.rename_button, Qt.MouseButton.LeftButton)
    assert real_ws.get_dossier(dossier.id).mission.name == "Riyadh 2028"
    lst.select(dossier.id)
    prompts.texts.append("Jeddah 2029")
    qtbot.mouseClick(lst.duplicate_button, Qt.MouseButton.LeftButton)
    assert sorted(i.mission.name for i in real_ws.list_dossiers()) == ["Jeddah 2029", "Riyadh 2028"]
    lst.select(dossier.id)
    prompts.confirms.append(True)
    qtbot.mouseClick(lst.delete_button, Qt.MouseButton.LeftButton)
    assert [i.mission.name for i in real_ws.list_dossiers()] == ["Jeddah 2029"]
    assert lst.model.rowCount() == 1
    prompts.confirms.append(True)
    qtbot.mouseClick(lst.trash_button, Qt.MouseButton.LeftButton)
    assert sorted(i.mission.name for i in real_ws.list_dossiers()) == ["Jeddah 2029", "Riyadh 2028"]


def test_the_first_window_is_1280_by_800_or_fits_a_smaller_screen() -> None:
    from ddcheck.ui.main_window import first_run_size

    assert first_run_size(1920, 1040) == (1280, 800)
    assert first_run_size(1366, 728) == (1256, 669)
    assert first_run_size(800, 800) == (736, 736)


def test_last_dossier_and_window_size_are_remembered(
    qtbot: Any, make_ctx: Any, real_ws: Any
) -> None:
    from ddcheck.ui import i18n
    from ddcheck.ui.controller import Controller

    dossier = create_saudi(real_ws)
    first = Controller(make_ctx(real_ws), i18n.set_language)
    window = first.start()
    qtbot.addWidget(window)
    screen, frame = window.screen().availableGeometry(), window.geometry()
    assert screen.top() <= frame.top() and frame.bottom() <= screen.bottom(), "fits 800 px high"
    first.open_dossier(dossier.id)
    window.resize(900, 690)  # the offscreen screen is 800×800: heights below it survive as set
    window.page(PAGE_CHECKLIST).splitter.setSizes([300, 900])
    qtbot.wait(20)
    sizes = window.page(PAGE_CHECKLIST).splitter.sizes()
    window.close()
    second = Controller(make_ctx(real_ws), i18n.set_language)
    again = second.start()
    qtbot.addWidget(again)
    assert again.session is not None and again.session.dossier_id == dossier.id
    assert again.height() == 690
    qtbot.wait(20)
    assert again.page(PAGE_CHECKLIST).splitter.sizes() == sizes


def test_quit_after_ready_shows_the_window_and_exits_zero(tmp_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [sys.executable, "-m", "ddcheck", "--data-dir", str(tmp_path / "ws"), "--quit-after-ready"],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "ws" / "workspace.sqlite").is_file()
    assert (tmp_path / "ws" / "preferences.json").is_file()  # the one settings store


def test_demo_dossier_opens_filled_in_and_is_reopened_not_rebuilt(
    qtbot: Any, real_controller: Any, real_ws: Any
) -> None:
    qtbot.mouseClick(real_controller.window.dossiers.welcome.demo_button, Qt.MouseButton.LeftButton)
    session = real_controller.window.session
    assert session is not None
    assert session.summary.overall.answered > 0
    assert session.dossier.actions and session.dossier.evidence
    assert real_controller.window.current_page() == PAGE_CHECKLIST
    real_controller.window.demo_action.trigger()
    assert len(real_ws.list_dossiers()) == 1


def test_import_a_ddcheck_bundle_from_another_laptop_as_an_own_dossier(
    qtbot: Any, real_controller: Any, real_ws: Any, prompts: Any, tmp_path: Path, catalog: Any
) -> None:
    from ddcheck.services import Workspace

    other = Workspace.open(tmp_path / "old-laptop", user="other", catalog=catalog)
    try:
        moved = create_saudi(other)
        key = next(iter(other.summary(moved.id).entries)).key
        template_id, item_id = key.split("/")
        other.answer(moved.id, template_id, item_id, note="Written on the old laptop")
        bundle = tmp_path / "moved.ddcheck"
        other.export_bundle(moved.id, bundle, audience="internal")
    finally:
        other.close()
    welcome = real_controller.window.dossiers.welcome
    assert welcome.import_button.isEnabled()
    prompts.files.append([bundle])
    qtbot.mouseClick(welcome.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: prompts.asked[-1][0] == "inform", timeout=10000)  # in the background
    assert [i.title for i in real_ws.list_dossiers()] == ["Van Dijk Pompen B.V. — Riyadh 2027"]
    session = real_controller.window.session
    assert session is not None
    assert session.answer(key).note == "Written on the old laptop"
    assert prompts.asked[-1] == ("inform", "moved.ddcheck was imported.")
