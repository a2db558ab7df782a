"""packaging/ddcheck.spec, run against stand-ins for PyInstaller, asks for the right bundle."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import types
from pathlib import Path

import pytest

import ddcheck

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "ddcheck.spec"

# What PyInstaller's hooks would hand the spec: some Qt files to keep and some to drop.
BINARIES = [
    ("PySide6/Qt/lib/libQt6Core.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Widgets.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Svg.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Quick.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6Pdf.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6QmlModels.so.6", "x", "BINARY"),
    ("PySide6/Qt/lib/libQt6DBus.so.6", "x", "BINARY"),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", "x", "BINARY"),
    ("PySide6/Qt/plugins/platforminputcontexts/libcomposeplatforminputcontextplugin.so", "x", "B"),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", "x", "BINARY"),
    ("PySide6/Qt/plugins/imageformats/libqsvg.so", "x", "BINARY"),
    ("PySide6/Qt/plugins/tls/libqopensslbackend.so", "x", "BINARY"),
]
DATAS = [
    ("PySide6/Qt/translations/qtbase_nl.qm", "x", "DATA"),
    ("PySide6/Qt/translations/qtbase_en.qm", "x", "DATA"),
    ("PySide6/Qt/translations/qtbase_de.qm", "x", "DATA"),
    ("PySide6/translations/qtbase_fr.qm", "x", "DATA"),
    ("pycountry/locales/nl/LC_MESSAGES/iso3166-1.mo", "x", "DATA"),
    ("pycountry/locales/de/LC_MESSAGES/iso3166-1.mo", "x", "DATA"),
    ("pycountry/databases/iso3166-1.json", "x", "DATA"),
    ("babel/locale-data/root.dat", "x", "DATA"),
    ("babel/locale-data/nl_BE.dat", "x", "DATA"),
    ("babel/locale-data/en_150.dat", "x", "DATA"),
    ("babel/locale-data/fr.dat", "x", "DATA"),
    ("babel/locale-data/nds.dat", "x", "DATA"),
    ("babel/global.dat", "x", "DATA"),
]


class _Recorder:
    """Stand-in for a PyInstaller build step: remembers its arguments."""

    made: list[_Recorder]

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        self.made.append(self)


def _run_spec(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, platform: str) -> dict:
    """Execute the spec as PyInstaller would on `platform` and return its namespace."""
    made: list[_Recorder] = []

    class Analysis(_Recorder):
        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self.binaries, self.datas = list(BINARIES), list(DATAS)
            self.scripts, self.pure = ["launcher"], ["pure"]

    steps = {name: type(name, (_Recorder,), {}) for name in ("PYZ", "EXE", "COLLECT", "BUNDLE")}
    for cls in (Analysis, *steps.values()):
        cls.made = made
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package: [(f"{package}-data", package)]
    hooks.collect_submodules = lambda package: [f"{package}.cli.templates", f"{package}.ui.app"]
    for name in ("PyInstaller", "PyInstaller.utils"):
        monkeypatch.setitem(sys.modules, name, types.ModuleType(name))
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    monkeypatch.setattr(sys, "platform", platform)
    namespace = {
        "__name__": "__main__",
        "__file__": str(SPEC),
        "SPECPATH": str(SPEC.parent),
        "workpath": str(tmp_path),
        "Analysis": Analysis,
        **steps,
    }
    exec(compile(SPEC.read_text("utf-8"), str(SPEC), "exec"), namespace)
    namespace["made"] = made
    return namespace


def _made(namespace: dict, kind: str) -> list[_Recorder]:
    return [step for step in namespace["made"] if type(step).__name__ == kind]


def test_resources_and_seeds_land_where_paths_looks_in_a_frozen_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "linux")
    (analysis,) = _made(spec, "Analysis")
    datas = analysis.kwargs["datas"]
    assert (str(ROOT / "resources"), "ddcheck/_data/resources") in datas
    assert (str(ROOT / "seeds"), "ddcheck/_data/seeds") in datas
    assert ("reportlab-data", "reportlab") in datas  # reportlab's own fonts (tech-notes §6)
    assert "ddcheck.cli.templates" in analysis.kwargs["hiddenimports"]
    assert "sqlcipher3" in analysis.kwargs["hiddenimports"]
    for package in ("pyhanko", "pyhanko_certvalidator", "asn1crypto", "oscrypto"):
        assert f"{package}.ui.app" in analysis.kwargs["hiddenimports"]  # collect_submodules
    assert ("pyhanko-data", "pyhanko") in datas
    assert (str(ROOT / "packaging" / "licenses" / "SQLCipher.txt"), "licenses") in datas
    licences = {folder for _, folder in datas if folder.startswith("licenses/")}
    assert {"licenses/sqlcipher3", "licenses/cryptography", "licenses/keyring"} <= licences
    assert analysis.args[0] == [str(ROOT / "packaging" / "launcher.py")]
    assert spec["VERSION"] == ddcheck.__version__


def test_no_qt_module_that_ddcheck_imports_is_excluded(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "linux")
    (analysis,) = _made(spec, "Analysis")
    excluded = {name.split(".")[1] for name in analysis.kwargs["excludes"] if "PySide6" in name}
    source = "\n".join(p.read_text("utf-8") for p in (ROOT / "ddcheck").rglob("*.py"))
    imported = set(re.findall(r"PySide6\.(Qt\w+)", source))
    assert imported & excluded == set()
    assert {"QtCore", "QtGui", "QtWidgets", "QtSvg"} & excluded == set()
    assert {"QtQml", "QtQuick", "QtDesigner"} <= excluded


def test_unused_qt_files_and_other_languages_are_dropped(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "linux")
    (analysis,) = _made(spec, "Analysis")
    kept = {entry[0].rsplit("/", 1)[1] for entry in analysis.binaries + analysis.datas}
    assert kept == {
        "libQt6Core.so.6",
        "libQt6Widgets.so.6",
        "libQt6Svg.so.6",
        "libQt6DBus.so.6",
        "libqoffscreen.so",
        "libcomposeplatforminputcontextplugin.so",
        "libqsvg.so",
        "qtbase_nl.qm",
        "qtbase_en.qm",
        "iso3166-1.mo",
        "iso3166-1.json",
        "root.dat",
        "nl_BE.dat",
        "en_150.dat",
        "global.dat",
    }
    assert not [d for d in analysis.datas if "/de/" in d[0]]


def test_linux_build_is_one_folder_console_app(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "linux")
    (exe,) = _made(spec, "EXE")
    assert exe.kwargs["name"] == "ddcheck"
    assert exe.kwargs["exclude_binaries"] is True  # one-folder, not one-file
    assert exe.kwargs["console"] is True
    assert exe.kwargs["strip"] is True
    (collect,) = _made(spec, "COLLECT")
    assert collect.kwargs["name"] == "ddcheck"
    assert _made(spec, "BUNDLE") == []


def test_windows_build_has_console_and_windowed_exe_with_icon_and_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "win32")
    exes = {exe.kwargs["name"]: exe.kwargs for exe in _made(spec, "EXE")}
    assert exes["ddcheck"]["console"] is True
    assert exes["ddcheck-gui"]["console"] is False
    for kwargs in exes.values():
        assert kwargs["strip"] is False
        assert Path(kwargs["icon"]).name == "ddcheck.ico"
        assert Path(kwargs["icon"]).is_file()
        version_text = Path(kwargs["version"]).read_text("utf-8")
        assert f"'FileVersion', '{ddcheck.__version__}'" in version_text


def test_macos_build_is_an_app_bundle_with_the_package_version(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    spec = _run_spec(monkeypatch, tmp_path, "darwin")
    (bundle,) = _made(spec, "BUNDLE")
    assert bundle.kwargs["name"] == "ddcheck.app"
    assert bundle.kwargs["version"] == ddcheck.__version__
    assert bundle.kwargs["info_plist"]["CFBundleShortVersionString"] == ddcheck.__version__
    assert Path(bundle.kwargs["icon"]).name == "ddcheck.icns"
    assert Path(bundle.kwargs["icon"]).is_file()


@pytest.mark.parametrize("script", ["build-linux.sh", "smoke.sh", "linux/install.sh", "../.ci/run"])
def test_shell_scripts_parse(script: str) -> None:
    path = (ROOT / "packaging" / script).resolve()
    result = subprocess.run(["bash", "-n", str(path)], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert path.read_text("utf-8").startswith("#!/usr/bin/env bash\n")


# Plugin folders that PyInstaller's QtGui/QtWidgets hooks collect into a Linux bundle.
GUI_PLUGIN_FOLDERS = (
    "platforms",
    "platformthemes",
    "platforminputcontexts",
    "imageformats",
    "iconengines",
    "xcbglintegrations",
    "egldeviceintegrations",
    "generic",
    "wayland-decoration-client",
    "wayland-graphics-integration-client",
    "wayland-shell-integration",
)


def _needed_qt_libraries(path: Path) -> list[str]:
    """Return the Qt libraries an ELF file links to (its NEEDED entries), as file names."""
    dynamic = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True)
    return re.findall(r"\(NEEDED\)\s+Shared library: \[(libQt6\w+\.so\.6)\]", dynamic.stdout)


@pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("readelf") is None, reason="ELF only"
)
def test_no_kept_qt_module_or_plugin_needs_a_dropped_library(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    import PySide6

    spec = _run_spec(monkeypatch, tmp_path, "linux")
    dropped = spec["UNUSED_QT_FILES"]
    qt_dir = Path(PySide6.__file__).parent
    excluded = set(spec["excludes"])
    modules = qt_dir.glob("Qt*.abi3.so")
    todo = [p for p in modules if f"PySide6.{p.name.split('.')[0]}" not in excluded]
    for folder in GUI_PLUGIN_FOLDERS:
        todo += [
            p
            for p in (qt_dir / "Qt" / "plugins" / folder).glob("*.so")
            if not dropped.search(f"/PySide6/Qt/plugins/{folder}/{p.name}")
        ]
    assert any(p.name.startswith("QtWidgets") for p in todo)
    seen: set[str] = set()
    needs_dropped = []
    while todo:
        path = todo.pop()
        for lib in _needed_qt_libraries(path):
            if dropped.search(f"/PySide6/Qt/lib/{lib}"):
                needs_dropped.append((path.name, lib))
            elif lib not in seen:
                seen.add(lib)
                todo.append(qt_dir / "Qt" / "lib" / lib)
    assert "libQt6Gui.so.6" in seen
    assert needs_dropped == []
