"""The command line's messages in the user's language: --lang, the app's choice, the system's."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from ddcheck.cli.language import message_language, system_languages
from ddcheck.cli.main import main
from ddcheck.paths import data_paths
from ddcheck.preferences import Preferences, save_preferences


@pytest.fixture(autouse=True)
def english_system(monkeypatch: pytest.MonkeyPatch) -> None:
    """Start every test from a system that asks for nothing in particular."""
    for variable in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, str]:
    code = main(list(argv))
    return code, capsys.readouterr().err


def test_the_system_language_follows_gettexts_order() -> None:
    assert system_languages({"LANG": "nl_NL.UTF-8"}) == ["nl_NL.UTF-8"]
    assert system_languages({"LANGUAGE": "de:nl", "LANG": "en_GB.UTF-8"}) == ["de", "nl"]
    assert system_languages({"LC_ALL": "", "LC_MESSAGES": "nl_BE", "LANG": "C"}) == ["nl_BE"]
    assert system_languages({}) == []


def test_lang_then_the_apps_choice_then_the_system_then_english(tmp_path: Path) -> None:
    prefs = tmp_path / "preferences.json"
    dutch_system = {"LANG": "nl_NL.UTF-8"}
    assert message_language(None, prefs, {"LANG": "C"}) == "en"
    assert message_language(None, prefs, dutch_system) == "nl"
    assert message_language("en", prefs, dutch_system) == "en"
    save_preferences(prefs, Preferences(language="en"))
    assert message_language(None, prefs, dutch_system) == "en"  # chosen in the app's Settings
    assert message_language("nl", prefs, {"LANG": "C"}) == "nl"


def test_a_commands_own_error_in_dutch_with_lang(capsys, tmp_path: Path) -> None:
    missing = tmp_path / "gone.pdf"
    code, err = run(capsys, "--lang", "nl", "verify", str(missing))
    assert code == 2 and err == f"ddcheck: bestand bestaat niet: {missing}\n"
    code, err = run(capsys, "verify", str(missing))
    assert code == 2 and err == f"ddcheck: no such file: {missing}\n"


def test_a_workspace_error_in_dutch_on_a_dutch_system(capsys, monkeypatch, tmp_path) -> None:
    data = str(tmp_path / "ws")
    assert main(["--data-dir", data, "list"]) == 0
    capsys.readouterr()
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    code, err = run(capsys, "--data-dir", data, "show", "nothing-like-this")
    assert code == 2 and err.startswith("ddcheck: Geen dossier-id begint met 'nothing-like-this'")
    code, err = run(capsys, "--lang", "en", "--data-dir", data, "show", "nothing-like-this")
    assert code == 2 and err.startswith("ddcheck: No dossier id starts with 'nothing-like-this'")


def test_the_language_chosen_in_the_app_speaks_on_the_command_line(capsys, tmp_path) -> None:
    data = tmp_path / "ws"
    save_preferences(data_paths(str(data)).preferences, Preferences(language="nl"))
    code, err = run(capsys, "--data-dir", str(data), "workspace", "decrypt")
    assert code == 2
    assert err == "ddcheck: de werkruimte is niet versleuteld; er valt niets te ontsleutelen\n"


def test_a_commands_own_lang_is_the_dossiers_not_the_messages(capsys, tmp_path) -> None:
    data = str(tmp_path / "ws")
    code = main(["--data-dir", data, "new", "--company", "Acme", "--mission", "M", "--json"])
    made = json.loads(capsys.readouterr().out)
    assert code == 0 and made  # the dossier is Dutch (new's default) ...
    code, err = run(capsys, "--data-dir", data, "new", "--company", "", "--mission", "M")
    assert code == 2 and err.startswith("ddcheck: The company name")  # ... its messages English


def test_hostile_text_in_a_dutch_message_stays_one_escaped_line(capsys, tmp_path) -> None:
    hostile = tmp_path / "evil\x1b[2J\nname.pdf"
    code, err = run(capsys, "--lang", "nl", "verify", str(hostile))
    assert code == 2 and "\x1b" not in err and err.count("\n") == 1
    assert "bestand bestaat niet" in err


def test_a_refused_checklist_lists_its_problems_then_says_so_in_dutch(capsys, tmp_path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("id: x\nversion: 0\n", encoding="utf-8")
    data = str(tmp_path / "ws")
    code, err = run(capsys, "--lang", "nl", "--data-dir", data, "templates", "import", str(broken))
    lines = err.splitlines()
    assert code == 2 and len(lines) >= 3 and "sections" in err
    assert lines[-1] == "ddcheck: broken.yaml is niet geïmporteerd: zie de problemen hierboven"
