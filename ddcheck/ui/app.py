"""The composition root of the app: check the display, claim the workspace, hand over to Startup."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from ddcheck import paths
from ddcheck.ui.application import make_application
from ddcheck.ui.feature_scan import quicken_feature_scan
from ddcheck.ui.prompts import Prompts
from ddcheck.ui.startup_collection import StartupCollection

NO_DISPLAY = (
    "ddcheck needs a desktop session; no display found. To check that it starts, use "
    "QT_QPA_PLATFORM=offscreen ddcheck --quit-after-ready; all ddcheck COMMANDs work without "
    "a display."
)


def has_display(env: Mapping[str, str], platform: str) -> bool:
    """Return whether Qt can show a window: on Linux a display, Wayland or a chosen platform."""
    if not platform.startswith("linux"):
        return True
    return any(env.get(name) for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def run(args: argparse.Namespace, prompts: Prompts | None = None) -> int:
    """Start the desktop app with the options ddcheck.cli.main parsed; return its exit code.

    First an empty window (title, remembered geometry, background colour) is shown; its menus,
    sidebar and pages are built right after its first paint, and the catalog and the workspace
    are opened after that, so the user sees ddcheck at once.
    """
    quicken_feature_scan()  # before the modules start-up imports, each of which PySide6 checks
    collection = StartupCollection()
    collection.pause()
    try:
        return _run(args, prompts, collection)
    finally:
        collection.resume()


def _run(args: argparse.Namespace, prompts: Prompts | None, collection: StartupCollection) -> int:
    """Start the app with the cycle collector paused until `collection` is resumed."""
    if not has_display(os.environ, sys.platform):
        print(NO_DISPLAY, file=sys.stderr)
        return 2
    if sys.platform.startswith("linux"):
        from ddcheck.ui.system_libs import xcb_problem

        problem = xcb_problem(os.environ)  # instead of Qt's abort for a missing X11 library
        if problem:
            print(problem, file=sys.stderr)
            return 2
    app = make_application([])
    from ddcheck.ui.style import apply_shell_palette

    apply_shell_palette(app)
    data = paths.data_paths(args.data_dir)
    try:
        data.root.mkdir(parents=True, exist_ok=True)
    except OSError as error:  # a read-only or impossible data folder: one line, no traceback
        reason = error.strerror or str(error)
        print(f"ddcheck: cannot use the data folder {data.root}: {reason}", file=sys.stderr)
        return 2
    files = [Path(f) for f in getattr(args, "files", None) or ()]
    from ddcheck.ui.single_instance import SingleInstance

    instance = SingleInstance(data.app_lock, data.root)
    if not instance.claim():  # ddcheck is open on this workspace: it takes the files and comes up
        return _hand_over(instance, files, data.root)
    try:
        from ddcheck.ui.startup import Startup

        return Startup(args, app, data, files, instance, prompts, collection.resume).run()
    finally:
        instance.release()


def _hand_over(instance: Any, files: list[Path], root: Path) -> int:
    """Pass `files` to the app already open on the workspace at `root`; return the exit code."""
    if instance.hand_over(files):
        taken = f"; it imports {len(files)} file(s)" if files else ""
        print(f"ddcheck is already open on {root}; its window was brought forward{taken}.")
        return 0
    holder = instance.holder()
    process = f" (process {holder})" if holder else ""
    print(
        f"ddcheck: another ddcheck{process} has the workspace {root} open but does not answer; "
        "close it and try again",
        file=sys.stderr,
    )
    return 2
