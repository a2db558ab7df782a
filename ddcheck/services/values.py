"""Check an answer value against its item's scale and bring it to its stored form."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any, Literal

from ddcheck.domain.scales import AnswerScale
from ddcheck.domain.vocabulary import Wording, catalog_entry
from ddcheck.services.errors import InvalidInput

MAX_TEXT = 100_000
# what check_text calls the text it refuses, as an error sentence says it
_LABELS = {
    "note": catalog_entry("checked text", "note"),
    "text": catalog_entry("checked text", "text"),
}


def option_list(scale: AnswerScale) -> str:
    """Return the scale's option ids with their English labels, for error messages."""
    return ", ".join(f"{o.id} ({o.label.en})" for o in scale.options)


class Options:
    """A scale's option ids with their labels in the reader's language: a field of an error."""

    __slots__ = ("scale",)

    def __init__(self, scale: AnswerScale) -> None:
        self.scale = scale

    def text(self, lang: str) -> str:
        """Return "id (label), ..." with the labels in `lang` ('nl' or 'en')."""
        return ", ".join(f"{o.id} ({o.label.text(lang)})" for o in self.scale.options)

    def __str__(self) -> str:
        return self.text("en")


def _choice(scale: AnswerScale, raw: str) -> str:
    option = scale.option(raw.strip())
    if option is None:
        raise InvalidInput(
            catalog_entry(
                "error", "'{value}' is not an option of this item; choose one of: {options}"
            ),
            value=raw,
            options=Options(scale),
        )
    return option.id


def normalize_value(scale: AnswerScale, value: Any) -> Any:
    """Return `value` in the form stored for `scale`, or raise InvalidInput saying what fits."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return None  # blank or whitespace-only text is no answer
    if scale.kind == "single":
        if not isinstance(value, str):
            raise InvalidInput(
                catalog_entry("error", "Choose one option: {options}"), options=Options(scale)
            )
        return _choice(scale, value)
    if scale.kind == "multiple":
        parts = value.split(",") if isinstance(value, str) else value
        if not isinstance(parts, list | tuple):
            raise InvalidInput(
                catalog_entry("error", "Choose one or more options: {options}"),
                options=Options(scale),
            )
        chosen: list[str] = []
        for part in parts:
            option_id = _choice(scale, str(part))
            if option_id not in chosen:
                chosen.append(option_id)
        _check_exclusive(scale, chosen)
        return chosen
    if scale.kind == "number":
        return _number(value)
    if scale.kind == "date":
        return _date(value)
    return check_text("text", str(value)) or None


def _check_exclusive(scale: AnswerScale, chosen: list[str]) -> None:
    """Refuse an exclusive option (such as 'None of these') combined with other options."""
    if len(chosen) < 2:
        return
    for option_id in chosen:
        option = scale.option(option_id)
        if option is not None and option.exclusive:
            raise InvalidInput(
                catalog_entry(
                    "error", "'{option}' cannot be combined with other options; choose it alone."
                ),
                option=option.label,
            )


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise InvalidInput(catalog_entry("error", "Give a number, such as 12 or 3.5."))
    try:
        number = (
            float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError) as error:
        raise InvalidInput(
            catalog_entry("error", "'{value}' is not a number; give one such as 12 or 3.5."),
            value=value,
        ) from error
    if not math.isfinite(number):
        raise InvalidInput(catalog_entry("error", "'{value}' is not a usable number."), value=value)
    return number


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError as error:
        raise InvalidInput(
            catalog_entry("error", "'{value}' is not a date; write it as YYYY-MM-DD."), value=value
        ) from error


def check_text(label: Literal["note", "text"], text: Any) -> str:
    """Return `text` as a string, or raise InvalidInput when it is not text or far too long."""
    named = Wording(_LABELS[label])
    if not isinstance(text, str):
        raise InvalidInput(catalog_entry("error", "The {label} must be text."), label=named)
    if len(text) > MAX_TEXT:
        raise InvalidInput(
            catalog_entry(
                "error", "The {label} is too long ({count} characters; at most {limit})."
            ),
            label=named,
            count=len(text),
            limit=MAX_TEXT,
        )
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidInput(
            catalog_entry(
                "error",
                "The {label} contains bytes that are not valid text; save it as UTF-8 and try "
                "again.",
            ),
            label=named,
        ) from error
    return strip_controls(text)


_LINE_BREAKS = str.maketrans({"\r": "\n"})
_CONTROLS = {c: None for c in range(32) if chr(c) not in "\t\n"}


def strip_controls(text: str) -> str:
    """Return `text` without C0 control characters (tabs and line breaks stay; CR becomes LF)."""
    return text.replace("\r\n", "\n").translate(_LINE_BREAKS).translate(_CONTROLS)
