"""The one formatting module: numbers, sizes, dates in local time and country names (CLDR)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from ddcheck.domain.formatting import (
    country_name,
    country_names,
    date_field,
    format_date,
    format_datetime,
    format_number,
    format_partial_date,
    format_size,
    format_time,
    parse_number,
    size_field,
)

AMSTERDAM_WINTER = dt.timezone(dt.timedelta(hours=1))


@pytest.mark.parametrize(
    ("value", "lang", "text"),
    [
        (12_500_000, "nl", "12.500.000"),
        (12_500_000.0, "nl", "12.500.000"),
        (12.5, "nl", "12,5"),
        (12_500_000, "en", "12,500,000"),
        (12.5, "en", "12.5"),
        (-0.25, "nl", "-0,25"),
        (Decimal("3.10"), "en", "3.1"),
    ],
)
def test_numbers_are_written_with_the_languages_separators(value, lang, text) -> None:
    assert format_number(value, lang) == text


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("12.500.000", "nl", 12_500_000),
        ("12,5", "nl", 12.5),
        ("12,500,000", "en", 12_500_000),
        ("12.5", "en", 12.5),
        (" 12500000 ", "nl", 12_500_000),
        ("-3", "en", -3),
        ("+7,25", "nl", 7.25),
        ("1\u00a0000", "nl", 1000),
    ],
)
def test_numbers_are_read_as_the_language_writes_them(text, lang, value) -> None:
    parsed = parse_number(text, lang)
    assert parsed == value and type(parsed) is type(value)


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("", "nl"),
        ("   ", "en"),
        ("abc", "en"),
        ("12.5", "nl"),
        ("12,5", "en"),
        ("1,2,3", "en"),
        ("NaN", "en"),
        ("12 kg", "nl"),
    ],
)
def test_unreadable_numbers_raise_instead_of_turning_into_nothing(text, lang) -> None:
    with pytest.raises(ValueError):
        parse_number(text, lang)


@pytest.mark.parametrize("value", [0, 7, 12.5, 12_500_000, -4.75, 0.001])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_written_number_reads_back_as_itself(value, lang) -> None:
    assert parse_number(format_number(value, lang), lang) == value


def test_a_truth_value_is_no_number() -> None:
    with pytest.raises(TypeError):
        format_number(True, "nl")


@pytest.mark.parametrize(
    ("size", "nl", "en"),
    [
        (532, "532 byte", "532 byte"),
        (1_700, "1,7 kB", "1.7 kB"),
        (25 * 1024 * 1024, "26,2 MB", "26.2 MB"),
        (3_400_000_000, "3,4 GB", "3.4 GB"),
    ],
)
def test_file_sizes_in_both_languages(size, nl, en) -> None:
    assert (format_size(size, "nl"), format_size(size, "en")) == (nl, en)


def test_dates_as_the_app_and_the_reports_write_them() -> None:
    day = dt.date(2027, 1, 31)
    assert format_date(day, "nl") == "31-01-2027"
    assert format_date(day, "en") == "2027-01-31"
    assert format_date(None, "nl") == "" and format_date(None, "en", empty="–") == "–"


def test_an_export_just_after_midnight_in_amsterdam_carries_that_days_date() -> None:
    moment = dt.datetime(2026, 12, 3, 23, 30, tzinfo=dt.UTC)  # 00:30 on 4 December in Amsterdam
    assert format_datetime(moment, "nl", tz=AMSTERDAM_WINTER) == "04-12-2026 00:30"
    assert format_datetime(moment, "en", tz=AMSTERDAM_WINTER) == "2026-12-04 00:30"
    assert format_time(moment, tz=AMSTERDAM_WINTER) == "00:30"


def test_moments_are_shown_in_this_computers_time_zone(monkeypatch) -> None:
    import time

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        moment = dt.datetime(2026, 12, 3, 16, 0, tzinfo=dt.UTC)
        assert format_datetime(moment, "en") == "2026-12-04 01:00"
        assert format_date(moment, "nl") == "04-12-2026"
    finally:
        monkeypatch.undo()
        time.tzset()


def test_partial_dates_show_only_their_known_part() -> None:
    day = dt.date(2022, 6, 1)
    assert format_partial_date(day, "day", "nl") == "01-06-2022"
    assert format_partial_date(day, "month", "nl") == "juni 2022"
    assert format_partial_date(day, "month", "en") == "June 2022"
    assert format_partial_date(day, "year", "en") == "2022"


def test_country_names_come_from_cldr_in_both_languages() -> None:
    assert country_name("SA", "nl") == "Saoedi-Arabië"
    assert country_name("KR", "nl") == "Zuid-Korea"
    assert country_name("kr", "en") == "South Korea"
    assert country_name("PS", "nl") == "Palestijnse gebieden"
    assert country_name("Q1", "en") == "Q1"
    names = country_names("nl")
    assert len(names) == 249 and "EU" not in names
    assert all(name != code for code, name in names.items())


def test_a_file_size_in_a_message_is_written_in_the_readers_language() -> None:
    size = size_field(25_000_000)
    assert (size.text("nl"), size.text("en"), str(size)) == ("25,0 MB", "25.0 MB", "25.0 MB")


def test_a_date_in_a_message_is_written_in_the_readers_language() -> None:
    day = date_field(dt.date(2027, 1, 31))
    assert (day.text("nl"), day.text("en"), str(day)) == ("31-01-2027", "2027-01-31", "2027-01-31")
    assert date_field(None).text("nl") == ""
