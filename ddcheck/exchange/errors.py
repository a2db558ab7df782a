"""The base error of files that enter the laptop and cannot be used."""

from __future__ import annotations


class ExchangeError(ValueError):
    """A received file ddcheck cannot use; `str()` says why in one plain phrase."""
