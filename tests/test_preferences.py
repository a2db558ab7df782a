"""Preferences: defaults when missing or unreadable, saved atomically, the history user name."""

from __future__ import annotations

from pathlib import Path

from ddcheck.preferences import (
    Preferences,
    history_user,
    load_preferences,
    os_user,
    save_preferences,
)


def test_missing_or_broken_preferences_give_the_defaults(tmp_path: Path):
    assert load_preferences(tmp_path / "none.json") == Preferences()
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert load_preferences(broken) == Preferences()
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"backups_to_keep": -3}', encoding="utf-8")
    assert load_preferences(wrong) == Preferences()


def test_saved_preferences_load_back(tmp_path: Path):
    path = tmp_path / "sub" / "preferences.json"
    save_preferences(path, Preferences(user_name="Sanne de Vries", language="en"))
    assert load_preferences(path) == Preferences(user_name="Sanne de Vries", language="en")
    assert not list(path.parent.glob("*.part"))


def test_history_user_is_the_preference_or_the_os_user():
    assert history_user(Preferences(user_name="  Sanne  ")) == "Sanne"
    assert history_user(Preferences()) == os_user() != ""


def test_the_workspace_writes_history_under_the_preferred_name(tmp_path: Path):
    from ddcheck.domain.dossier import Company, Mission
    from ddcheck.paths import data_paths
    from ddcheck.services import SimpleCatalog, Workspace

    save_preferences(data_paths(tmp_path).preferences, Preferences(user_name="Joost Bakker"))
    with Workspace.open(tmp_path, catalog=SimpleCatalog()) as ws:
        dossier = ws.create_dossier(Company(name="A"), Mission(name="B"))
        assert ws.user == "Joost Bakker"
        assert [h.who for h in ws.history(dossier.id)] == ["Joost Bakker"]


def test_each_value_is_checked_and_unknown_keys_are_ignored(tmp_path: Path):
    path = tmp_path / "preferences.json"
    for wrong in (
        '{"backups_to_keep": true}',
        '{"backups_to_keep": "10"}',
        '{"lock_after_minutes": 1441}',
        '{"language": "de"}',
        '{"user_name": 5}',
        '{"ui_state": {"geometry": 5}}',
        '{"encryption_offered": "yes"}',
        "[1, 2]",
    ):
        path.write_text(wrong, encoding="utf-8")
        assert load_preferences(path) == Preferences(), wrong
    path.write_text('{"user_name": "Sanne", "from_a_newer_ddcheck": 1}', encoding="utf-8")
    assert load_preferences(path) == Preferences(user_name="Sanne")


def test_a_change_is_checked_like_a_loaded_file():
    import pytest

    assert Preferences().changed(backups_to_keep=3).backups_to_keep == 3
    with pytest.raises(ValueError):
        Preferences().changed(backups_to_keep=0)
    with pytest.raises(ValueError):
        Preferences().changed(user_name="x" * 201)
