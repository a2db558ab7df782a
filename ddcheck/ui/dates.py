"""Dates in the UI language (written by ddcheck.domain.formatting) and date fields' formats."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QLocale

from ddcheck.domain.formatting import format_date, format_datetime
from ddcheck.ui import i18n


def _locale() -> QLocale | None:
    """Return the locale that writes dates for the UI language (None: ISO, as the English PDF)."""
    return QLocale(QLocale.Language.Dutch) if i18n.language() == "nl" else None


def date_text(day: dt.date | None) -> str:
    """Return a date in the UI language ('' for none), as ddcheck.domain.formatting writes it."""
    return format_date(day, i18n.language())


def datetime_text(moment: dt.datetime | None) -> str:
    """Return a moment in local time to the minute, in the UI language ('' for none)."""
    return format_datetime(moment, i18n.language())


def date_format() -> str:
    """Return the Qt display format of a date field in the UI language."""
    locale = _locale()
    return locale.dateFormat(QLocale.FormatType.ShortFormat) if locale else "yyyy-MM-dd"


def parse_date_text(text: str) -> dt.date | None:
    """Return the date typed as shown (or ISO); None when empty; ValueError when not a date."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        parsed = QDate.fromString(text, date_format())
        if not parsed.isValid():
            raise
        return dt.date(parsed.year(), parsed.month(), parsed.day())
