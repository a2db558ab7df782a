"""Applicability conditions as structured data (all / any / not over profile fields and answers)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, model_validator

from ddcheck.domain.text import Language
from ddcheck.domain.vocabulary import Entry, catalog_entry, words_for

ProfileField = Literal[
    "export_credit_insurance",
    "destinations",
    "activities",
    "sector",
    "size",
    "high_risk_destinations",
    "high_risk_area",
]
PROFILE_FIELDS: tuple[str, ...] = ProfileField.__args__  # type: ignore[attr-defined]

Scalar = str | bool | int | float


class ProfileCondition(BaseModel):
    """True when a field of the dossier profile equals, is in, or contains one of some values."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    profile: ProfileField
    equals: Scalar | None = None
    in_: tuple[Scalar, ...] | None = Field(default=None, alias="in")
    contains_any: tuple[Scalar, ...] | None = None

    @model_validator(mode="after")
    def _exactly_one_test(self) -> ProfileCondition:
        tests = [t for t in (self.equals, self.in_, self.contains_any) if t is not None]
        if len(tests) != 1:
            raise ValueError("give exactly one of 'equals', 'in' or 'contains_any'")
        return self


class AnswerCondition(BaseModel):
    """True when another item of the same template is answered with one of some options."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    answer: str = Field(min_length=1)
    in_: tuple[str, ...] = Field(alias="in", min_length=1)


class AllCondition(BaseModel):
    """True when every sub-condition is true."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    all: tuple[Condition, ...] = Field(min_length=1)


class AnyCondition(BaseModel):
    """True when at least one sub-condition is true."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    any: tuple[Condition, ...] = Field(min_length=1)


class NotCondition(BaseModel):
    """True when the sub-condition is false."""

    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)

    not_: Condition = Field(alias="not")


def _condition_kind(value: Any) -> str | None:
    """Tell which kind of condition a mapping or model is, by its leading key."""
    if isinstance(value, BaseModel):
        return {
            AllCondition: "all",
            AnyCondition: "any",
            NotCondition: "not",
            ProfileCondition: "profile",
            AnswerCondition: "answer",
        }.get(type(value))
    if not isinstance(value, Mapping):
        return None
    return next((k for k in ("all", "any", "not", "profile", "answer") if k in value), None)


Condition = Annotated[
    Annotated[AllCondition, Tag("all")]
    | Annotated[AnyCondition, Tag("any")]
    | Annotated[NotCondition, Tag("not")]
    | Annotated[ProfileCondition, Tag("profile")]
    | Annotated[AnswerCondition, Tag("answer")],
    Discriminator(
        _condition_kind,
        custom_error_type="condition_kind",
        custom_error_message="a condition needs one of the keys all, any, not, profile or answer",
    ),
]

for _model in (AllCondition, AnyCondition, NotCondition):
    _model.model_rebuild()


ProfileValues = Mapping[str, Any]
AnswerValues = Mapping[str, Any]


def evaluate(condition: Condition | None, profile: ProfileValues, answers: AnswerValues) -> bool:
    """Return whether `condition` holds for a profile and the template's answer values."""
    if condition is None:
        return True
    if isinstance(condition, AllCondition):
        return all(evaluate(c, profile, answers) for c in condition.all)
    if isinstance(condition, AnyCondition):
        return any(evaluate(c, profile, answers) for c in condition.any)
    if isinstance(condition, NotCondition):
        return not evaluate(condition.not_, profile, answers)
    if isinstance(condition, AnswerCondition):
        value = answers.get(condition.answer)
        chosen = value if isinstance(value, list | tuple) else [value]
        return any(v in condition.in_ for v in chosen)
    return _evaluate_profile(condition, profile)


def _evaluate_profile(condition: ProfileCondition, profile: ProfileValues) -> bool:
    value = profile.get(condition.profile)
    if condition.equals is not None:
        return value == condition.equals
    if condition.in_ is not None:
        return value in condition.in_
    held = value if isinstance(value, list | tuple | set | frozenset) else [value]
    return any(v in held for v in condition.contains_any or ())


MAX_CONDITION_DEPTH = 12
"""Conditions nest at most this deep (a real checklist needs 3); deeper is refused on import."""

MAX_CONDITION_PARTS = 2000
"""One condition holds at most this many parts (all/any/not/profile/answer) in total."""


def _children(condition: Condition) -> tuple[Condition, ...]:
    if isinstance(condition, AllCondition):
        return condition.all
    if isinstance(condition, AnyCondition):
        return condition.any
    if isinstance(condition, NotCondition):
        return (condition.not_,)
    return ()


def condition_shape(condition: Condition | None) -> tuple[int, int]:
    """Return (depth, number of parts) of a condition, without recursion."""
    if condition is None:
        return 0, 0
    depth = parts = 0
    stack = [(condition, 1)]
    while stack:
        node, level = stack.pop()
        parts += 1
        depth = max(depth, level)
        stack.extend((child, level + 1) for child in _children(node))
    return depth, parts


def referenced_answers(condition: Condition | None) -> set[str]:
    """Return the item ids a condition looks at."""
    if condition is None:
        return set()
    if isinstance(condition, AllCondition):
        return set().union(*(referenced_answers(c) for c in condition.all))
    if isinstance(condition, AnyCondition):
        return set().union(*(referenced_answers(c) for c in condition.any))
    if isinstance(condition, NotCondition):
        return referenced_answers(condition.not_)
    if isinstance(condition, AnswerCondition):
        return {condition.answer}
    return set()


# The words of a described condition live in the word catalog under "condition".
_FIELD_LABELS: dict[str, Entry] = {
    "export_credit_insurance": catalog_entry("condition", "export credit insurance applied for"),
    "destinations": catalog_entry("condition", "destination"),
    "activities": catalog_entry("condition", "activity"),
    "sector": catalog_entry("condition", "sector"),
    "size": catalog_entry("condition", "company size"),
    "high_risk_destinations": catalog_entry("condition", "conflict-affected or high-risk area"),
    "high_risk_area": catalog_entry(
        "condition", "a destination is a conflict-affected or high-risk area"
    ),
}


def describe(condition: Condition | None, lang: Language) -> str:
    """Return a short human sentence for a condition (used to explain why a checklist applies)."""
    words = words_for(lang)
    if condition is None:
        return words.in_context("condition", "always")
    if isinstance(condition, AllCondition):
        joiner = f" {words.in_context('condition', 'and')} "
        return "(" + joiner.join(describe(c, lang) for c in condition.all) + ")"
    if isinstance(condition, AnyCondition):
        joiner = f" {words.in_context('condition', 'or')} "
        return "(" + joiner.join(describe(c, lang) for c in condition.any) + ")"
    if isinstance(condition, NotCondition):
        inner = describe(condition.not_, lang)
        return words.in_context("condition", "not {condition}", condition=inner)
    if isinstance(condition, AnswerCondition):
        answers = " / ".join(condition.in_)
        return words.in_context(
            "condition", "{item} answered {values}", item=condition.answer, values=answers
        )
    label = words.entry(_FIELD_LABELS[condition.profile])
    if condition.equals is not None:
        if condition.equals is True:
            return label
        if condition.equals is False:
            return words.in_context("condition", "no {label}", label=label)
        return f"{label} = {condition.equals}"
    values = condition.in_ if condition.in_ is not None else condition.contains_any or ()
    return f"{label}: {', '.join(str(v) for v in values)}"
