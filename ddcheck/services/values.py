"""Check an answer value against its item's scale and bring it to its stored form."""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

from ddcheck.domain.scales import AnswerScale
from ddcheck.services.errors import InvalidInput

MAX_TEXT = 100_000


def option_list(scale: AnswerScale) -> str:
    """Return the scale's option ids with their English labels, for error messages."""
    return ", ".join(f"{o.id} ({o.label.en})" for o in scale.options)


def _choice(scale: AnswerScale, raw: str) -> str:
    option = scale.option(raw.strip())
    if option is None:
        raise InvalidInput(
            f"'{raw}' is not an option of this item; choose one of: {option_list(scale)}"
        )
    return option.id


def normalize_value(scale: AnswerScale, value: Any) -> Any:
    """Return `value` in the form stored for `scale`, or raise InvalidInput saying what fits."""
    if value is None or value == [] or (isinstance(value, str) and not value.strip()):
        return None  # blank or whitespace-only text is no answer
    if scale.kind == "single":
        if not isinstance(value, str):
            raise InvalidInput(f"Choose one option: {option_list(scale)}")
        return _choice(scale, value)
    if scale.kind == "multiple":
        parts = value.split(",") if isinstance(value, str) else value
        if not isinstance(parts, list | tuple):
            raise InvalidInput(f"Choose one or more options: {option_list(scale)}")
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
                f"'{option.label.en}' cannot be combined with other options; choose it alone."
            )


def _number(value: Any) -> float:
    if isinstance(value, bool):
        raise InvalidInput("Give a number, such as 12 or 3.5.")
    try:
        number = (
            float(str(value).strip().replace(",", ".")) if isinstance(value, str) else float(value)
        )
    except (TypeError, ValueError) as error:
        raise InvalidInput(f"'{value}' is not a number; give one such as 12 or 3.5.") from error
    if not math.isfinite(number):
        raise InvalidInput(f"'{value}' is not a usable number.")
    return number


def _date(value: Any) -> str:
    if isinstance(value, dt.date):
        return value.isoformat()[:10]
    try:
        return dt.date.fromisoformat(str(value).strip()).isoformat()
    except ValueError as error:
        raise InvalidInput(f"'{value}' is not a date; write it as YYYY-MM-DD.") from error


def check_text(label: str, text: Any) -> str:
    """Return `text` as a string, or raise InvalidInput when it is not text or far too long."""
    if not isinstance(text, str):
        raise InvalidInput(f"The {label} must be text.")
    if len(text) > MAX_TEXT:
        raise InvalidInput(f"The {label} is too long ({len(text)} characters; at most {MAX_TEXT}).")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidInput(
            f"The {label} contains bytes that are not valid text; save it as UTF-8 and try again."
        ) from error
    return strip_controls(text)


_LINE_BREAKS = str.maketrans({"\r": "\n"})
_CONTROLS = {c: None for c in range(32) if chr(c) not in "\t\n"}


def strip_controls(text: str) -> str:
    """Return `text` without C0 control characters (tabs and line breaks stay; CR becomes LF)."""
    return text.replace("\r\n", "\n").translate(_LINE_BREAKS).translate(_CONTROLS)
