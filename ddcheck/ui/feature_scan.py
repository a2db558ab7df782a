"""PySide6 asks of every module imported after it whether its source names PySide6: answer fast.

PySide6's `__feature__` support records, for each newly imported module, whether that module
uses PySide6 (so `from __feature__ import snake_case` can be switched per module). It finds out
with `inspect.getsource`, which goes through linecache and tokenize for every module: about a
tenth of ddcheck's start-up. Reading the file's bytes gives the same answer for a source file;
anything else (an extension, a frozen module) still goes to PySide6's own check.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

FEATURE_MODULE = "shibokensupport.feature"
MARK = "_ddcheck_reads_bytes"


def source_names_pyside(module: ModuleType, fallback: Callable[[ModuleType], bool]) -> bool:
    """Return whether the module's source file contains "PySide6" (`fallback` when it has none)."""
    path = getattr(module, "__file__", None)
    if not isinstance(path, str) or not path.endswith(".py"):
        return fallback(module)
    try:
        with open(path, "rb") as source:
            return b"PySide6" in source.read()
    except OSError:
        return fallback(module)


def quicken_feature_scan(modules: dict[str, ModuleType] | None = None) -> bool:
    """Make PySide6's per-module check read bytes; return whether it was changed just now."""
    feature = (sys.modules if modules is None else modules).get(FEATURE_MODULE)
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, MARK, False):
        return False

    def mod_uses_pyside(module: ModuleType) -> bool:
        return source_names_pyside(module, original)

    setattr(mod_uses_pyside, MARK, True)
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[attr-defined]
    return True
