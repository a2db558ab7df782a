"""The border: JSON from outside is read here, bounded in full, before any model sees it.

Every received document (the dossier JSON of a PDF or bundle, a bundle's manifest, a review
file; later a mission pack) goes through `load_json` and then one pydantic model through
`validated`. Whatever fails gets one plain line; nothing past the border re-checks types.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ddcheck.exchange.errors import ExchangeError

M = TypeVar("M", bound=BaseModel)


class BorderError(ExchangeError):
    """A received document is not well-formed or exceeds what ddcheck accepts."""


@dataclass(frozen=True)
class Limits:
    """How big and deep a received JSON document may be."""

    max_bytes: int = 32 * 1024 * 1024
    max_depth: int = 16  # a dossier document is 8 levels deep at most
    max_string: int = 100_000  # characters: the app's own limit for a note
    max_items: int = 20_000  # entries of one list or object
    max_nodes: int = 2_000_000  # values in the whole document


LIMITS = Limits()


def _not_finite(token: str) -> float:
    raise BorderError(f"it holds a number that is not finite ({token})")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise BorderError(f"it holds a number too large to be finite ({text[:20]})")
    return value


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        raise BorderError("it names the same field twice in one object")
    return found


def load_json(data: bytes, what: str, limits: Limits = LIMITS) -> Any:
    """Return the JSON value in `data`; raise BorderError (one line naming `what`) otherwise.

    Refused: more than `limits.max_bytes`, text that is not UTF-8 JSON, NaN and ±Infinity,
    numbers beyond a float, a field named twice, and anything deeper, longer or larger than the
    limits allow.
    """
    if len(data) > limits.max_bytes:
        raise BorderError(f"the {what} is larger than ddcheck accepts")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise BorderError(f"the {what} is not valid JSON (not UTF-8 text)") from error
    try:
        value = json.loads(
            text,
            parse_constant=_not_finite,
            parse_float=_finite,
            object_pairs_hook=_unique_keys,
        )
    except BorderError as error:
        raise BorderError(f"the {what} is refused: {error}") from error
    except RecursionError as error:
        raise BorderError(f"the {what} is nested deeper than ddcheck accepts") from error
    except ValueError as error:  # JSONDecodeError, and integers longer than Python reads
        reason = " ".join(str(error).split())[:100]
        raise BorderError(f"the {what} is not valid JSON ({reason})") from error
    _check_bounds(value, what, limits)
    return value


def _check_bounds(value: Any, what: str, limits: Limits) -> None:
    """Walk the value without recursion and refuse it when it exceeds `limits`."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    nodes = 0
    while stack:
        node, depth = stack.pop()
        nodes += 1
        if nodes > limits.max_nodes:
            raise BorderError(f"the {what} holds more values than ddcheck accepts")
        if isinstance(node, str):
            if len(node) > limits.max_string:
                raise BorderError(
                    f"the {what} holds a text longer than {limits.max_string:,} characters"
                )
            continue
        if not isinstance(node, dict | list):
            continue
        if depth > limits.max_depth:
            raise BorderError(
                f"the {what} is nested deeper than ddcheck accepts ({limits.max_depth} levels)"
            )
        if len(node) > limits.max_items:
            raise BorderError(
                f"the {what} holds a list longer than ddcheck accepts ({limits.max_items:,})"
            )
        if isinstance(node, dict):
            stack.extend((key, depth + 1) for key in node)
            stack.extend((item, depth + 1) for item in node.values())
        else:
            stack.extend((item, depth + 1) for item in node)


def validated(model: type[M], data: bytes, what: str, context: dict[str, Any] | None = None) -> M:
    """Return `data` (JSON already through `load_json`) as `model`, validated strictly."""
    try:
        return model.model_validate_json(data, strict=True, context=context)
    except ValidationError as error:
        raise BorderError(f"the {what} {first_problem(error)}") from error


def first_problem(error: ValidationError, prefer: tuple[str, ...] = ()) -> str:
    """Return "is invalid at a.b: reason" for the first error (those under `prefer` first)."""
    problems = error.errors(include_url=False, include_input=False)
    ranked = sorted(
        problems,
        key=lambda p: prefer.index(str(p["loc"][0])) if p["loc"] and p["loc"][0] in prefer else 99,
    )
    first = ranked[0]
    where = ".".join(_plain(str(part)) for part in first["loc"])
    reason = _plain(str(first["msg"]))
    return f"is invalid at {where}: {reason}" if where else f"is invalid: {reason}"


def _plain(text: str, limit: int = 80) -> str:
    """Return `text` on one line, printable, at most `limit` characters."""
    cleaned = "".join(c if c.isprintable() else "?" for c in " ".join(text.split()))
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"
