"""Benchmark: process start to a usable window, ddcheck against a bare QMainWindow (issue 16.7).

Whole processes side by side, interleaved: (a) a bare PySide6 QApplication with a QMainWindow
shown, until its first paint; (b) `ddcheck --quit-after-ready` on a workspace holding the demo
dossier (reopened as the last dossier), until the window is usable: the dossier open and the
event loop idle, the moment --quit-after-ready closes the window. Offscreen, bytecode compiled.

A third process, the floor, is the bare window plus only the imports a dossier cannot be opened
without (the pydantic domain models, the store, the preferences): what any start-up that loads
the last dossier pays before it builds a single widget of its own.

Measured on the 2-core VM under load (medians of 9): bare 168 ms; ddcheck 1248 ms (7.4x) before
the catalog copy, 930 ms (5.5x) after. Quiet (2026-12-05): bare 103 ms, ddcheck 604 ms (5.8x),
585 ms (5.6x) once sqlite-utils left the start-up path; the floor alone is 2.4x. Later the same
day: 512 ms once PySide6's per-module check read bytes and the cycle collector waited, 488-492 ms
(4.8-4.9x) once exchange, YAML, redaction, the review merge and the travel archive loaded on first
use. Next (2026-12-05 evening): the idle lock's app-wide input filter, installed even when no
lock was armed, cost every event of the start a Python call (~27 ms); and this driver's own
app-wide filter cost the app ~20 ms that a bare window hardly pays, so the driver now watches the
window only: 433-435 ms (4.4x), floor 2.4x. The rest above the floor is pydantic-free work that
Qt and the window need, and Qt's enums (~45 ms of Python enum classes made by PySide6); 3x would
leave ~60 ms above the floor. The goal is 3x; the test fails only on a regression.
"""

from __future__ import annotations

import compileall
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import ddcheck

RUNS = 9
GOAL = 3.0  # issue 16, point 7
LIMIT = 5.5  # measured 4.4x; beyond this, start-up regressed

DRIVER = """
import os, sys, time
t0 = float(os.environ["BENCH_T0"])
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
def done():
    print(f"{time.time() - t0:.6f}", flush=True)
    os._exit(0)
# Print the time at `wanted` on the main window, found when it is first shown. The app-wide
# filter lives only until then (a handful of events): an app-wide Python filter sees every event
# of the app, which costs the app far more than a bare window.
class Mark(QObject):
    def __init__(self, wanted):
        super().__init__()
        self.wanted = wanted
    def eventFilter(self, obj, event):
        if obj is app:
            return False
        if event.type() == QEvent.Type.Show and isinstance(obj, QMainWindow):
            app.removeEventFilter(self)
            obj.installEventFilter(self)
        elif event.type() == self.wanted and isinstance(obj, QMainWindow):
            done()
        return False
mark = Mark(QEvent.Type.Close if sys.argv[1] == "app" else QEvent.Type.Paint)
app.installEventFilter(mark)
if sys.argv[1] == "floor":  # what opening a dossier cannot do without, as `ddcheck` loads it
    os.environ["PYDANTIC_DISABLE_PLUGINS"] = "__all__"
    import ddcheck.domain.dossier, ddcheck.domain.templates, ddcheck.preferences, ddcheck.store
if sys.argv[1] != "app":
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1280, 800)
    window.show()
    app.exec()
else:  # --quit-after-ready closes the window once it is usable
    from ddcheck.cli.main import main  # the `ddcheck` command itself
    main(["--data-dir", sys.argv[2], "--quit-after-ready"])
"""


def _seconds(kind: str, driver: Path, data_dir: Path) -> float:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BENCH_T0=repr(time.time()))
    out = subprocess.run(
        [sys.executable, str(driver), kind, str(data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=True,
    )
    return float(out.stdout.strip().splitlines()[-1])


def _demo_workspace(data_dir: Path, driver: Path) -> None:
    """Make a workspace with the demo dossier and remember it as the last one opened."""
    ddcheck_cli = [sys.executable, "-m", "ddcheck", "--data-dir", str(data_dir)]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    made = subprocess.run([*ddcheck_cli, "demo"], capture_output=True, text=True, env=env)
    assert made.returncode == 0, made.stderr
    listed = subprocess.run([*ddcheck_cli, "list", "--json"], capture_output=True, text=True)
    import json

    dossier_id = json.loads(listed.stdout)[0]["id"]
    script = (
        "import sys; from pathlib import Path; from ddcheck.ui.settings import UiSettings; "
        "from ddcheck.paths import data_paths; "
        "UiSettings(data_paths(sys.argv[1]).preferences).set_last_dossier(sys.argv[2])"
    )
    subprocess.run([sys.executable, "-c", script, str(data_dir), dossier_id], check=True, env=env)
    _seconds("app", driver, data_dir)  # warm the page cache and any first-start work


def test_usable_window_against_a_bare_qmainwindow(tmp_path: Path) -> None:
    compileall.compile_dir(Path(ddcheck.__file__).parent, quiet=1)  # as an installed wheel would
    driver = tmp_path / "driver.py"
    driver.write_text(DRIVER)
    data_dir = tmp_path / "ws"
    _demo_workspace(data_dir, driver)
    bare, app, floor = [], [], []
    for _ in range(RUNS):  # interleaved, so machine noise hits all alike
        bare.append(_seconds("bare", driver, data_dir))
        app.append(_seconds("app", driver, data_dir))
        floor.append(_seconds("floor", driver, data_dir))
    b, a, f = statistics.median(bare), statistics.median(app), statistics.median(floor)
    print(
        f"\nusable window: bare QMainWindow {b * 1000:.0f} ms, ddcheck with the demo dossier "
        f"{a * 1000:.0f} ms, ratio {a / b:.2f} (goal <= {GOAL}); the floor (bare window plus "
        f"the domain models, store and preferences) {f * 1000:.0f} ms, ratio {f / b:.2f}"
    )
    assert a <= LIMIT * b, f"ddcheck is usable after {a / b:.2f} times a bare window"
