"""The app syncs the mission folder in the background and asks which conflicting value to keep."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ddcheck.store import received as received_rows
from ddcheck.ui.dialogs.conflicts import ConflictDialog
from ddcheck.ui.dialogs.settings_dialog import SettingsChoice
from tests.services.exchange_helpers import filled, open_workspace


def _only_received(ws: Any) -> str:
    return received_rows.list_received(ws._store.conn)[0].id


def test_the_app_syncs_and_the_adviser_chooses_between_two_verdicts(
    qtbot: Any, make_ctx: Any, prompts: Any, tmp_path: Path
) -> None:
    from ddcheck.ui import i18n
    from ddcheck.ui.controller import Controller

    shared = tmp_path / "shared"
    shared.mkdir()
    with open_workspace(tmp_path / "company") as company:
        dossier = filled(company)
        company.export_pdf(dossier.id, shared / "van-dijk.pdf", lang="nl")
    bram = open_workspace(tmp_path / "bram", user="Bram Jansen")
    with open_workspace(tmp_path / "anna", user="Anna de Vries") as anna:
        anna.sync_folder(shared, settle_seconds=0)
        bram.sync_folder(shared, settle_seconds=0)
        anna.set_verdict(_only_received(anna), "sufficient", "Anna: fine.")
        bram.set_verdict(_only_received(bram), "insufficient", "Bram: not yet.")
        anna.sync_folder(shared, settle_seconds=0)
    received = _only_received(bram)

    controller = Controller(make_ctx(bram), i18n.set_language)
    window = controller.start()
    qtbot.addWidget(window)
    sync = controller.mission_sync
    assert not sync.button.isVisible() and not sync.action.isEnabled()  # no folder yet

    chosen: list[ConflictDialog] = []

    def choose(dialog: ConflictDialog) -> None:
        chosen.append(dialog)
        window.grab().save(str(tmp_path / "window.png"))
        dialog.grab().save(str(tmp_path / "conflicts.png"))
        verdict = next(
            n
            for n, (found, _g, _v) in enumerate(dialog._groups)
            if found.conflict.ref[2] == "verdict"
        )
        dialog.choose(verdict, 0)  # Anna's "sufficient" (the older of the two)
        dialog.accept()

    prompts.dialog_handlers.append(choose)
    prompts.settings_choice = SettingsChoice("system", None, str(shared))
    window.settings_action.trigger()  # choosing a folder syncs at once, in the background
    assert sync.running
    qtbot.waitUntil(lambda: sync.last_report is not None, timeout=30000)
    assert chosen and len(sync.last_report.conflicts) == 2  # the verdict and its note
    review = bram.review_of(received)
    assert review.verdict == "sufficient" and review.verdict_note == "Bram: not yet."
    assert [c.conflict.ref[2] for c in bram.sync_conflicts(received)] == ["verdict_note"]
    assert sync.action.isEnabled()
    bram.close()


def test_a_workspace_on_a_network_drive_shows_a_lasting_notice(
    qtbot: Any, make_ctx: Any, monkeypatch: Any, tmp_path: Path
) -> None:
    import ddcheck.services.location as location
    from ddcheck.ui import i18n
    from ddcheck.ui.controller import Controller

    monkeypatch.setattr(location, "network_reason", lambda path: "it is on a network (cifs)")
    with open_workspace(tmp_path / "ws") as ws:
        controller = Controller(make_ctx(ws), i18n.set_language)
        window = controller.start()
        qtbot.addWidget(window)
        notice = controller.mission_sync.notice
        assert notice is not None and "network" in notice.text()
        window.statusBar().showMessage("something else")
        assert notice.isVisibleTo(window)
