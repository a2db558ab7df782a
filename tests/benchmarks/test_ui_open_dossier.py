"""Benchmark: opening a 2,000-item dossier in the app (goal < 250 ms) and memory with it open
(goal < 150 MiB), against a bare QTreeView over a QStandardItemModel of the same 2,000 rows."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ITEMS = 2000
RUNS = 7
OPEN_GOAL_MS = 250
MEMORY_GOAL_MIB = 150


def _rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(data_dir: Path) -> dict[str, Any]:
    """Open the synthetic dossier RUNS times; return timings and memory (in a fresh process)."""
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTreeView

    app = QApplication([])
    from ddcheck.catalog import load_shipped_catalog
    from ddcheck.services import Workspace
    from ddcheck.services.demo import build_synthetic
    from ddcheck.ui.context import AppContext
    from ddcheck.ui.controller import Controller
    from ddcheck.ui.prompts import Prompts
    from ddcheck.ui.settings import UiSettings
    from ddcheck.ui.style import apply_style
    from ddcheck.ui.tasks import TaskRunner

    apply_style(app)
    workspace = Workspace.open(data_dir, user="bench", catalog=load_shipped_catalog())
    dossier = build_synthetic(workspace, ITEMS)
    ctx = AppContext(
        workspace=workspace,
        prompts=Prompts(),
        settings=UiSettings(data_dir / "ui.ini"),
        tasks=TaskRunner(),
        data_dir=data_dir,
    )
    controller = Controller(ctx, lambda lang: None)
    window = controller.start()
    window.resize(1366, 768)
    app.processEvents()
    opened = []
    rss = 0.0
    for run in range(RUNS):
        start = time.perf_counter()
        controller.open_dossier(dossier.id)
        app.processEvents()
        opened.append(time.perf_counter() - start)
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        gc.collect()
        if run == 0:
            rss = _rss_mib()  # the app as a user has it: started, one big dossier open
    rss_after_reopening = _rss_mib()
    questions = [f"Synthetic question {n}?" for n in range(ITEMS)]
    bare = []
    for _ in range(RUNS):
        start = time.perf_counter()
        model = QStandardItemModel()
        root = model.invisibleRootItem()
        for part in range(0, ITEMS, 50):
            section = QStandardItem(f"Part {part // 50 + 1}")
            section.appendRows([QStandardItem(q) for q in questions[part : part + 50]])
            root.appendRow(section)
        view = QTreeView()
        view.setModel(model)
        view.expandToDepth(0)
        view.resize(400, 700)
        view.show()
        app.processEvents()
        bare.append(time.perf_counter() - start)
        view.close()
    workspace.close()
    return {
        "open": statistics.median(opened),
        "bare": statistics.median(bare),
        "rss": rss,
        "rss_reopened": rss_after_reopening,
    }


def test_open_a_2000_item_dossier_and_memory(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, __file__, str(tmp_path / "ws")],
        capture_output=True,
        text=True,
        timeout=600,
        check=True,
        cwd=Path(__file__).resolve().parents[2],
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    opened, bare, rss = result["open"] * 1000, result["bare"] * 1000, result["rss"]
    print(
        f"\nopen {ITEMS}-item dossier: {opened:.0f} ms (goal < {OPEN_GOAL_MS}); bare QTreeView of "
        f"the same rows {bare:.0f} ms; ratio {opened / bare:.1f}"
    )
    print(
        f"memory with it open: {rss:.0f} MiB (goal < {MEMORY_GOAL_MIB}); "
        f"after opening it {RUNS} times: {result['rss_reopened']:.0f} MiB"
    )
    assert opened < OPEN_GOAL_MS
    assert rss < MEMORY_GOAL_MIB


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    print(json.dumps(measure(Path(sys.argv[1]))))
