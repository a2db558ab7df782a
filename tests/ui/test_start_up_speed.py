"""Two start-up speed-ups keep their promises: PySide6's module check answers as before, and the
cycle collector is paused only while the app starts (tests/benchmarks/test_ui_usable.py times them).
"""

from __future__ import annotations

import gc
import importlib
import inspect
import sys
from pathlib import Path
from types import ModuleType

import pytest

from ddcheck.ui.feature_scan import MARK, quicken_feature_scan, source_names_pyside
from ddcheck.ui.startup_collection import StartupCollection
from tests.ui.app_probe import probe_app


def _module_from(path: Path, text: str) -> ModuleType:
    path.write_text(text, encoding="utf-8")
    module = ModuleType(path.stem)
    module.__file__ = str(path)
    return module


def test_the_quick_check_reads_the_source_file(tmp_path: Path) -> None:
    def never(_: ModuleType) -> bool:
        raise AssertionError("a source file needs no fallback")

    uses = _module_from(tmp_path / "uses.py", "from PySide6.QtCore import QObject\n")
    plain = _module_from(tmp_path / "plain.py", "import json  # no Qt here: Pyside 6\n")
    assert source_names_pyside(uses, never) is True
    assert source_names_pyside(plain, never) is False


def test_modules_without_a_source_file_go_to_pysides_own_check(tmp_path: Path) -> None:
    asked: list[str] = []

    def fallback(module: ModuleType) -> bool:
        asked.append(module.__name__)
        return False

    gone = _module_from(tmp_path / "gone.py", "")
    (tmp_path / "gone.py").unlink()
    built_in = ModuleType("built_in")
    assert source_names_pyside(gone, fallback) is False
    assert source_names_pyside(built_in, fallback) is False
    assert asked == ["gone", "built_in"]


def test_quickening_replaces_the_check_once_and_only_when_it_exists() -> None:
    feature = ModuleType("shibokensupport.feature")
    feature._mod_uses_pyside = lambda module: False  # type: ignore[attr-defined]
    assert quicken_feature_scan({"shibokensupport.feature": feature}) is True
    assert getattr(feature._mod_uses_pyside, MARK) is True  # type: ignore[attr-defined]
    assert quicken_feature_scan({"shibokensupport.feature": feature}) is False
    assert quicken_feature_scan({}) is False


def test_pysides_check_gives_the_same_answers_after_quickening() -> None:
    pytest.importorskip("PySide6.QtCore")
    quicken_feature_scan()
    feature = sys.modules["shibokensupport.feature"]
    for name in ("ddcheck.ui.app", "ddcheck.domain.dossier", "json", "sqlite3"):
        module = importlib.import_module(name)
        try:
            expected = "PySide6" in inspect.getsource(module)
        except (OSError, TypeError):
            expected = False
        assert feature._mod_uses_pyside(module) is expected, name


def test_the_collector_pauses_for_start_up_and_resumes_once() -> None:
    assert gc.isenabled()
    collection = StartupCollection()
    try:
        collection.pause()
        assert not gc.isenabled()
        collection.resume()
        assert gc.isenabled()
        gc.disable()
        collection.resume()  # a second resume does not undo what someone else decided
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_a_collector_paused_by_someone_else_stays_paused() -> None:
    gc.disable()
    try:
        collection = StartupCollection()
        collection.pause()
        collection.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_app_collects_again_once_it_is_usable(tmp_path: Path) -> None:
    seen = probe_app(
        tmp_path, tmp_path / "ws", at_paint="gc.isenabled()", at_usable="gc.isenabled()"
    )
    assert seen == {"paint": False, "usable": True}  # paused while starting, then collecting
