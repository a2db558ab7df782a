"""The one place that knows where resources, data, settings and logs live."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from ddcheck import APP_NAME

DATA_DIR_ENV = "DDCHECK_DATA_DIR"
_PACKAGE_DIR = Path(__file__).resolve().parent


def resource_root() -> Path:
    """Return the folder holding `resources/` and `seeds/` for this installation."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "ddcheck" / "_data"
    installed = _PACKAGE_DIR / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE_DIR.parent


def resources_dir() -> Path:
    """Return the shipped `resources/` folder (checklists, fonts, icons, translations)."""
    return resource_root() / "resources"


def checklists_dir() -> Path:
    """Return the folder with the shipped checklist and briefing templates."""
    return resources_dir() / "checklists"


def seeds_dir() -> Path:
    """Return the folder with the letters' IMVO expectations."""
    return resource_root() / "seeds"


def licences_dir() -> Path:
    """Return the folder with THIRD-PARTY-NOTICES.txt and sbom.cdx.json (in bundles only)."""
    return resource_root() / "licences"


def fonts_dir() -> Path:
    """Return the folder with the fonts the PDF report embeds."""
    return resources_dir() / "fonts"


def cache_dir() -> Path:
    """Return the user's cache folder for ddcheck (what can be made again: the catalog's copy)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_data_dir() -> Path:
    """Return the workspace folder: `$DDCHECK_DATA_DIR` or the platform's user data folder."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


@dataclass(frozen=True)
class DataPaths:
    """Where one workspace keeps its database, backups, trash and logs."""

    root: Path

    @property
    def database(self) -> Path:
        """Return the workspace's SQLite file."""
        return self.root / "workspace.sqlite"

    @property
    def keys(self) -> Path:
        """Return the key file of an encrypted workspace (the wrapped data key)."""
        return self.root / "workspace.keys"

    @property
    def evidence(self) -> Path:
        """Return the folder of evidence files, shared by the workspace and its backups."""
        return self.root / "evidence"

    @property
    def backups(self) -> Path:
        """Return the folder of rolling backups."""
        return self.root / "backups"

    @property
    def damaged(self) -> Path:
        """Return the folder where a damaged workspace file is set aside."""
        return self.root / "damaged"

    @property
    def preferences(self) -> Path:
        """Return the preferences file."""
        return self.root / "preferences.json"

    @property
    def logs(self) -> Path:
        """Return the log folder."""
        return self.root / "logs"

    @property
    def app_lock(self) -> Path:
        """Return the lock file held by the one app window open on this workspace."""
        return self.root / "app.lock"


def data_paths(data_dir: Path | str | None = None) -> DataPaths:
    """Return the workspace paths for `data_dir`, or for the default data folder."""
    root = Path(data_dir).expanduser() if data_dir else default_data_dir()
    return DataPaths(root=root)
