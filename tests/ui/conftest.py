"""GUI tests run offscreen, with XDG folders and the data dir under tmp_path."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from ddcheck.ui import i18n


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Keep settings and data of every test under its own tmp_path, in English."""
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        folder = tmp_path / "xdg" / name.lower()
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(name, str(folder))
    monkeypatch.setenv("DDCHECK_DATA_DIR", str(tmp_path / "data"))
    i18n.set_language("en")
    yield
    i18n.set_language("en")


@pytest.fixture(scope="session")
def catalog() -> Any:
    """Return the shipped catalog (loaded once)."""
    from ddcheck.catalog import load_shipped_catalog

    return load_shipped_catalog()


@pytest.fixture
def prompts() -> Any:
    """Return scripted prompts."""
    from tests.ui.fakes import FakePrompts

    return FakePrompts()


@pytest.fixture
def fake_ws(catalog: Any) -> Any:
    """Return an in-memory workspace over the shipped catalog."""
    from tests.ui.fake_workspace import FakeWorkspace

    return FakeWorkspace(catalog)


@pytest.fixture
def make_ctx(tmp_path: Path, prompts: Any) -> Any:
    """Return a factory of AppContexts over a given workspace."""
    import datetime as dt

    from ddcheck.ui.context import AppContext
    from ddcheck.ui.settings import UiSettings
    from ddcheck.ui.tasks import TaskRunner
    from tests.ui.fakes import OpenedFiles

    opened = OpenedFiles()

    def make(workspace: Any) -> Any:
        ctx = AppContext(
            workspace=workspace,
            prompts=prompts,
            settings=UiSettings(tmp_path / "data" / "ui-settings.ini"),
            tasks=TaskRunner(),
            data_dir=tmp_path / "data",
            open_path=opened,
            today=lambda: dt.date(2026, 11, 23),
            now=lambda: dt.datetime(2026, 11, 23, 14, 30),
        )
        return ctx

    return make


@pytest.fixture
def saudi(fake_ws: Any) -> Any:
    """Return a dossier for a Saudi mission with export credit insurance, in the fake workspace."""
    from ddcheck.domain.dossier import Company, Mission

    return fake_ws.create_dossier(
        Company(name="Van Dijk Pompen B.V.", kvk_number="12345678"),
        Mission(
            name="Handelsmissie Saoedi-Arabië 2027",
            destinations=["SA"],
            activities=["export", "project"],
            export_credit_insurance=True,
        ),
        "en",
    )


@pytest.fixture
def controller(qtbot: Any, make_ctx: Any, fake_ws: Any) -> Any:
    """Return a started controller (main window shown) over the fake workspace."""
    from ddcheck.ui.controller import Controller

    ctx = make_ctx(fake_ws)
    languages: list[str] = []

    def apply(lang: Any) -> None:
        languages.append(lang)
        i18n.set_language(lang)

    ctrl = Controller(ctx, apply)
    ctrl.languages = languages  # type: ignore[attr-defined]
    window = ctrl.start()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitActive(window)
    return ctrl


@pytest.fixture
def real_ws(tmp_path: Path, catalog: Any) -> Any:
    from ddcheck.services import Workspace

    workspace = Workspace.open(tmp_path / "ws", user="tester", catalog=catalog)
    yield workspace
    workspace.close()


@pytest.fixture
def real_controller(qtbot: Any, make_ctx: Any, real_ws: Any) -> Any:
    from ddcheck.ui import i18n
    from ddcheck.ui.controller import Controller

    ctrl = Controller(make_ctx(real_ws), i18n.set_language)
    window = ctrl.start()
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.activateWindow()
    qtbot.waitActive(window)
    return ctrl
