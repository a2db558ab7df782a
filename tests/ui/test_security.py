"""Encryption, the idle lock and travel mode in the app, driven like a person."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from ddcheck.paths import data_paths
from ddcheck.services import Workspace
from ddcheck.services.encryption import encrypt_workspace, unlock
from ddcheck.ui.accessibility import unnamed_widgets
from ddcheck.ui.workspace_opening import open_workspace
from tests.ui.fakes import FakePrompts

PASS = "correct horse battery staple"


def _ok(dialog: Any) -> Any:
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def _type_and_ok(qtbot: Any, text: str, expect_problem: str = "") -> Any:
    def handle(dialog: Any) -> None:
        if expect_problem:
            assert expect_problem in dialog.problem.text() and dialog.problem.isVisible()
        assert not _ok(dialog).isEnabled()
        qtbot.keyClicks(dialog.passphrase, text)
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    return handle


def test_start_asks_for_the_passphrase_until_it_fits(qtbot, tmp_path: Path, catalog):
    folder = tmp_path / "enc"
    Workspace.open(folder, catalog=catalog).close()
    encrypt_workspace(folder, PASS)
    prompts = FakePrompts()
    prompts.dialog_handlers = [
        _type_and_ok(qtbot, "wrong guess"),
        _type_and_ok(qtbot, PASS, expect_problem="does not open"),
    ]
    workspace = open_workspace(folder, prompts, catalog)
    assert workspace is not None and workspace.encrypted
    workspace.close()
    cancelled = FakePrompts()
    cancelled.dialog_handlers = [lambda dialog: dialog.reject()]
    assert open_workspace(folder, cancelled, catalog) is None


def test_encrypt_from_the_menu_shows_strength_and_the_recovery_key_once(
    qtbot, real_controller, prompts
):
    workspace = real_controller.ctx.workspace
    security = real_controller.security
    assert security.encrypt_action.isEnabled() and not security.decrypt_action.isEnabled()
    shown: dict[str, str] = {}

    def choose(dialog: Any) -> None:
        assert unnamed_widgets(dialog) == []
        qtbot.keyClicks(dialog.passphrase, "short")
        assert "too short" in dialog.hint.text()
        dialog.passphrase.clear()
        qtbot.keyClicks(dialog.passphrase, PASS)
        assert "Strength: good" in dialog.hint.text() or "strong" in dialog.hint.text()
        assert not _ok(dialog).isEnabled()  # not typed twice yet
        qtbot.keyClicks(dialog.again, PASS)
        assert _ok(dialog).isEnabled()
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    def recovery(dialog: Any) -> None:
        assert unnamed_widgets(dialog) == []
        shown["key"] = dialog.key.text()
        assert not _ok(dialog).isEnabled()
        dialog.written.setChecked(True)
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    prompts.dialog_handlers = [choose, recovery]
    security.encrypt_action.trigger()

    assert workspace.encrypted
    assert unlock(workspace.paths, shown["key"]) is not None
    assert not security.encrypt_action.isEnabled() and security.decrypt_action.isEnabled()
    assert workspace.list_dossiers() == []  # still open and usable

    prompts.dialog_handlers = [_type_and_ok(qtbot, PASS)]
    security.decrypt_action.trigger()
    assert not workspace.encrypted and not data_paths(workspace.paths.root).keys.exists()


def test_idle_lock_saves_first_hides_the_dossier_and_asks_again(
    qtbot, real_controller, prompts, monkeypatch
):
    window = real_controller.window
    security = real_controller.security
    workspace = real_controller.ctx.workspace
    prompts.dialog_handlers = [
        lambda d: (qtbot.keyClicks(d.passphrase, PASS), qtbot.keyClicks(d.again, PASS), d.accept()),
        lambda d: (d.written.setChecked(True), d.accept()),
    ]
    security.encrypt_action.trigger()
    assert workspace.encrypted
    order: list[str] = []
    original_flush = window.flush
    monkeypatch.setattr(window, "flush", lambda: (order.append("saved"), original_flush()))
    seen: dict[str, bool] = {}

    def at_lock(dialog: Any) -> None:
        order.append("asked")
        seen["hidden"] = not window.centralWidget().isVisible()
        seen["title"] = "locked" in window.windowTitle()
        _type_and_ok(qtbot, PASS)(dialog)

    prompts.dialog_handlers = [at_lock]
    security.idle.set_minutes(0, interval_ms=150)
    qtbot.waitUntil(lambda: "asked" in order, timeout=5000)
    assert order[:2] == ["saved", "asked"]
    assert seen == {"hidden": True, "title": True}
    assert window.centralWidget().isVisible()
    security.idle.set_minutes(0)


def test_typing_keeps_the_idle_lock_away_and_stopping_lets_it_come(qtbot):
    from PySide6.QtWidgets import QLineEdit

    from ddcheck.ui.security import IdleLock

    locked: list[str] = []
    field = QLineEdit()
    qtbot.addWidget(field)
    field.show()
    idle = IdleLock(lambda: locked.append("locked"), 0)
    idle.set_minutes(0, interval_ms=400)
    for _ in range(6):  # 1.2 s of typing, a key every 0.2 s: never 0.4 s without input
        qtbot.keyClick(field, Qt.Key.Key_A)
        qtbot.wait(200)
    assert locked == [] and field.text() == "aaaaaa"
    qtbot.waitUntil(lambda: locked == ["locked"], timeout=3000)
    idle.set_minutes(0)


def test_the_idle_lock_watches_input_only_while_it_is_armed(qtbot):
    from ddcheck.ui.security import IdleLock

    idle = IdleLock(lambda: None, 0)
    assert not idle.watching  # never: no app-wide filter sees every event for nothing
    idle.set_minutes(5)
    assert idle.watching and idle.timer.isActive()
    idle.set_minutes(0)
    assert not idle.watching and not idle.timer.isActive()


def test_prepare_for_travel_and_back_home_from_the_menu(
    qtbot, real_controller, prompts, tmp_path: Path
):
    from ddcheck.domain.dossier import Company, Mission

    security = real_controller.security
    workspace = real_controller.ctx.workspace
    dossier = workspace.create_dossier(
        Company(name="Reis B.V.", kvk_number="12345678"),
        Mission(name="Missie", destinations=["SA"], activities=["export"]),
        "en",
    )
    prompts.dialog_handlers = [
        lambda d: (qtbot.keyClicks(d.passphrase, PASS), qtbot.keyClicks(d.again, PASS), d.accept()),
        lambda d: (d.written.setChecked(True), d.accept()),
    ]
    security.encrypt_action.trigger()
    real_controller.refresh_list()
    assert security.travel_action.isEnabled() and not security.home_action.isEnabled()

    def plan(dialog: Any) -> None:
        assert unnamed_widgets(dialog) == []
        assert "On the laptop during the trip: 1 dossier(s)." in dialog.summary.text()
        dialog.dossiers.item(0).setCheckState(Qt.CheckState.Checked)
        assert "On the laptop during the trip: 0 dossier(s)." in dialog.summary.text()
        assert "Left at home: 1 whole dossier(s)." in dialog.summary.text()
        qtbot.mouseClick(_ok(dialog), Qt.MouseButton.LeftButton)

    archive = tmp_path / "usb.ddtravel"
    prompts.dialog_handlers = [plan]
    prompts.save_paths = [archive]
    security.travel_action.trigger()
    assert archive.is_file()
    assert workspace.list_dossiers() == []
    assert security.home_action.isEnabled() and not security.travel_action.isEnabled()

    prompts.files = [[archive]]
    security.home_action.trigger()
    assert [d.id for d in workspace.list_dossiers()] == [dossier.id]
    assert not security.home_action.isEnabled()


def test_the_first_start_offers_encryption_once(qtbot, real_controller, prompts):
    security = real_controller.security
    workspace = real_controller.ctx.workspace
    prompts.confirms = [True]
    prompts.dialog_handlers = [
        lambda d: (qtbot.keyClicks(d.passphrase, PASS), qtbot.keyClicks(d.again, PASS), d.accept()),
        lambda d: (d.written.setChecked(True), d.accept()),
    ]
    security.offer_on_first_start()
    assert workspace.encrypted
    assert [kind for kind, _ in prompts.asked].count("confirm") == 1
    security.offer_on_first_start()  # encrypted now, and asked already: no second question
    assert [kind for kind, _ in prompts.asked].count("confirm") == 1
