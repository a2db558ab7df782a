"""Before Qt starts on Linux: are the system libraries of its platform plugin there? (no Qt here)"""

from __future__ import annotations

import ctypes
import re
import sys
from collections.abc import Callable, Mapping
from pathlib import Path

# The libraries Qt's X11 plugin (libqxcb.so, libQt6XcbQpa) loads that a desktop may lack, with the
# Debian/Ubuntu package of each. Without one, Qt aborts ("could not load the Qt platform plugin").
XCB_LIBRARIES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
}
# What Qt itself (QtGui, any platform) loads: a missing one fails `import PySide6.QtGui`.
QT_LIBRARIES: dict[str, str] = {
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libdbus-1.so.3": "libdbus-1-3",
}

Loader = Callable[[str], object]


def load_library(soname: str) -> object:
    """Load `soname` as Qt would: from the system, or from a frozen bundle's own folder."""
    try:
        return ctypes.CDLL(soname)
    except OSError:
        bundled = getattr(sys, "_MEIPASS", None)
        if bundled and (Path(bundled) / soname).exists():
            return ctypes.CDLL(str(Path(bundled) / soname))
        raise


def uses_xcb(env: Mapping[str, str]) -> bool:
    """Return whether Qt will pick its X11 plugin: asked for, or an X display and no Wayland."""
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen:
        return chosen.split(";")[0].split(":")[0] == "xcb"
    return bool(env.get("DISPLAY")) and not env.get("WAYLAND_DISPLAY")


def missing_packages(libraries: Mapping[str, str], load: Loader = load_library) -> list[str]:
    """Return the packages (in order, once each) whose library cannot be loaded."""
    missing: list[str] = []
    for soname, package in libraries.items():
        try:
            load(soname)
        except OSError:
            if package not in missing:
                missing.append(package)
    return missing


def install_hint(packages: list[str], what: str) -> str:
    """Return the one line that names the packages to install."""
    listed = " ".join(packages)
    return (
        f"ddcheck: {what} needs system libraries that are not installed; on Debian or Ubuntu: "
        f"sudo apt install {listed}"
    )


def xcb_problem(env: Mapping[str, str], load: Loader = load_library) -> str | None:
    """Return the one-line message when Qt's X11 plugin would abort for a missing library."""
    if not uses_xcb(env):
        return None
    packages = missing_packages(XCB_LIBRARIES, load)
    return install_hint(packages, "the window on X11 (Qt's xcb plugin)") if packages else None


def qt_import_problem(error: ImportError) -> str | None:
    """Return the one-line message when importing Qt failed for a missing system library."""
    match = re.search(r"(lib[\w.+-]+\.so(?:\.\d+)*): cannot open shared object file", str(error))
    if not match:
        return None
    soname = match.group(1)
    package = {**QT_LIBRARIES, **XCB_LIBRARIES}.get(soname)
    if package is None:
        return f"ddcheck: Qt needs the system library {soname}, which is not installed"
    return install_hint([package], "Qt")
