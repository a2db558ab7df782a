"""Numbers, sizes, dates and country names as Dutch and English readers write them (CLDR).

The one place the app, the reports and the command line format (and read back) these values.
Babel's CLDR data is the only source; no Qt, no I/O. Babel is imported on first use.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable, Iterator
from contextvars import ContextVar
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from ddcheck.domain.sources import DatePrecision
from ddcheck.domain.text import Language

# Dates as the app and the PDF have always written them: 31-01-2027 in Dutch (CLDR's short
# Dutch date), ISO 8601 in English (CLDR's English short date, 1/31/27, is ambiguous abroad).
_DATE_PATTERN = {"nl": "dd-MM-y", "en": "y-MM-dd"}
_TIME_PATTERN = "HH:mm"
_SIZE_UNITS = (
    "digital-byte",
    "digital-kilobyte",
    "digital-megabyte",
    "digital-gigabyte",
    "digital-terabyte",
)
# The zone a report is written in (its export's UTC offset), so that rendering it again on
# another computer gives the same dates; None means this computer's zone.
_ZONE: ContextVar[dt.tzinfo | None] = ContextVar("ddcheck_zone", default=None)
_SPACES = re.compile(r"[\s\u00a0\u202f]")
# Codes CLDR names that are no country: the EU, the eurozone, the UN, "unknown region".
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ", "XA", "XB"})


def format_number(value: float | int | Decimal, lang: Language) -> str:
    """Return a number with the language's separators: 12.500.000 / 12,5 (nl), 12,500,000 (en)."""
    from babel.numbers import format_decimal

    if isinstance(value, bool):
        raise TypeError("a truth value is not a number")
    exact = value if isinstance(value, Decimal) else Decimal(repr(value))
    return format_decimal(exact, locale=lang, decimal_quantization=False)


def parse_number(text: str, lang: Language) -> int | float:
    """Return the number typed in `lang` ("12.500.000", "12,5"); ValueError when unreadable."""
    from babel.numbers import NumberFormatError, parse_decimal

    cleaned = _SPACES.sub("", text or "")
    if cleaned.startswith("+"):
        cleaned = cleaned[1:]
    cleaned = cleaned.replace("\u2212", "-")  # a typographic minus
    if not cleaned:
        raise ValueError("no number given")
    try:
        number = parse_decimal(cleaned, locale=lang, strict=True)
    except (NumberFormatError, InvalidOperation) as error:
        raise ValueError(f"not a number in {_LANGUAGE_NAMES[lang]}: {text.strip()!r}") from error
    if not number.is_finite():
        raise ValueError(f"not a finite number: {text.strip()!r}")
    if number == number.to_integral_value() and "." not in str(number):
        return int(number)
    return float(number)


_LANGUAGE_NAMES = {"nl": "Dutch", "en": "English"}


def format_size(num_bytes: int, lang: Language) -> str:
    """Return a byte count in decimal units with one decimal: "1,7 kB" (nl), "1.7 kB" (en)."""
    from babel.numbers import format_decimal
    from babel.units import format_unit

    value = float(num_bytes)
    for unit in _SIZE_UNITS:
        if value < 1000 or unit == _SIZE_UNITS[-1]:
            break
        value /= 1000
    if unit == _SIZE_UNITS[0]:
        return format_unit(int(num_bytes), unit, length="short", locale=lang)
    shown = format_decimal(round(value, 1), format="#,##0.0", locale=lang)
    return format_unit(shown, unit, length="short", locale=lang)


def format_date(day: dt.date | dt.datetime | None, lang: Language, empty: str = "") -> str:
    """Return a date as the app and the reports write it: 31-01-2027 (nl), 2027-01-31 (en).

    A moment (datetime) is first put in local time, so that it carries the reader's day."""
    if day is None:
        return empty
    from babel.dates import format_date as babel_date

    if isinstance(day, dt.datetime):
        day = _local(day).date()
    return babel_date(day, _DATE_PATTERN[lang], locale=lang)


def format_datetime(
    moment: dt.datetime | None, lang: Language, tz: dt.tzinfo | None = None, empty: str = ""
) -> str:
    """Return a moment to the minute in local time (or in `tz`): "04-12-2026 00:30" (nl)."""
    if moment is None:
        return empty
    from babel.dates import format_datetime as babel_datetime

    local = _local(moment, tz)
    return babel_datetime(local, f"{_DATE_PATTERN[lang]} {_TIME_PATTERN}", locale=lang)


def format_time(moment: dt.datetime, tz: dt.tzinfo | None = None) -> str:
    """Return the local time of a moment to the minute: "14:05" (both languages)."""
    return _local(moment, tz).strftime("%H:%M")


def format_partial_date(day: dt.date, precision: DatePrecision, lang: Language) -> str:
    """Return a date with only its known part: "01-06-2022", "juni 2022" or "2022"."""
    from babel.dates import format_date as babel_date

    if precision == "year":
        return str(day.year)
    if precision == "month":
        return babel_date(day, "LLLL y", locale=lang)
    return format_date(day, lang)


def local_date(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.date:
    """Return the day a moment falls on in local time (or in `tz`)."""
    return _local(moment, tz).date()


@contextlib.contextmanager
def written_in(zone: dt.tzinfo | None) -> Iterator[None]:
    """Format moments in `zone` instead of this computer's zone while the block runs."""
    token = _ZONE.set(zone)
    try:
        yield
    finally:
        _ZONE.reset(token)


def _local(moment: dt.datetime, tz: dt.tzinfo | None = None) -> dt.datetime:
    """Return a moment in `tz` (default: the zone set by `written_in`, else this computer's);
    a naive one is taken as local."""
    if tz is None:
        tz = _ZONE.get()
    if moment.tzinfo is None:
        return moment if tz is None else moment.astimezone().astimezone(tz)
    return moment.astimezone(tz)


@cache
def country_names(lang: Language) -> dict[str, str]:
    """Return {ISO 3166 alpha-2 code: CLDR name in `lang`} for every assigned country code."""
    import pycountry
    from babel import Locale

    territories = Locale(lang).territories
    codes = sorted(c.alpha_2 for c in pycountry.countries if c.alpha_2 not in _NOT_COUNTRIES)
    return {code: territories.get(code, code) for code in codes}


def country_name(code: str, lang: Language) -> str:
    """Return a country's CLDR name in `lang` ("Saoedi-Arabië", "Zuid-Korea"); else the code."""
    wanted = code.strip().upper()
    known = country_names(lang).get(wanted)
    if known is not None:
        return known
    from babel import Locale

    return Locale(lang).territories.get(wanted, wanted) if wanted.isalpha() else code


class Formatted:
    """A value that writes itself in the reader's language: a field of a bilingual message."""

    __slots__ = ("_format", "value")

    def __init__(self, value: Any, write: Callable[[Any, Language], str]) -> None:
        self.value = value
        self._format = write

    def text(self, lang: str) -> str:
        """Return the value as it is written in `lang` ('nl' or 'en')."""
        return self._format(self.value, "nl" if lang == "nl" else "en")

    def __str__(self) -> str:
        return self.text("en")

    def __repr__(self) -> str:
        return f"Formatted({self.value!r}, {self._format.__name__})"


def size_field(num_bytes: int) -> Formatted:
    """Return a byte count for a message, written by `format_size` in the reader's language."""
    return Formatted(num_bytes, format_size)


def date_field(day: dt.date | None) -> Formatted:
    """Return a date for a message, written by `format_date` in the reader's language."""
    return Formatted(day, format_date)
