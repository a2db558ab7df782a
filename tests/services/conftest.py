"""Fixtures for the workspace façade: small templates, a fixed clock, a temporary workspace."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from ddcheck.domain.dossier import Company, Mission
from ddcheck.domain.templates import Template
from ddcheck.services import SimpleCatalog, Workspace

TEMPLATES = Path(__file__).resolve().parents[1] / "fixtures" / "templates"


def load_template(name: str) -> Template:
    """Return a fixture template by file stem."""
    return Template.model_validate(yaml.safe_load((TEMPLATES / f"{name}.yaml").read_text()))


class Clock:
    """A clock that moves one second per call."""

    def __init__(self) -> None:
        self.now = dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)

    def __call__(self) -> dt.datetime:
        self.now += dt.timedelta(seconds=1)
        return self.now


@pytest.fixture
def catalog() -> SimpleCatalog:
    return SimpleCatalog.of([load_template("mini-v1"), load_template("briefing-sa")])


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def ws(tmp_path: Path, catalog: SimpleCatalog, clock: Clock) -> Iterator[Workspace]:
    with Workspace.open(tmp_path / "data", user="tester", catalog=catalog, clock=clock) as opened:
        yield opened


@pytest.fixture
def company() -> Company:
    return Company(name="Van Dijk Bouwmaterieel B.V.", kvk_number="12345678", sector="construction")


@pytest.fixture
def mission() -> Mission:
    return Mission(
        name="Handelsmissie Saoedi-Arabië 2027",
        destinations=["SA"],
        activities=["export", "project"],
        export_credit_insurance=True,
    )
