"""The empty first window paints before the heavy parts load (pydantic, services, QtNetwork).

Its start-up benchmark (tests/benchmarks/test_ui_startup.py) times it; this guards the cause:
one module-level import of pydantic on the way to the first window cost 70 ms once.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
class First(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and isinstance(obj, QMainWindow):
            print(json.dumps(sorted(sys.modules)), flush=True)
            os._exit(0)
        return False
first = First()
app.installEventFilter(first)
from ddcheck.ui.app import run
from ddcheck.cli.main import app_options
run(app_options(files=True).parse_args(["--data-dir", sys.argv[1], "--quit-after-ready"]))
"""

KEPT_FOR_LATER = ("pydantic", "sqlite_utils", "yaml", "ddcheck.services", "PySide6.QtNetwork")


def test_the_first_window_paints_without_the_heavy_modules(tmp_path: Path) -> None:
    probe = tmp_path / "probe.py"
    probe.write_text(PROBE, encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, str(probe), str(tmp_path / "ws")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    loaded = json.loads(done.stdout.strip().splitlines()[-1])
    early = [m for m in loaded if m.startswith(KEPT_FOR_LATER)]
    assert early == []
