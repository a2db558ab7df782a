"""Updating a summary after some answers changed gives what summarising again gives."""

from __future__ import annotations

import itertools

import pytest

from ddcheck.domain.applicability import deciding_items
from ddcheck.domain.dossier import Answer
from ddcheck.domain.scoring import summarize, update_summary
from tests.domain.builders import answer, make_dossier, mini_template

TEMPLATES = {"mini": mini_template()}
START = [answer("ps2-applicable", "yes"), answer("policy", "partly"), answer("ps2-fees", "gap")]


def _with(answers: list[Answer], new: Answer | None, key: str) -> list[Answer]:
    kept = [a for a in answers if a.key != key]
    return kept if new is None else [*kept, new]


def test_only_the_answer_that_decides_applicability_is_deciding() -> None:
    assert deciding_items(TEMPLATES.values()) == {"mini/ps2-applicable"}


@pytest.mark.parametrize(
    ("item_id", "value"),
    [
        *itertools.product(["policy"], ["yes", "partly", "no", None]),
        *itertools.product(["maturity"], ["m1", "m2", "m3", "m4"]),
        *itertools.product(["ps2-fees"], ["meets", "gap", None]),
        ("notes", "Written down"),
        ("policy", "REMOVED"),
    ],
)
def test_one_changed_answer(item_id: str, value: object) -> None:
    before = make_dossier(START)
    summary = summarize(before, TEMPLATES)
    key = f"mini/{item_id}"
    new = None if value == "REMOVED" else answer(item_id, value)
    after = make_dossier(_with(START, new, key))
    updated = update_summary(summary, after.answers_by_key(), {key})
    assert updated == summarize(after, TEMPLATES)
    assert updated.overall == summarize(after, TEMPLATES).overall


def test_several_answers_one_after_another() -> None:
    answers = list(START)
    summary = summarize(make_dossier(answers), TEMPLATES)
    for item_id, value in [("policy", "no"), ("maturity", "m2"), ("policy", "yes"), ("notes", "x")]:
        key = f"mini/{item_id}"
        answers = _with(answers, answer(item_id, value), key)
        summary = update_summary(summary, make_dossier(answers).answers_by_key(), [key])
        assert summary == summarize(make_dossier(answers), TEMPLATES)
