"""Window state and UI preferences in a QSettings ini file inside the workspace folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from ddcheck.ui.i18n import Language


class UiSettings:
    """Remember the window, splitters, last dossier and the chosen UI language."""

    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(path), QSettings.Format.IniFormat)

    @property
    def path(self) -> Path:
        """Return the settings file."""
        return Path(self._qs.fileName())

    def language(self) -> Language | None:
        """Return the chosen UI language, or None to follow the system."""
        value = self._qs.value("ui/language", "")
        return value if value in ("nl", "en") else None

    def set_language(self, lang: Language | None) -> None:
        """Choose a UI language (None: follow the system)."""
        self._qs.setValue("ui/language", lang or "")
        self._qs.sync()

    def bytes_value(self, key: str) -> QByteArray | None:
        """Return a stored binary state (geometry, splitter), or None."""
        value = self._qs.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def set_bytes_value(self, key: str, value: QByteArray) -> None:
        """Store a binary state."""
        self._qs.setValue(key, value)

    def last_dossier(self) -> str | None:
        """Return the id of the dossier open when the app last closed."""
        value = self._qs.value("session/last_dossier", "")
        return str(value) or None

    def set_last_dossier(self, dossier_id: str | None) -> None:
        """Remember the open dossier."""
        self._qs.setValue("session/last_dossier", dossier_id or "")

    def text(self, key: str, default: str = "") -> str:
        """Return a stored string."""
        return str(self._qs.value(key, default))

    def set_text(self, key: str, value: str) -> None:
        """Store a string."""
        self._qs.setValue(key, value)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._qs.sync()
