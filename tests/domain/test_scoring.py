"""Scoring rules, one at a time: chosen options, gaps, red flags, justifications, scores."""

from __future__ import annotations

import pytest

from ddcheck.domain.applicability import item_applicability
from ddcheck.domain.dossier import Answer
from ddcheck.domain.scoring import (
    asks_justification,
    average_score,
    is_gap,
    is_not_applicable,
    is_red_flag,
    item_score,
    justification_missing,
    needs_justification,
    options_chosen,
    progress,
)
from tests.domain.builders import answer, make_dossier, mini_template

TEMPLATES = {"mini": mini_template()}


def entry(item_id: str):
    dossier = make_dossier([answer("ps2-applicable", "yes")])
    return next(e for e in item_applicability(dossier, TEMPLATES) if e.item.id == item_id)


@pytest.mark.parametrize(
    ("item_id", "value", "gap", "red"),
    [
        ("policy", "yes", False, False),
        ("policy", "partly", True, False),
        ("policy", "no", True, True),  # the item lists "no" as its red flag
        ("maturity", "m2", True, False),
        ("maturity", "m3", False, False),
        ("ps2-fees", "meets", False, False),
        ("ps2-fees", "gap", True, True),  # the scale's own red flag
        ("ps2-fees", "na", False, False),
    ],
)
def test_gaps_and_red_flags_follow_the_option_and_the_item(item_id, value, gap, red) -> None:
    e = entry(item_id)
    given = answer(item_id, value)
    assert (is_gap(e, given), is_red_flag(e, given)) == (gap, red)


def test_no_answer_is_neither_a_gap_nor_a_red_flag_nor_scored() -> None:
    e = entry("policy")
    for nothing in (None, answer("policy", None)):
        assert not is_gap(e, nothing) and not is_red_flag(e, nothing)
        assert (
            item_score(e, nothing) is None
            and options_chosen(e.template.scale_for(e.item), nothing) == ()
        )


def test_item_scores_are_shares_of_the_scales_maximum() -> None:
    assert item_score(entry("policy"), answer("policy", "partly")) == 0.5
    assert item_score(entry("maturity"), answer("maturity", "m4")) == pytest.approx(0.8)
    assert item_score(entry("ps2-fees"), answer("ps2-fees", "na")) is None
    assert is_not_applicable(entry("ps2-fees"), answer("ps2-fees", "na"))
    assert item_score(entry("notes"), answer("notes", "free words")) is None


def test_a_justification_is_asked_by_the_option_and_missing_until_a_note_gives_it() -> None:
    e = entry("ps2-fees")
    scale = e.template.scale_for(e.item)
    bare = answer("ps2-fees", "partly")
    noted = answer("ps2-fees", "partly", note="Agency fees repaid from March.")
    blank_note = answer("ps2-fees", "partly", note="   ")
    assert asks_justification(scale, bare) and asks_justification(scale, noted)
    assert justification_missing(scale, bare) and justification_missing(scale, blank_note)
    assert not justification_missing(scale, noted)
    assert needs_justification(e, bare) and not needs_justification(e, noted)
    assert not asks_justification(scale, answer("ps2-fees", "meets"))
    assert not justification_missing(scale, None)


def test_progress_and_average_count_only_applicable_answered_items() -> None:
    entries = [entry("policy"), entry("maturity"), entry("ps2-fees")]
    answers: dict[str, Answer] = {
        "mini/policy": answer("policy", "yes"),
        "mini/ps2-fees": answer("ps2-fees", "na", note="No recruitment."),
    }
    done = progress(entries, answers)
    assert (done.answered, done.total) == (2, 3)
    assert average_score(entries, answers).value == 1.0  # na is not scored
    assert average_score(entries, {}).value is None
