"""The language of the command line's messages: --lang, the app's choice, the system's, English."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from ddcheck.domain.language import Language, pick_language
from ddcheck.preferences import load_preferences

# gettext's order: the first of these that is set names the language of messages
_LOCALE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def system_languages(environ: Mapping[str, str]) -> list[str]:
    """Return the languages the environment asks messages in, most wanted first."""
    for variable in _LOCALE_VARIABLES:
        value = environ.get(variable, "")
        if value:
            return [name for name in value.split(":") if name]
    return []


def message_language(chosen: str | None, preferences: Path, environ: Mapping[str, str]) -> Language:
    """Return the language for messages: `--lang`, else the app's setting, else the system's."""
    if chosen is not None:
        return pick_language([chosen])
    in_app = load_preferences(preferences).language  # chosen in the app's Settings
    if in_app is not None:
        return in_app
    return pick_language(system_languages(environ))
