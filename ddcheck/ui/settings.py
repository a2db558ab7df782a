"""The app's side of the one settings store (ddcheck.preferences): language, dossier, layout."""

from __future__ import annotations

import base64
import binascii
from pathlib import Path

from PySide6.QtCore import QByteArray

from ddcheck.preferences import load_preferences, save_preferences
from ddcheck.ui.i18n import Language


class UiSettings:
    """Remember the window, splitters, last dossier, the UI language and the user's name.

    Every change is written at once to the workspace's preferences file (read, change, write),
    so the services' own changes to it (the name in the history) are never overwritten.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._prefs = load_preferences(path)

    @property
    def path(self) -> Path:
        """Return the settings file."""
        return self._path

    def _change(self, **changes: object) -> None:
        current = load_preferences(self._path)
        self._prefs = current.changed(**changes)
        save_preferences(self._path, self._prefs)

    def language(self) -> Language | None:
        """Return the chosen UI language, or None to follow the system."""
        return self._prefs.language

    def set_language(self, lang: Language | None) -> None:
        """Choose a UI language (None: follow the system)."""
        self._change(language=lang)

    def user_name(self) -> str:
        """Return the name the user gave for the history ('' when none)."""
        return self._prefs.user_name

    def bytes_value(self, key: str) -> QByteArray | None:
        """Return a stored binary state (geometry, splitter), or None."""
        try:
            raw = base64.b64decode(self._prefs.ui_state.get(key, ""), validate=True)
        except (binascii.Error, ValueError):
            return None
        return QByteArray(raw) if raw else None

    def set_bytes_value(self, key: str, value: QByteArray) -> None:
        """Store a binary state."""
        text = base64.b64encode(bytes(value.data())).decode("ascii")
        self._change(ui_state={**load_preferences(self._path).ui_state, key: text})

    def last_dossier(self) -> str | None:
        """Return the id of the dossier open when the app last closed."""
        return self._prefs.last_dossier or None

    def set_last_dossier(self, dossier_id: str | None) -> None:
        """Remember the open dossier."""
        self._change(last_dossier=dossier_id or "")

    def mission_folder(self) -> str:
        """Return the shared mission folder ('' when none is set)."""
        return self._prefs.mission_folder

    def set_mission_folder(self, folder: str) -> None:
        """Remember the shared mission folder ('' to stop syncing)."""
        self._change(mission_folder=folder)

    def text(self, key: str, default: str = "") -> str:
        """Return a stored string."""
        return self._prefs.ui_state.get(key, default)

    def set_text(self, key: str, value: str) -> None:
        """Store a string."""
        self._change(ui_state={**load_preferences(self._path).ui_state, key: value})

    def sync(self) -> None:
        """Read the file again (every change is written at once; others may have written)."""
        self._prefs = load_preferences(self._path)
