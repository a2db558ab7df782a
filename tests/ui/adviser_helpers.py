"""Two real workspaces and the app over them, for the adviser's-side GUI tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest


def make_ctx_for(folder: Path, workspace: Any, prompts: Any) -> Any:
    from ddcheck.ui.context import AppContext
    from ddcheck.ui.settings import UiSettings
    from ddcheck.ui.tasks import TaskRunner
    from tests.ui.fakes import OpenedFiles

    opened = OpenedFiles()
    ctx = AppContext(
        workspace=workspace,
        prompts=prompts,
        settings=UiSettings(folder / "ui-settings.ini"),
        tasks=TaskRunner(),
        data_dir=folder,
        open_path=opened,
        today=lambda: dt.date(2026, 11, 23),
        now=lambda: dt.datetime(2026, 11, 23, 14, 30),
    )
    return ctx


def start_app(qtbot: Any, folder: Path, workspace: Any, prompts: Any) -> Any:
    from ddcheck.ui import i18n
    from ddcheck.ui.controller import Controller

    controller = Controller(make_ctx_for(folder, workspace, prompts), i18n.set_language)
    window = controller.start()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    return controller


@pytest.fixture
def company(tmp_path: Path, catalog: Any) -> Iterator[Any]:
    from ddcheck.services import Workspace

    workspace = Workspace.open(tmp_path / "company", user="company", catalog=catalog)
    yield workspace
    workspace.close()


@pytest.fixture
def adviser(tmp_path: Path, catalog: Any) -> Iterator[Any]:
    from ddcheck.services import Workspace

    workspace = Workspace.open(tmp_path / "adviser", user="adviser", catalog=catalog)
    yield workspace
    workspace.close()


@pytest.fixture
def company_pdf(company: Any, tmp_path: Path) -> tuple[Any, Path]:
    """Return the company's demo dossier and the adviser PDF it exported."""
    from ddcheck.services.demo import build_demo

    dossier = build_demo(company, lang="en")
    pdf = tmp_path / "files" / "dossier.pdf"
    company.export_pdf(dossier.id, pdf, lang="en", audience="adviser")
    return dossier, pdf


def import_files(qtbot: Any, controller: Any, prompts: Any, files: list[Path]) -> str:
    """Import through File → Import and wait for the background task; return the message."""
    asked = len(prompts.asked)
    prompts.files.append(files)
    controller.window.import_action.trigger()
    qtbot.waitUntil(lambda: len(prompts.asked) > asked + 1, timeout=20000)
    return prompts.asked[-1][1]


def rows_of(workspace: Any) -> list:
    """Return every row of the workspace file (read-only): a refused import must change none."""
    from tests.services.exchange_helpers import dump

    return dump(workspace.paths.database)
