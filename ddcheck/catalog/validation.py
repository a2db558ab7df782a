"""Turn pydantic validation errors into located, plain-language problems."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ddcheck.catalog.problems import LocatedProblem, field_name
from ddcheck.catalog.yaml_source import YamlDocument

ModelT = TypeVar("ModelT", bound=BaseModel)

_PLAIN_MESSAGES: dict[str, str] = {
    "missing": "is required but missing",
    "extra_forbidden": "is not a known field (check the spelling)",
    "string_type": "should be text",
    "int_type": "should be a whole number",
    "int_parsing": "should be a whole number",
    "bool_type": "should be true or false",
    "bool_parsing": "should be true or false",
    "date_type": "should be a date such as 2027-06-30",
    "date_parsing": "should be a date such as 2027-06-30",
    "date_from_datetime_parsing": "should be a date such as 2027-06-30",
    "list_type": "should be a list",
    "tuple_type": "should be a list",
    "dict_type": "should be a mapping of fields",
    "model_type": "should be a mapping of fields",
    "model_attributes_type": "should be a mapping of fields",
    "float_type": "should be a number",
    "float_parsing": "should be a number",
}


def _clean_loc(loc: Sequence[str | int]) -> tuple[str | int, ...]:
    """Drop the tag steps pydantic inserts for tagged unions (they repeat the key before them)."""
    cleaned: list[str | int] = []
    for step in loc:
        if cleaned and step == cleaned[-1] and isinstance(step, str):
            continue
        if step in ("not_",):
            step = "not"
        cleaned.append(step)
    return tuple(cleaned)


def _plain_message(error: dict[str, Any]) -> str:
    kind = error["type"]
    if kind in _PLAIN_MESSAGES:
        return _PLAIN_MESSAGES[kind]
    if kind == "string_pattern_mismatch":
        return (
            f"'{error.get('input')}' is not a valid value here "
            "(ids use lowercase letters, digits, '.', '_' and '-')"
        )
    if kind == "too_short":
        return (
            "needs at least one entry"
            if isinstance(error.get("input"), list | tuple)
            else ("must not be empty")
        )
    message = str(error.get("msg", "is not valid"))
    return message.removeprefix("Value error, ")


def located_problems(
    error: ValidationError, document: YamlDocument, filename: str
) -> list[LocatedProblem]:
    """Return one located problem per pydantic error."""
    errors = error.errors(include_url=False)
    locs = [_clean_loc(e["loc"]) for e in errors]
    problems = []
    for item, loc in zip(errors, locs, strict=True):
        if item["type"] == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in locs
        ):
            continue  # a list reported short only because its entries failed

        problems.append(
            LocatedProblem(
                file=filename,
                line=document.line_of(loc),
                field=field_name(loc),
                message=_plain_message(dict(item)),
            )
        )
    return problems


def validate_document(
    model: type[ModelT], document: YamlDocument, filename: str
) -> tuple[ModelT | None, list[LocatedProblem]]:
    """Validate a parsed YAML document into `model`; return the object or the problems."""
    problems = [
        LocatedProblem(filename, line, field_name(path), "is given twice in the same mapping")
        for path, line in document.duplicate_keys
    ]
    if not isinstance(document.data, dict):
        problems.append(
            LocatedProblem(filename, 1, "", "the file should hold a mapping of fields at the top")
        )
        return None, problems
    try:
        return model.model_validate(document.data), problems
    except ValidationError as error:
        return None, problems + located_problems(error, document, filename)
