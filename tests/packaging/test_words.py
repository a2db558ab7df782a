"""The word catalog holds every string the code translates, in Dutch, compiled."""

from __future__ import annotations

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _words_tool():
    spec = importlib.util.spec_from_file_location("words_tool", ROOT / "packaging" / "words.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_catalog_is_complete_and_nl_mo_is_compiled_from_nl_po(capsys) -> None:
    assert _words_tool().main(["--check"]) == 0, capsys.readouterr().out


def test_the_scan_finds_contexts_plurals_and_strings_inside_f_strings() -> None:
    tool = _words_tool()
    source = (
        "tr('Save')\n"
        "tr_in('button', 'Open')\n"
        "tr_n('{n} item', '{n} items', 3)\n"
        "words.in_context('report', 'Summary')\n"
        "x = f\"<b>{tr('Where')}</b>\"\n"
        "tr(variable)\n"
    )
    assert tool.strings_in(source) == {
        (None, "Save"),
        ("button", "Open"),
        (None, ("{n} item", "{n} items")),
        ("report", "Summary"),
        (None, "Where"),
    }


def test_a_missing_translation_is_reported(tmp_path) -> None:
    tool = _words_tool()
    catalog = tool.read_catalog()
    wanted = tool.code_strings() | {(None, "A sentence nobody translated yet")}
    assert tool.problems(catalog, wanted) == ["missing: (None, 'A sentence nobody translated yet')"]
