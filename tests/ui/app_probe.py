"""Start the real app in a process of its own and read what held at its first paint and once usable.

`probe_app` runs `ddcheck --quit-after-ready` on a data folder and evaluates a Python expression
(e.g. `sorted(sys.modules)` or `gc.isenabled()`) when the main window first paints and when it
closes, which is the moment it is usable (the last dossier open); it returns both results.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

PROBE = """
import gc, json, os, sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
seen = {{}}
def done():
    print(json.dumps(seen), flush=True)
    os._exit(0)
class Watch(QObject):
    def eventFilter(self, obj, event):
        if isinstance(obj, QMainWindow):
            if event.type() == QEvent.Type.Paint and "paint" not in seen:
                seen["paint"] = {at_paint}
                if {stop_at_paint}:
                    done()
            if event.type() == QEvent.Type.Close:
                seen["usable"] = {at_usable}
                done()
        return False
watch = Watch()
app.installEventFilter(watch)
from ddcheck.ui.app import run
from ddcheck.cli.main import app_options
run(app_options(files=True).parse_args(["--data-dir", sys.argv[1], "--quit-after-ready"]))
"""


def probe_app(
    tmp_path: Path,
    data: Path,
    *,
    at_paint: str = "None",
    at_usable: str = "None",
    stop_at_paint: bool = False,
) -> dict[str, Any]:
    """Return {"paint": at_paint's value, "usable": at_usable's value} of one start of the app."""
    probe = tmp_path / "probe.py"
    probe.write_text(
        PROBE.format(at_paint=at_paint, at_usable=at_usable, stop_at_paint=stop_at_paint),
        encoding="utf-8",
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path / "home"))
    done = subprocess.run(
        [sys.executable, str(probe), str(data)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    seen: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return seen
