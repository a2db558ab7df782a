"""The mission model: strict, ISO country codes, KvK numbers, dates in order, nothing twice."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from ddcheck.domain.dossier import Mission
from ddcheck.domain.mission import MissionDefinition, new_mission_id

GOOD = {
    "id": "6f1d2c3b-0a9e-4f8d-9c7b-6a5e4d3c2b1a",
    "name": {"nl": "Handelsmissie Saoedi-Arabië", "en": "Trade mission Saudi Arabia"},
    "destinations": ["SA", "AE"],
    "start": "2027-02-01",
    "end": "2027-02-05",
    "deadline": "2027-01-15",
    "checklists": [{"id": "briefing-saudi-gulf", "version": 2}],
    "participants": [{"company": "Alfa BV", "kvk_number": "12345678"}],
}


def _with(**changes):
    return {**GOOD, **changes}


def test_a_good_mission_reads_strictly_from_json() -> None:
    import json

    mission = MissionDefinition.model_validate_json(json.dumps(GOOD), strict=True)
    assert mission.title("en") == "Trade mission Saudi Arabia"
    assert mission.participant("12345678").company == "Alfa BV"
    assert mission.days_to_deadline(dt.date(2027, 1, 10)) == 5


@pytest.mark.parametrize(
    "bad",
    [
        _with(id="not-a-uuid"),
        _with(destinations=["XX"]),
        _with(destinations=["sa"]),
        _with(destinations=[]),
        _with(destinations=["SA", "SA"]),
        _with(end="2027-01-01"),
        _with(participants=[{"company": "A", "kvk_number": "1234567"}]),
        _with(participants=[{"company": "A", "kvk_number": "12345678"}] * 2),
        _with(participants=[{"company": " ", "kvk_number": "12345678"}]),
        _with(checklists=[{"id": "../x", "version": 1}]),
        _with(checklists=[{"id": "a", "version": 1}, {"id": "a", "version": 2}]),
        _with(name={"nl": "a\x1b[31m", "en": "b"}),
        _with(extra=1),
    ],
)
def test_anything_off_is_refused(bad) -> None:
    with pytest.raises(ValidationError):
        MissionDefinition.model_validate(bad)


def test_a_dossier_carries_a_mission_id_or_none() -> None:
    ident = new_mission_id()
    assert Mission(name="x", mission_id=ident).mission_id == ident
    assert Mission(name="x").mission_id is None
    with pytest.raises(ValidationError):
        Mission(name="x", mission_id="free text")
