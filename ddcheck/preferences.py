"""The one settings store: what the user chose, kept next to the workspace in one JSON file.

The services read the name written in the history and how many backups to keep; the app keeps
its language, the last dossier and the window's layout here too (as text: Qt-free).
"""

from __future__ import annotations

import getpass
import json
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from ddcheck.domain.text import Language


class Preferences(BaseModel):
    """What the user chose once and expects ddcheck to remember."""

    model_config = ConfigDict(extra="ignore")

    user_name: str = Field(default="", max_length=200)
    language: Language | None = None  # the app's language; None: follow the system
    backups_to_keep: int = Field(default=10, ge=1, le=100)
    lock_after_minutes: int = Field(default=10, ge=0, le=24 * 60)  # 0: never (encrypted only)
    encryption_offered: bool = False  # the first start asked whether to encrypt
    last_dossier: str = ""
    mission_folder: str = Field(default="", max_length=4096)  # shared with colleagues; synced
    ui_state: dict[str, str] = Field(default_factory=dict)  # window geometry, splitters, ...


def load_preferences(path: Path) -> Preferences:
    """Return the preferences stored at `path`, or the defaults when missing or unreadable."""
    try:
        return Preferences.model_validate(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, ValidationError):
        return Preferences()


def save_preferences(path: Path, preferences: Preferences) -> None:
    """Write the preferences to `path` (atomically, via a temporary file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_text(preferences.model_dump_json(indent=2), encoding="utf-8")
    partial.replace(path)


def update_preferences(path: Path, **changes: object) -> Preferences:
    """Change some preferences on disk (read, change, write) and return the result."""
    changed = load_preferences(path).model_copy(update=changes)
    changed = Preferences.model_validate(changed.model_dump())
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
