"""Starting the app: without a display ddcheck says so in one line instead of Qt aborting."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ddcheck.ui.app import NO_DISPLAY, has_display
from ddcheck.ui.system_libs import XCB_LIBRARIES, qt_import_problem, uses_xcb, xcb_problem

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11/Wayland are Linux's")
def test_without_a_display_ddcheck_says_so_and_exits_2(tmp_path: Path) -> None:
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    env = {k: v for k, v in os.environ.items() if k not in hidden}
    result = subprocess.run(
        [sys.executable, "-m", "ddcheck", "--data-dir", str(tmp_path / "ws")],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )
    assert result.returncode == 2
    assert result.stderr.strip() == NO_DISPLAY
    assert "xcb" not in result.stderr and result.stdout == ""
    assert "QT_QPA_PLATFORM=offscreen ddcheck --quit-after-ready" in NO_DISPLAY


def test_a_display_wayland_or_a_chosen_platform_is_enough() -> None:
    assert not has_display({}, "linux")
    assert has_display({"DISPLAY": ":0"}, "linux")
    assert has_display({"WAYLAND_DISPLAY": "wayland-0"}, "linux")
    assert has_display({"QT_QPA_PLATFORM": "offscreen"}, "linux")
    assert has_display({}, "win32") and has_display({}, "darwin")


def _fake_loader(missing: set[str]):
    def load(soname: str) -> object:
        if soname in missing:
            raise OSError(f"{soname}: cannot open shared object file: No such file or directory")
        return object()

    return load


def test_a_missing_xcb_library_is_named_by_its_package_in_one_line() -> None:
    load = _fake_loader({"libxcb-cursor.so.0"})
    message = xcb_problem({"DISPLAY": ":0"}, load)
    assert message is not None and "\n" not in message
    assert message.startswith("ddcheck: ") and message.endswith("sudo apt install libxcb-cursor0")
    both = xcb_problem({"DISPLAY": ":0"}, _fake_loader({"libxcb-cursor.so.0", "libX11.so.6"}))
    assert both is not None and both.endswith("sudo apt install libxcb-cursor0 libx11-6")
    assert xcb_problem({"DISPLAY": ":0"}, _fake_loader(set())) is None


def test_the_xcb_check_runs_only_when_qt_would_use_xcb() -> None:
    assert uses_xcb({"DISPLAY": ":0"})
    assert uses_xcb({"QT_QPA_PLATFORM": "xcb"})
    assert not uses_xcb({"DISPLAY": ":0", "QT_QPA_PLATFORM": "offscreen"})
    assert not uses_xcb({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"})
    assert xcb_problem({"QT_QPA_PLATFORM": "offscreen"}, _fake_loader(set(XCB_LIBRARIES))) is None


def test_a_failed_qt_import_names_the_package() -> None:
    error = ImportError("libEGL.so.1: cannot open shared object file: No such file or directory")
    assert qt_import_problem(error) == (
        "ddcheck: Qt needs system libraries that are not installed; on Debian or Ubuntu: "
        "sudo apt install libegl1"
    )
    assert qt_import_problem(ImportError("No module named 'PySide6'")) is None


def _real_library(soname: str) -> Path | None:
    for folder in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64"):
        candidate = Path(folder) / soname
        if candidate.exists():
            return candidate.resolve()
    return None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 is Linux's")
def test_without_libxcb_cursor0_ddcheck_names_the_package_and_exits_2(tmp_path: Path) -> None:
    library = _real_library("libxcb-cursor.so.0")
    if library is None or os.geteuid() != 0 or shutil.which("unshare") is None:
        pytest.skip("needs root, unshare and an installed libxcb-cursor0 to hide")
    if subprocess.run(["unshare", "-m", "true"], check=False).returncode != 0:
        pytest.skip("no mount namespaces here")
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env["DISPLAY"] = ":97"  # never opened: ddcheck must stop before Qt tries
    hide = f'mount --bind /dev/null "{library}" && exec "$@"'
    command = [sys.executable, "-m", "ddcheck", "--data-dir", str(tmp_path / "ws")]
    result = subprocess.run(
        ["unshare", "-m", "sh", "-c", hide, "sh", *command],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1
    assert "sudo apt install libxcb-cursor0" in result.stderr
    assert "Aborted" not in result.stderr and result.stdout == ""
