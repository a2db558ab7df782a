"""A damaged workspace: the start dialog offers the backup, starting empty or quitting, every
start until the user chose, in the UI language."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from ddcheck.ui import i18n
from ddcheck.ui.dialogs.damaged import DamagedDialog
from ddcheck.ui.prompts import Prompts
from ddcheck.ui.workspace_opening import open_workspace
from tests.ui.test_with_workspace import create_saudi


class ClickingPrompts(Prompts):
    """The real prompts; a timer clicks a button of the real damaged-workspace dialog."""

    def __init__(self, pick: Callable[[DamagedDialog], Any]) -> None:
        self.pick = pick
        self.seen: list[DamagedDialog] = []
        self.errors: list[str] = []

    def damaged_workspace(self, parent: Any, message: str, backup: Path | None) -> str:
        def click() -> None:
            dialog = QApplication.activeModalWidget()
            assert isinstance(dialog, DamagedDialog)
            self.seen.append(dialog)
            self.texts = [w.text() for w in dialog.findChildren(type(dialog.quit_button))]
            self.labels = [w.text() for w in dialog.findChildren(_label_type())]
            self.pick(dialog).click()

        QTimer.singleShot(0, click)
        return super().damaged_workspace(parent, message, backup)

    def error(self, parent: Any, title: str, text: str) -> None:
        self.errors.append(text)


def _label_type() -> type:
    from PySide6.QtWidgets import QLabel

    return QLabel


@pytest.fixture
def damaged(tmp_path: Path, catalog: Any) -> tuple[Path, str]:
    """Return a workspace folder whose file was damaged after a backup, and the dossier id."""
    from ddcheck.services import Workspace

    folder = tmp_path / "damaged-ws"
    workspace = Workspace.open(folder, user="tester", catalog=catalog)
    dossier = create_saudi(workspace)
    workspace.backup()
    workspace.close()
    (folder / "workspace.sqlite").write_bytes(b"this is not a database" * 100)
    for extra in ("workspace.sqlite-wal", "workspace.sqlite-shm"):
        (folder / extra).unlink(missing_ok=True)
    return folder, dossier.id


def _ids(workspace: Any) -> list[str]:
    try:
        return [i.id for i in workspace.list_dossiers()]
    finally:
        workspace.close()


def test_restoring_the_offered_backup_brings_the_dossier_back_and_ends_the_question(
    qtbot: Any, damaged: tuple[Path, str], catalog: Any
) -> None:
    folder, dossier_id = damaged
    prompts = ClickingPrompts(lambda d: d.restore_button)
    assert _ids(open_workspace(folder, prompts, catalog)) == [dossier_id]
    assert len(prompts.seen) == 1 and prompts.errors == []
    assert any((folder / "damaged").rglob("*.sqlite")), "the damaged file was kept"
    again = ClickingPrompts(lambda d: d.quit_button)
    assert _ids(open_workspace(folder, again, catalog)) == [dossier_id]
    assert again.seen == [], "a restored damage is not mentioned again"


def test_quitting_leaves_the_damage_pending_so_the_next_start_asks_again(
    qtbot: Any, damaged: tuple[Path, str], catalog: Any
) -> None:
    folder, dossier_id = damaged
    first = ClickingPrompts(lambda d: d.quit_button)
    assert open_workspace(folder, first, catalog) is None
    second = ClickingPrompts(lambda d: d.quit_button)
    assert open_workspace(folder, second, catalog) is None
    assert len(first.seen) == len(second.seen) == 1
    assert second.seen[0].restore_button is not None, "the backup from before is still offered"
    third = ClickingPrompts(lambda d: d.restore_button)
    assert _ids(open_workspace(folder, third, catalog)) == [dossier_id]


def test_starting_empty_dismisses_the_damage_in_dutch(
    qtbot: Any, damaged: tuple[Path, str], catalog: Any
) -> None:
    folder, _ = damaged
    i18n.set_language("nl")
    prompts = ClickingPrompts(lambda d: d.empty_button)
    assert _ids(open_workspace(folder, prompts, catalog)) == []
    assert sorted(prompts.texts) == ["Afsluiten", "Back-up terugzetten", "Leeg beginnen"]
    text = " ".join(prompts.labels)
    assert "Het werkbestand bleek op" in text, "the services' sentence, in Dutch"
    assert "Tot u kiest, vraagt ddcheck dit bij elke start opnieuw." in text
    assert "found damaged" not in text and "working in" not in text
    assert list((folder / "damaged" / "resolved").glob("*.sqlite"))
    later = ClickingPrompts(lambda d: d.quit_button)
    assert _ids(open_workspace(folder, later, catalog)) == []
    assert later.seen == []


def test_without_a_backup_only_starting_empty_or_quitting_is_offered(
    qtbot: Any, tmp_path: Path, catalog: Any
) -> None:
    from ddcheck.services import Workspace

    folder = tmp_path / "ws"
    Workspace.open(folder, user="tester", catalog=catalog).close()
    (folder / "workspace.sqlite").write_bytes(b"garbage" * 500)
    prompts = ClickingPrompts(lambda d: d.quit_button)
    assert open_workspace(folder, prompts, catalog) is None
    assert prompts.seen[0].restore_button is None
    assert sorted(prompts.texts) == ["Quit", "Start empty"]


def test_quit_after_ready_on_a_damaged_workspace_reports_and_exits_1_without_a_dialog(
    damaged: tuple[Path, str],
) -> None:
    folder, _dossier_id = damaged
    result = subprocess.run(
        [sys.executable, "-m", "ddcheck", "--data-dir", str(folder), "--quit-after-ready"],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen", LANG="en_GB.UTF-8", LANGUAGE="en"),
        cwd=Path(__file__).resolve().parents[2],
    )
    assert result.returncode == 1
    assert "backup" in result.stderr.lower() and "Traceback" not in result.stderr
    from ddcheck.services import Workspace

    assert Workspace.pending_damage(folder) is not None, "the next real start asks the user"


def test_unattended_prompts_print_and_decline() -> None:
    from ddcheck.ui.prompts import QUIT, UnattendedPrompts

    lines: list[str] = []
    prompts = UnattendedPrompts(lines.append)
    assert prompts.confirm(None, "Delete?", "Delete the dossier?", "Delete") is False
    prompts.error(None, "Oops", "the disk is full")
    assert prompts.damaged_workspace(None, "The workspace was damaged.", None) == QUIT
    assert lines == [
        "Delete?: Delete the dossier?",
        "Oops: the disk is full",
        "The workspace was damaged.",
    ]
