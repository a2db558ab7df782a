"""The one settings store: what the user chose, kept next to the workspace in one JSON file.

The services read the name written in the history and how many backups to keep; the app keeps
its language, the last dossier and the window's layout here too (as text: Qt-free).
"""

from __future__ import annotations

import dataclasses
import getpass
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ddcheck.domain.language import LANGUAGES, Language


@dataclass(frozen=True)
class Preferences:
    """What the user chose once and expects ddcheck to remember."""

    user_name: str = ""  # at most 200 characters
    language: Language | None = None  # the app's language; None: follow the system
    backups_to_keep: int = 10  # 1 to 100
    lock_after_minutes: int = 10  # 0 (never; encrypted workspaces only) to 24 hours
    encryption_offered: bool = False  # the first start asked whether to encrypt
    last_dossier: str = ""
    mission_folder: str = ""  # shared with colleagues; synced; at most 4096 characters
    ui_state: dict[str, str] = field(default_factory=dict)  # window geometry, splitters, ...

    def __post_init__(self) -> None:
        _check_text(self.user_name, "user_name", 200)
        if self.language is not None and self.language not in LANGUAGES:
            raise ValueError(f"language: {self.language!r} is not one of {LANGUAGES}")
        _check_number(self.backups_to_keep, "backups_to_keep", 1, 100)
        _check_number(self.lock_after_minutes, "lock_after_minutes", 0, 24 * 60)
        if not isinstance(self.encryption_offered, bool):
            raise ValueError("encryption_offered: not true or false")
        _check_text(self.last_dossier, "last_dossier", 4096)
        _check_text(self.mission_folder, "mission_folder", 4096)
        state = self.ui_state
        if not isinstance(state, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in state.items()
        ):
            raise ValueError("ui_state: not a table of texts")

    @classmethod
    def from_mapping(cls, data: object) -> Preferences:
        """Return the preferences in `data` (unknown keys ignored); ValueError when invalid."""
        if not isinstance(data, Mapping):
            raise ValueError("preferences: not a JSON object")
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})

    def as_dict(self) -> dict[str, Any]:
        """Return the preferences as a JSON-ready dict."""
        return dataclasses.asdict(self)  # a deep copy: ui_state included

    def changed(self, **changes: object) -> Preferences:
        """Return a copy with `changes`, checked like a loaded file; ValueError when invalid."""
        return Preferences.from_mapping({**self.as_dict(), **changes})


def _check_text(value: object, name: str, longest: int) -> None:
    if not isinstance(value, str) or len(value) > longest:
        raise ValueError(f"{name}: not a text of at most {longest} characters")


def _check_number(value: object, name: str, least: int, most: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise ValueError(f"{name}: not a whole number from {least} to {most}")


def load_preferences(path: Path) -> Preferences:
    """Return the preferences stored at `path`, or the defaults when missing or unreadable."""
    try:
        return Preferences.from_mapping(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, TypeError):
        return Preferences()


def save_preferences(path: Path, preferences: Preferences) -> None:
    """Write the preferences to `path` (atomically, via a temporary file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(preferences.as_dict(), indent=2), encoding="utf-8")
    partial.replace(path)


def update_preferences(path: Path, **changes: object) -> Preferences:
    """Change some preferences on disk (read, change, write) and return the result."""
    changed = load_preferences(path).changed(**changes)
    save_preferences(path, changed)
    return changed


def os_user() -> str:
    """Return the operating-system user name, or 'unknown' when it cannot be found."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # getpass raises various errors when no user name is set
        return "unknown"


def history_user(preferences: Preferences) -> str:
    """Return the name history rows are written under: the preference, else the OS user."""
    return preferences.user_name.strip() or os_user()
