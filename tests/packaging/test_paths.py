"""ddcheck.paths finds resources in a checkout, an installed wheel and a frozen bundle."""

from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from ddcheck import paths

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def no_data_dir_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make sure DDCHECK_DATA_DIR from the caller's shell does not leak into a test."""
    monkeypatch.delenv(paths.DATA_DIR_ENV, raising=False)


def test_source_checkout_uses_the_top_level_folders() -> None:
    if (ROOT / "ddcheck" / "_data").exists():
        pytest.skip("this checkout has a ddcheck/_data folder")
    assert paths.resource_root() == ROOT
    assert paths.resources_dir() == ROOT / "resources"
    assert paths.checklists_dir() == ROOT / "resources" / "checklists"
    assert paths.seeds_dir() == ROOT / "seeds"
    assert paths.fonts_dir() == ROOT / "resources" / "fonts"
    assert paths.checklists_dir().is_dir()
    assert paths.seeds_dir().is_dir()


def test_installed_wheel_uses_the_package_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = tmp_path / "site-packages" / "ddcheck"
    (package / "_data" / "resources" / "checklists").mkdir(parents=True)
    (package / "_data" / "seeds").mkdir()
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    assert paths.resource_root() == package / "_data"
    assert paths.checklists_dir() == package / "_data" / "resources" / "checklists"
    assert paths.seeds_dir() == package / "_data" / "seeds"


def test_frozen_bundle_uses_meipass_even_when_a_package_data_folder_exists(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "dist" / "ddcheck" / "_internal"
    (bundle / "ddcheck" / "_data" / "resources").mkdir(parents=True)
    package = tmp_path / "site-packages" / "ddcheck"
    (package / "_data").mkdir(parents=True)
    monkeypatch.setattr(paths, "_PACKAGE_DIR", package)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert paths.resource_root() == bundle / "ddcheck" / "_data"
    assert paths.resources_dir() == bundle / "ddcheck" / "_data" / "resources"
    assert paths.seeds_dir() == bundle / "ddcheck" / "_data" / "seeds"


def test_default_data_dir_is_the_platform_user_data_folder(no_data_dir_env: None) -> None:
    expected = Path(platformdirs.user_data_dir("ddcheck", appauthor=False))
    assert paths.default_data_dir() == expected
    assert paths.data_paths().root == expected


def test_env_var_overrides_the_default_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert paths.default_data_dir() == tmp_path / "from-env"
    assert paths.data_paths().database == tmp_path / "from-env" / "workspace.sqlite"


def test_argument_overrides_the_env_var(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "from-env"))
    chosen = paths.data_paths(tmp_path / "from-arg")
    assert chosen.root == tmp_path / "from-arg"
    assert chosen.database == tmp_path / "from-arg" / "workspace.sqlite"
    assert chosen.backups == tmp_path / "from-arg" / "backups"
    assert chosen.damaged == tmp_path / "from-arg" / "damaged"
    assert chosen.logs == tmp_path / "from-arg" / "logs"
    assert chosen.preferences == tmp_path / "from-arg" / "preferences.json"


def test_tilde_is_expanded_in_argument_and_env_var(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths.data_paths("~/work").root == tmp_path / "work"
    monkeypatch.setenv(paths.DATA_DIR_ENV, "~/env-work")
    assert paths.default_data_dir() == tmp_path / "env-work"


def test_paths_do_not_create_folders(tmp_path: Path) -> None:
    chosen = paths.data_paths(tmp_path / "not-yet")
    _ = (chosen.database, chosen.backups, chosen.logs)
    assert not (tmp_path / "not-yet").exists()
