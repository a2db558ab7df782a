"""Unexpected errors: log them and show a short message instead of dying silently."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from types import TracebackType

log = logging.getLogger("ddcheck.ui")

ExceptHook = Callable[[type[BaseException], BaseException, TracebackType | None], None]


def make_excepthook(show: Callable[[str], None]) -> ExceptHook:
    """Return an excepthook that logs the traceback and shows a one-line message."""

    def hook(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, error, tb)
            return
        log.error("Unexpected error:\n%s", "".join(traceback.format_exception(kind, error, tb)))
        try:
            show(f"{kind.__name__}: {error}")
        except Exception:
            log.exception("could not show the error")

    return hook


def error_text(error: BaseException, lang: str) -> str:
    """Return the user's sentence for `error`: in `lang` when the workspace wrote one (`.text`)."""
    text = getattr(error, "text", None)
    if callable(text):
        try:
            return str(text(lang))
        except Exception:
            log.exception("could not word the error in %s", lang)
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename}" if error.filename else error.strerror
    return str(error)
