"""The empty first window paints before the heavy parts load (pydantic, services, QtNetwork).

Its start-up benchmark (tests/benchmarks/test_ui_startup.py) times it; this guards the cause:
one module-level import of pydantic on the way to the first window cost 70 ms once.
"""

from __future__ import annotations

from pathlib import Path

from tests.ui.app_probe import probe_app

KEPT_FOR_LATER = ("pydantic", "sqlite_utils", "yaml", "ddcheck.services", "PySide6.QtNetwork")


def test_the_first_window_paints_without_the_heavy_modules(tmp_path: Path) -> None:
    loaded = probe_app(
        tmp_path, tmp_path / "ws", at_paint="sorted(sys.modules)", stop_at_paint=True
    )["paint"]
    early = [m for m in loaded if m.startswith(KEPT_FOR_LATER)]
    assert early == []
