"""The dossier profile's rules: country codes, mission dates, KvK numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from ddcheck.domain.dossier import STORED, Company, Mission


def test_destinations_must_be_assigned_iso_codes():
    assert Mission(name="M", destinations=[" sa", "ae"]).destinations == ["SA", "AE"]
    with pytest.raises(ValidationError, match="'XX' is not a country code"):
        Mission(name="M", destinations=["XX"])


def test_a_mission_cannot_end_before_it_starts():
    Mission(name="M", start=dt.date(2027, 2, 1), end=dt.date(2027, 2, 1))
    with pytest.raises(ValidationError, match="ends before it starts"):
        Mission(name="M", start=dt.date(2027, 2, 5), end=dt.date(2027, 2, 1))


def test_kvk_spaces_are_stripped_and_digits_required():
    assert Company(name="C", kvk_number="1234 5678").kvk_number == "12345678"
    assert Company(name="C", kvk_number=" ").kvk_number == ""
    with pytest.raises(ValidationError, match="exactly 8 digits"):
        Company(name="C", kvk_number="1234567a")


def test_profiles_stored_before_the_rules_still_load():
    old = '{"name": "M", "destinations": ["XX"], "start": "2027-02-05", "end": "2027-02-01"}'
    assert Mission.model_validate_json(old, context=STORED).destinations == ["XX"]
    with pytest.raises(ValidationError):
        Mission.model_validate_json(old)
