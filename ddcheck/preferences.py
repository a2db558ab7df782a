"""User preferences kept next to the workspace: a validated model in one JSON file."""

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
    language: Language = "nl"
    backups_to_keep: int = Field(default=10, ge=1, le=100)
    lock_after_minutes: int = Field(default=10, ge=0, le=24 * 60)  # 0: never (encrypted only)
    encryption_offered: bool = False  # the first start asked whether to encrypt


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


def os_user() -> str:
    """Return the operating-system user name, or 'unknown' when it cannot be found."""
    try:
        return getpass.getuser() or "unknown"
    except Exception:  # getpass raises various errors when no user name is set
        return "unknown"


def history_user(preferences: Preferences) -> str:
    """Return the name history rows are written under: the preference, else the OS user."""
    return preferences.user_name.strip() or os_user()
