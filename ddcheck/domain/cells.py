"""Spreadsheet cells that cannot run: every CSV (and any spreadsheet) ddcheck writes uses this.

A cell whose text starts with = + - @ (or their full-width forms), a tab or a carriage return,
even after leading spaces, is read as a formula by Excel and LibreOffice ("CSV injection"):
such text gets a leading apostrophe, which those programs show as plain text.
"""

from __future__ import annotations

from collections.abc import Iterable

_FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")


def safe_cell(value: object) -> object:
    """Return a cell value that a spreadsheet shows as text (numbers and None pass unchanged)."""
    if not isinstance(value, str):
        return value
    stripped = value.lstrip(" \u00a0")
    if stripped[:1] in _FORMULA_START or value[:1] in _FORMULA_START:
        return "'" + value
    return value


def safe_row(values: Iterable[object]) -> list[object]:
    """Return a row of cells, each made safe with `safe_cell`."""
    return [safe_cell(value) for value in values]
